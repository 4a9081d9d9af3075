package dev.mamori.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.Origin;
import dev.mamori.advisory.OsvReader;
import dev.mamori.purl.Purl;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.SbomFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the matcher on the ground-truth set built from the real OSV data by
 * {@code tools/groundtruth/build_ground_truth.py}: versions inside, on and just outside every range boundary, the
 * explicit versions lists of PyPI advisories, and AlmaLinux fixed EVRs in their own and in other releases. Each case
 * is labelled from the data alone (see the generator); both must be 100 %.
 */
final class GroundTruthTest {
    static final List<String> ADVISORIES = List.of("/osv-pypi/osv-pypi.jsonl.gz",
            "/ground-truth/advisories/osv-go.jsonl.gz", "/ground-truth/advisories/osv-rustsec.jsonl.gz",
            "/ground-truth/advisories/osv-bitnami.jsonl.gz", "/ground-truth/advisories/osv-almalinux-sample.jsonl.gz",
            "/ground-truth/advisories/vuls-data-update-fixtures.jsonl.gz");

    record Case(String group, String purl, String advisoryId, boolean affected, String kind) {}

    /** Counts of one group. */
    static final class Tally {
        int tp;
        int fp;
        int fn;
        int tn;

        String line(String group) {
            double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
            return String.format("%-14s cases %7d  TP %7d  FP %4d  FN %4d  TN %7d  precision %7.3f %%  recall %7.3f %%",
                    group, tp + fp + fn + tn, tp, fp, fn, tn, 100 * precision, 100 * recall);
        }
    }

    static List<Advisory> advisories() {
        List<Advisory> out = new ArrayList<>();
        for (String resource : ADVISORIES) {
            try (InputStream in = new GZIPInputStream(GroundTruthTest.class.getResourceAsStream(resource))) {
                OsvReader.readLines(in, Origin.of(resource), out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                GroundTruthTest.class.getResourceAsStream("/ground-truth/cases.tsv.gz")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Case(f[0], f[1], f[2], f[3].equals("1"), f[4]));
            }
        }
        return out;
    }

    /** One component per distinct purl, in a single SBOM. */
    static Bom bomOf(List<Case> cases, Map<String, Component> byPurl) {
        for (Case c : cases) {
            byPurl.computeIfAbsent(c.purl(), p -> {
                Purl parsed = Purl.parse(p);
                return Component.builder(parsed.name()).bomRef("c" + byPurl.size()).type("library")
                        .version(parsed.version()).purl(p, parsed).build();
            });
        }
        return new Bom(SbomFormat.CYCLONEDX, "1.6", "json", null, null, null, new ArrayList<>(byPurl.values()),
                Map.of(), List.of());
    }

    @Test
    void match_groundTruthFromRealOsvData_hasFullPrecisionAndRecall() throws IOException {
        List<Case> cases = cases();
        AdvisoryIndex index = AdvisoryIndex.of(advisories());
        Map<String, Component> byPurl = new LinkedHashMap<>();
        Bom bom = bomOf(cases, byPurl);

        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        Matcher.Result result = new Matcher(index).match(bom);
        long matchMillis = (System.nanoTime() - start) / 1_000_000;
        long matchCpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;

        Map<String, Set<String>> matched = new HashMap<>(); // bom-ref -> advisory ids matched
        for (Finding f : result.findings()) {
            Set<String> ids = matched.computeIfAbsent(f.component().bomRef(), k -> new HashSet<>());
            f.advisories().forEach(a -> ids.add(a.id()));
        }
        Map<String, Tally> tallies = new TreeMap<>();
        Tally total = new Tally();
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            Component component = byPurl.get(c.purl());
            boolean found = matched.getOrDefault(component.bomRef(), Set.of()).contains(c.advisoryId());
            Tally t = tallies.computeIfAbsent(c.group(), g -> new Tally());
            for (Tally x : List.of(t, total)) {
                if (found && c.affected()) {
                    x.tp++;
                } else if (found) {
                    x.fp++;
                } else if (c.affected()) {
                    x.fn++;
                } else {
                    x.tn++;
                }
            }
            if (found != c.affected() && misses.size() < 60) {
                misses.add((found ? "FP " : "FN ") + c.group() + " " + c.purl() + " " + c.advisoryId() + " (" + c.kind() + ")");
            }
        }
        System.out.printf("ground truth: %d cases, %d components, %d advisories indexed, matched in %d ms (%d ms CPU)%n",
                cases.size(), byPurl.size(), index.advisoryCount(), matchMillis, matchCpuMillis);
        tallies.forEach((g, t) -> System.out.println(t.line(g)));
        System.out.println(total.line("all"));
        misses.forEach(System.out::println);

        assertThat(misses).as("cases the matcher got wrong").isEmpty();
        assertThat(total.tp).isPositive();
        assertThat(total.tn).isPositive();
    }
}
