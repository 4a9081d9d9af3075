package dev.mamori.bench;

import dev.mamori.advisory.Advisory;
import dev.mamori.match.AdvisoryIndex;
import dev.mamori.match.AdvisoryIndexSnapshot;
import dev.mamori.match.Matcher;
import dev.mamori.report.JsonWriter;
import dev.mamori.report.ScanReport;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.SbomReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end matching benchmark: a 10,000-component SBOM against an index of at least 300,000 advisories (every
 * real advisory of the staged corpora plus generated ones with real range shapes, see {@link BenchCorpus}).
 *
 * <p>It measures, and prints as a table: the time to build the in-memory index, to write the snapshot and to open
 * it; the time to match 1,000 / 2,000 / 5,000 / 10,000 components in process (first match on a freshly opened
 * snapshot, which includes decoding what it touches, and the median of warm repeats); and the whole CLI-equivalent
 * run (read the SBOM, open the snapshot, match, write the JSON report) in a child JVM with {@code -Xmx1g}, with its
 * wall time, the part after the JVM started, its CPU time, peak heap and GC counts; once with default JVM flags and
 * once with flags for a short-lived CLI (C1 only, serial GC, a young generation that fits the run, and an
 * application class-data-sharing archive). Targets: match under 200 ms, CLI under 2 s, heap under 1 GB.
 *
 * <pre>
 * ./mvnw -q -B -o -DskipTests package -pl mamori-bench -am
 * java -Xmx6g -cp mamori-bench/target/mamori-bench.jar dev.mamori.bench.MatchBench [ADVISORIES] [WORK_DIR]
 * </pre>
 * Defaults: 300,000 advisories, work directory {@code target/match-bench}; corpora from {@code -Dmamori.corpora}
 * (default {@code /work/shared/corpora}).
 */
public final class MatchBench {
    private static final int[] SIZES = {1_000, 2_000, 5_000, 10_000};

