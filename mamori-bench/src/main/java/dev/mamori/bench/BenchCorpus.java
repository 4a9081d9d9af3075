package dev.mamori.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.Affected;
import dev.mamori.advisory.AffectedRange;
import dev.mamori.advisory.NvdReader;
import dev.mamori.advisory.Origin;
import dev.mamori.advisory.OsvReader;
import dev.mamori.advisory.Provenance;
import dev.mamori.purl.PackageKey;
import dev.mamori.version.EventRange;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark's advisory corpus: every real advisory of the staged corpora (the five OSV sets and the 32k NVD
 * applicability statements of anchore/nvd-data-overrides) plus generated advisories up to the wanted total, whose
 * range shapes are drawn from the real ones (number and kinds of events, {@code introduced: 0} or not,
 * {@code last_affected} vs {@code fixed}, explicit versions lists as PyPI writes them, one statement per distro
 * release as AlmaLinux writes them) over a package universe with a few packages that have many advisories and
 * many that have one, as in the real databases. Deterministic for a seed.
 */
final class BenchCorpus {
    static final String[] OSV_SETS = {"osv-pypi", "osv-go", "osv-rustsec", "osv-almalinux", "osv-bitnami"};

    /** A generated ecosystem: OSV name, share of the generated advisories, packages in its universe. */
    record Eco(String osv, double share, int packages, boolean distro) {}

    static final List<Eco> ECOSYSTEMS = List.of(
            new Eco("npm", 0.30, 40_000, false), new Eco("Maven", 0.20, 25_000, false),
            new Eco("PyPI", 0.14, 20_000, false), new Eco("Go", 0.10, 12_000, false),
            new Eco("crates.io", 0.04, 5_000, false), new Eco("NuGet", 0.05, 6_000, false),
            new Eco("RubyGems", 0.04, 5_000, false), new Eco("Packagist", 0.05, 6_000, false),
            new Eco("Debian:12", 0.04, 6_000, true), new Eco("AlmaLinux:9", 0.04, 6_000, true));

    /** One real statement's shape: its events' kinds, whether it starts at 0, how many versions it lists. */
    record Shape(List<EventRange.Kind> kinds, boolean fromZero, int listed) {}

    private BenchCorpus() {}

    static Path corpora() {
        return Path.of(System.getProperty("mamori.corpora", "/work/shared/corpora"));
    }