    private MatchBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("cli")) {
            cli(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            return;
        }
        if (args.length > 0 && args[0].equals("loop")) { // for profiling: match the SBOM again and again
            AdvisoryIndex index = AdvisoryIndexSnapshot.read(Path.of(args[1]));
            Bom bom = SbomReader.read(Path.of(args[2]));
            Matcher matcher = new Matcher(index);
            long end = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
            int n = 0;
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                matcher.match(bom);
                System.out.printf("match %d: %d ms%n", n++, ms(t));
            }
            return;
        }
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        Path work = args.length > 1 ? Path.of(args[1]) : Path.of("target/match-bench");
        Files.createDirectories(work);

        long t = System.nanoTime();
        List<Advisory> real = BenchCorpus.real();
        long realMs = ms(t);
        t = System.nanoTime();
        List<Advisory> generated = BenchCorpus.generate(Math.max(0, total - real.size()), BenchCorpus.shapes(real), 42);
        long generateMs = ms(t);
        List<Advisory> all = new ArrayList<>(real);
        all.addAll(generated);
        System.out.printf("corpus: %,d real advisories (read in %,d ms) + %,d generated (%,d ms) = %,d%n",
                real.size(), realMs, generated.size(), generateMs, all.size());

        System.gc();
        t = System.nanoTime();
        AdvisoryIndex memory = AdvisoryIndex.of(all);
        long buildMs = ms(t);
        System.out.printf("index build: %,d ms (%,d live advisories, %,d vulnerabilities, %,d packages)%n",
                buildMs, memory.advisoryCount(), memory.vulnerabilityCount(), memory.packageCount());

        Path snapshot = work.resolve("index.mamori");
        t = System.nanoTime();
        AdvisoryIndexSnapshot.write(memory, snapshot);
        long writeMs = ms(t);
        System.out.printf("snapshot write: %,d ms, %,d bytes%n", writeMs, Files.size(snapshot));

        List<Path> sboms = new ArrayList<>();
        for (int size : SIZES) {
            Path sbom = work.resolve("sbom-" + size + ".cdx.json");
            Files.write(sbom, BenchSbom.cycloneDx(size, generated, real, new Matcher(memory), 7L * size));
            sboms.add(sbom);
        }
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-11s %11s %11s %11s %11s %11s %9s %9s", "components", "open ms", "cold match",
                "warm match", "memory idx", "findings", "vuln comp", "vuln %"));
        for (int i = 0; i < SIZES.length; i++) {
            Bom bom = SbomReader.read(sboms.get(i));
            t = System.nanoTime();
            AdvisoryIndex opened = AdvisoryIndexSnapshot.read(snapshot);
            long openMs = ms(t);
            t = System.nanoTime();
            Matcher.Result cold = new Matcher(opened).match(bom);
            long coldMs = ms(t);
            Matcher matcher = new Matcher(opened);
            long[] warm = new long[7];
            for (int r = 0; r < warm.length; r++) {
                t = System.nanoTime();
                matcher.match(bom);
                warm[r] = System.nanoTime() - t;
            }
            Matcher memMatcher = new Matcher(memory);
            memMatcher.match(bom);
            long[] mem = new long[5];
            for (int r = 0; r < mem.length; r++) {
                t = System.nanoTime();
                memMatcher.match(bom);
                mem[r] = System.nanoTime() - t;
            }
            long vulnerable = cold.findings().stream().map(f -> f.component().bomRef()).distinct().count();
            rows.add(String.format("%-11d %11d %11d %11.1f %11.1f %11d %9d %8.1f%%", SIZES[i], openMs, coldMs,
                    median(warm) / 1e6, median(mem) / 1e6, cold.findings().size(), vulnerable, 100.0 * vulnerable / SIZES[i]));
        }
        System.out.println();
        System.out.println("in-process matching (ms; cold = first match on a freshly opened snapshot):");
        rows.forEach(System.out::println);

        Path cds = work.resolve("mamori-cli.jsa");
        List<List<String>> flagSets = List.of(List.of("-Xmx1g"),
                List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn384m",
                        "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + cds));
        for (List<String> flags : flagSets) {
            System.out.println();
            System.out.println("CLI-equivalent in a child JVM: read SBOM + open snapshot + match + write JSON, median of 3; flags "
                    + String.join(" ", flags));
            System.out.printf("%-11s %9s %9s %9s %9s %9s %9s %9s %10s %5s %6s%n", "components", "wall ms", "in-JVM ms",
                    "CPU ms", "read ms", "open ms", "match ms", "write ms", "peak heap", "GCs", "GC ms");
            child(flags, snapshot, sboms.getLast(), work.resolve("warmup.json")); // creates the CDS archive
            for (int i = 0; i < SIZES.length; i++) {
                List<Map<String, Long>> runs = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    runs.add(child(flags, snapshot, sboms.get(i), work.resolve("report-" + SIZES[i] + ".json")));
                }
                runs.sort((a, b) -> Long.compare(a.get("wall"), b.get("wall")));
                Map<String, Long> m = runs.get(1);
                System.out.printf("%-11d %9d %9d %9d %9d %9d %9d %9d %7d MB %5d %6d%n", SIZES[i], m.get("wall"),
                        m.get("total"), m.get("cpu"), m.get("read"), m.get("open"), m.get("match"), m.get("write"),
                        m.get("heap") >> 20, m.get("gcs"), m.get("gcms"));
            }
        }
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** Runs the CLI-equivalent in a fresh JVM and returns its timings (and the wall time seen from here). */
    private static Map<String, Long> child(List<String> flags, Path snapshot, Path sbom, Path report)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MatchBench.class.getName(), "cli",
                snapshot.toString(), sbom.toString(), report.toString()));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        long wall = ms(t);
        if (exit != 0 || !out.contains("CLI ")) {
            throw new IllegalStateException("child failed (" + exit + "): " + out);
        }
        Map<String, Long> m = new java.util.HashMap<>();
        for (String kv : out.substring(out.indexOf("CLI ") + 4).strip().split(" ")) {
            String[] f = kv.split("=");
            m.put(f[0], Long.parseLong(f[1]));
        }
        m.put("wall", wall);
        return m;
    }

    /** What {@code mamori scan --index FILE -f json -o REPORT SBOM} does, timed by phase. */
    private static void cli(Path snapshot, Path sbom, Path report) throws IOException {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        Bom bom = SbomReader.read(sbom);
        long t1 = System.nanoTime();
        AdvisoryIndex index = AdvisoryIndexSnapshot.read(snapshot);
        long t2 = System.nanoTime();
        Matcher.Result result = new Matcher(index).match(bom);
        long t3 = System.nanoTime();
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(report), StandardCharsets.UTF_8))) {
            JsonWriter.write(List.of(new ScanReport(sbom.toString(), result.componentsScanned(), index.advisoryCount(),
                    result.findings(), result.upgrades(), result.warnings())), w);
        }
        long t4 = System.nanoTime();
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        long gcs = 0;
        long gcms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs += Math.max(0, gc.getCollectionCount());
            gcms += Math.max(0, gc.getCollectionTime());
        }
        long total = System.currentTimeMillis() - jvmStart;
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        System.out.printf("CLI total=%d read=%d open=%d match=%d write=%d heap=%d gcs=%d gcms=%d cpu=%d findings=%d%n",
                total, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
                heap, gcs, gcms, cpu, result.findings().size());
    }
}