    /** Every real advisory: the OSV sets and the NVD applicability statements. */
    static List<Advisory> real() throws IOException {
        List<Advisory> out = new ArrayList<>();
        for (String set : OSV_SETS) {
            OsvReader.read(corpora().resolve(set).resolve(set + ".jsonl.gz"), out::add);
        }
        Path nvd = corpora().resolve("nvd-cpe-configs-anchore-overrides/nvd-data-overrides.jsonl.gz");
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(nvd)),
                StandardCharsets.UTF_8))) {
            ObjectNode page = mapper.createObjectNode();
            ArrayNode items = page.putArray("vulnerabilities");
            String line;
            while ((line = r.readLine()) != null) {
                // {"_annotation":{"cve_id":…},"cve":{"configurations":[…]}} -> an NVD API 2.0 item
                JsonNode d = mapper.readTree(line);
                ObjectNode cve = items.addObject().putObject("cve");
                cve.put("id", d.path("_annotation").path("cve_id").asText());
                cve.set("configurations", d.path("cve").path("configurations"));
                if (items.size() == 2000) {
                    nvdPage(mapper, page, out);
                    items.removeAll();
                }
            }
            if (!items.isEmpty()) {
                nvdPage(mapper, page, out);
            }
        }
        return out;
    }

    private static void nvdPage(ObjectMapper mapper, ObjectNode page, List<Advisory> out) throws IOException {
        try (InputStream in = new ByteArrayInputStream(mapper.writeValueAsBytes(page))) {
            NvdReader.read(in, Origin.of("nvd-data-overrides"), out::add);
        }
    }

    /** The shapes of the real statements: language packages and distro packages apart. */
    static Map<Boolean, List<Shape>> shapes(List<Advisory> real) {
        Map<Boolean, List<Shape>> out = new LinkedHashMap<>();
        out.put(false, new ArrayList<>());
        out.put(true, new ArrayList<>());
        for (Advisory a : real) {
            for (Affected af : a.affected()) {
                boolean distro = af.osvEcosystem() != null && af.osvEcosystem().contains(":");
                for (AffectedRange r : af.ranges()) {
                    if (r.isGit()) {
                        continue;
                    }
                    List<EventRange.Kind> kinds = r.events().events().stream().map(EventRange.Event::kind).toList();
                    boolean zero = !r.events().events().isEmpty() && r.events().events().getFirst().version().equals("0");
                    out.get(distro).add(new Shape(kinds, zero, af.versions().size()));
                }
            }
        }
        return out;
    }

    /** Generates advisories with real shapes over the package universe. */
    static List<Advisory> generate(int count, Map<Boolean, List<Shape>> shapes, long seed) {
        Random rnd = new Random(seed);
        List<Advisory> out = new ArrayList<>(count);
        Provenance provenance = new Provenance("bench/generated", "generated", null, "2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            Eco eco = pickEcosystem(rnd);
            int pkg = popularPackage(rnd, eco.packages());
            String id = "BENCH-" + (1_000_000 + i);
            Advisory.Builder b = Advisory.builder(id, provenance).modified("2026-01-01T00:00:00Z")
                    .summary("generated advisory " + i + " for " + name(eco, pkg));
            // most have a CVE of their own; some share one with an earlier advisory (merged as one vulnerability)
            int cve = rnd.nextInt(10) == 0 && i > 0 ? 100_000 + rnd.nextInt(i) : 100_000 + i;
            b.alias("CVE-2099-" + cve);
            List<Shape> pool = shapes.get(eco.distro());
            Shape shape = pool.get(rnd.nextInt(pool.size()));
            int statements = eco.distro() ? 1 + rnd.nextInt(3) : 1;
            for (int s = 0; s < statements; s++) {
                String name = s == 0 ? name(eco, pkg) : name(eco, pkg) + "-sub" + s; // distro binary packages
                b.affected(affected(eco, name, shape, rnd, "/affected/" + s));
            }
            out.add(b.build());
        }
        return out;
    }

    private static Eco pickEcosystem(Random rnd) {
        double r = rnd.nextDouble();
        for (Eco e : ECOSYSTEMS) {
            r -= e.share();
            if (r < 0) {
                return e;
            }
        }
        return ECOSYSTEMS.getFirst();
    }

    /**
     * Skewed as the real databases are: 5 % of the advisories go to the top 0.1 % of the packages (a hundred or so
     * each, like golang.org/x/net or tensorflow), 40 % to the top 5 %, the rest to any package.
     */
    static int popularPackage(Random rnd, int universe) {
        double r = rnd.nextDouble();
        if (r < 0.05) {
            return rnd.nextInt(Math.max(1, universe / 1000));
        }
        if (r < 0.45) {
            return rnd.nextInt(Math.max(1, universe / 20));
        }
        return rnd.nextInt(universe);
    }

    static String name(Eco eco, int i) {
        return switch (eco.osv()) {
            case "npm" -> i % 5 == 0 ? "@bench" + (i % 97) + "/pkg-" + i : "bench-pkg-" + i;
            case "Maven" -> "org.bench" + (i % 211) + ":artifact-" + i;
            case "PyPI" -> "bench-py-" + i;
            case "Go" -> "github.com/bench" + (i % 311) + "/mod-" + i;
            case "crates.io" -> "bench-crate-" + i;
            case "NuGet" -> "Bench.Package" + i;
            case "RubyGems" -> "bench-gem-" + i;
            case "Packagist" -> "bench" + (i % 53) + "/lib-" + i;
            default -> "benchlib" + i; // distro source packages
        };
    }

    /** A statement with the shape's events over fresh, increasing versions of the ecosystem's syntax. */
    private static Affected affected(Eco eco, String name, Shape shape, Random rnd, String location) {
        List<EventRange.Event> events = new ArrayList<>();
        int[] v = {rnd.nextInt(3), rnd.nextInt(10), rnd.nextInt(10)};
        List<String> boundaries = new ArrayList<>();
        for (int k = 0; k < shape.kinds().size(); k++) {
            EventRange.Kind kind = shape.kinds().get(k);
            if (k == 0 && kind == EventRange.Kind.INTRODUCED && shape.fromZero()) {
                events.add(new EventRange.Event(kind, "0"));
                continue;
            }
            step(v, rnd);
            String version = version(eco, v);
            events.add(new EventRange.Event(kind, version));
            boundaries.add(version);
        }
        List<String> listed = new ArrayList<>();
        if (shape.listed() > 0 && !boundaries.isEmpty()) {
            int[] w = v.clone();
            for (int k = 0; k < Math.min(shape.listed(), 40); k++) {
                w[2] = Math.max(0, w[2] - 1 - k % 3);
                listed.add(version(eco, w));
            }
        }
        PackageKey key = PackageKey.ofOsv(eco.osv(), name);
        return new Affected(key, eco.osv(), name,
                List.of(new AffectedRange(eco.distro() ? "ECOSYSTEM" : (eco.osv().equals("PyPI") ? "ECOSYSTEM" : "SEMVER"),
                        new EventRange(events), null)), listed, location);
    }

    private static void step(int[] v, Random rnd) {
        switch (rnd.nextInt(4)) {
            case 0 -> {
                v[0]++;
                v[1] = 0;
                v[2] = 0;
            }
            case 1 -> {
                v[1] += 1 + rnd.nextInt(3);
                v[2] = 0;
            }
            default -> v[2] += 1 + rnd.nextInt(5);
        }
    }

    static String version(Eco eco, int[] v) {
        String base = v[0] + "." + v[1] + "." + v[2];
        return switch (eco.osv()) {
            case "Debian:12" -> base + "-1+deb12u" + (1 + v[2] % 4);
            case "AlmaLinux:9" -> base + "-" + (1 + v[2] % 9) + ".el9";
            default -> base;
        };
    }
}
