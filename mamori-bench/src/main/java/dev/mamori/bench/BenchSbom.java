package dev.mamori.bench;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.Affected;
import dev.mamori.advisory.AffectedRange;
import dev.mamori.match.Finding;
import dev.mamori.match.Matcher;
import dev.mamori.purl.Purl;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.SbomFormat;
import dev.mamori.version.EventRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A CycloneDX 1.6 JSON SBOM for the matching benchmark: a mix of ecosystems (npm, Maven, PyPI, Go, NuGet,
 * RubyGems, Packagist, crates, Bitnami, Debian and AlmaLinux packages with their distro qualifier). 7 % of the
 * components are vulnerable (inside a range of a generated advisory, or a real package of the staged OSV data at
 * one of its range boundaries), 30 % are packages the advisories know at versions no advisory covers, and the rest
 * are packages no advisory names. Candidates are sorted into vulnerable and clean by the matcher itself.
 */
final class BenchSbom {
    private BenchSbom() {}

    /** One component: purl and name/version. */
    record Item(String purl, String name, String version) {}

    static byte[] cycloneDx(int components, List<Advisory> generated, List<Advisory> real, Matcher matcher, long seed) {
        Random rnd = new Random(seed);
        List<Advisory> realWithPackages = real.stream().filter(a -> !a.affected().isEmpty()
                && a.affected().getFirst().packageKey() != null && a.withdrawn() == null).toList();
        if (generated.isEmpty()) {
            generated = realWithPackages; // a real-only corpus
        }
        // candidates, then sorted by what the matcher says into vulnerable and covered-but-clean ones
        List<Item> candidates = new ArrayList<>();
        for (int i = 0; i < components * 2; i++) {
            Item item = i % 3 == 0 ? realBoundary(realWithPackages.get(rnd.nextInt(realWithPackages.size())), rnd)
                    : i % 3 == 1 ? inside(generated.get(rnd.nextInt(generated.size())), rnd)
                    : aboveEveryFix(generated.get(rnd.nextInt(generated.size())));
            if (item != null) {
                candidates.add(item);
            }
        }
        java.util.Set<String> vulnerable = new java.util.HashSet<>();
        for (Finding f : matcher.match(bom(candidates)).findings()) {
            vulnerable.add(f.component().bomRef());
        }
        List<Item> bad = new ArrayList<>();
        List<Item> clean = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            (vulnerable.contains("x" + i) ? bad : clean).add(candidates.get(i));
        }
        List<Item> items = new ArrayList<>(components);
        int wantBad = components * 7 / 100;
        int wantClean = components * 30 / 100;
        for (int i = 0; i < components; i++) {
            Item item;
            if (i < wantBad && i < bad.size()) {
                item = bad.get(i);
            } else if (i >= wantBad && i < wantBad + wantClean && i - wantBad < clean.size()) {
                item = clean.get(i - wantBad);
            } else {
                item = unknown(i, rnd);
            }
            items.add(item);
        }
        java.util.Collections.shuffle(items, rnd);
        StringBuilder w = new StringBuilder(components * 260);
        w.append("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"serialNumber\":\"urn:uuid:5b1e4c4e-8a51-4d5f-9a36-0c4f0c8e7a11\",\"version\":1,\n");
        w.append("\"metadata\":{\"timestamp\":\"2026-01-01T00:00:00Z\",\"component\":{\"type\":\"application\",\"bom-ref\":\"app\",\"name\":\"bench-app\",\"version\":\"1.0.0\"}},\n");
        w.append("\"components\":[\n");
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (i > 0) {
                w.append(",\n");
            }
            w.append("{\"type\":\"library\",\"bom-ref\":\"c").append(i).append("\",\"name\":\"").append(json(it.name()))
                    .append("\",\"version\":\"").append(json(it.version())).append("\",\"purl\":\"").append(json(it.purl()))
                    .append("\",\"licenses\":[{\"license\":{\"id\":\"MIT\"}}]}");
        }
        w.append("],\n\"dependencies\":[{\"ref\":\"app\",\"dependsOn\":[");
        for (int i = 0; i < items.size(); i++) {
            w.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
        }
        w.append("]}]}\n");
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Bom bom(List<Item> items) {
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            Purl p = Purl.parse(it.purl());
            components.add(Component.builder(it.name()).bomRef("x" + i).version(it.version()).purl(it.purl(), p).build());
        }
        return new Bom(SbomFormat.CYCLONEDX, "1.6", "json", null, null, null, components, java.util.Map.of(), List.of());
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A version inside the advisory's first range: its first introduced version, or one below its first fix. */
    private static Item inside(Advisory a, Random rnd) {
        Affected af = a.affected().getFirst();
        AffectedRange range = af.ranges().stream().filter(r -> !r.isGit()).findFirst().orElse(null);
        if (range == null) {
            return null;
        }
        List<EventRange.Event> events = range.events().events();
        String version = null;
        for (EventRange.Event e : events) {
            if (e.kind() == EventRange.Kind.INTRODUCED && !e.version().equals("0")) {
                version = e.version();
                break;
            }
            if (e.kind() == EventRange.Kind.LAST_AFFECTED) {
                version = e.version();
                break;
            }
            if (e.kind() == EventRange.Kind.FIXED) {
                version = below(e.version());
                break;
            }
        }
        return version == null ? null : item(af, version);
    }

    /** "1.4.2" -> "1.4.1" (or "1.3.9", "0.9.9"), keeping a distro suffix. */
    static String below(String v) {
        int dash = v.indexOf('-');
        String base = dash < 0 ? v : v.substring(0, dash);
        String suffix = dash < 0 ? "" : v.substring(dash);
        String[] p = base.split("\\.");
        int[] n = new int[3];
        for (int i = 0; i < 3 && i < p.length; i++) {
            if (!p[i].matches("\\d{1,9}")) {
                return null; // not a plain release number: no simple predecessor
            }
            n[i] = Integer.parseInt(p[i]);
        }
        if (n[2] > 0) {
            n[2]--;
        } else if (n[1] > 0) {
            n[1]--;
            n[2] = 9;
        } else if (n[0] > 0) {
            n[0]--;
            n[1] = 9;
            n[2] = 9;
        }
        return n[0] + "." + n[1] + "." + n[2] + suffix;
    }

    /** A version above the advisory's ranges; null when its last range never closes (then another is picked). */
    private static Item aboveEveryFix(Advisory a) {
        Affected af = a.affected().getFirst();
        if (af.ranges().isEmpty() || af.osvEcosystem() == null) {
            return null;
        }
        List<EventRange.Event> events = af.ranges().getFirst().events().events();
        if (events.isEmpty() || events.getLast().kind() == EventRange.Kind.INTRODUCED) {
            return null;
        }
        String eco = af.osvEcosystem();
        String version = eco.startsWith("Debian:") ? "99.0.0-1+deb12u1"
                : eco.startsWith("AlmaLinux:") ? "99.0.0-1.el" + eco.substring(10) : "99.0.0";
        return item(af, version);
    }

    private static Item realBoundary(Advisory a, Random rnd) {
        Affected af = a.affected().getFirst();
        List<String> versions = new ArrayList<>();
        for (AffectedRange r : af.ranges()) {
            if (!r.isGit()) {
                for (EventRange.Event e : r.events().events()) {
                    if (!e.version().equals("0") && e.kind() != EventRange.Kind.LIMIT) {
                        versions.add(e.version());
                    }
                }
            }
        }
        versions.addAll(af.versions());
        if (versions.isEmpty()) {
            return null;
        }
        return item(af, versions.get(rnd.nextInt(versions.size())));
    }

    private static Item unknown(int i, Random rnd) {
        String v = rnd.nextInt(5) + "." + rnd.nextInt(20) + "." + rnd.nextInt(30);
        return switch (i % 5) {
            case 0 -> new Item("pkg:npm/unindexed-" + i + "@" + v, "unindexed-" + i, v);
            case 1 -> new Item("pkg:maven/org.unindexed/lib-" + i + "@" + v, "lib-" + i, v);
            case 2 -> new Item("pkg:pypi/unindexed-" + i + "@" + v, "unindexed-" + i, v);
            case 3 -> new Item("pkg:golang/github.com/unindexed/mod-" + i + "@v" + v, "github.com/unindexed/mod-" + i, "v" + v);
            default -> new Item("pkg:deb/debian/unindexed" + i + "@" + v + "-1?arch=amd64&distro=debian-12", "unindexed" + i, v + "-1");
        };
    }

    /** The purl of a statement's package at a version. */
    static Item item(Affected af, String version) {
        String eco = af.osvEcosystem();
        String name = af.packageName();
        String v = version.replace("+", "%2B");
        String purl;
        switch (eco.contains(":") ? eco.substring(0, eco.indexOf(':')) : eco) {
            case "npm" -> purl = "pkg:npm/" + name.replace("@", "%40") + "@" + v;
            case "Maven" -> purl = "pkg:maven/" + name.replace(':', '/') + "@" + v;
            case "PyPI" -> purl = "pkg:pypi/" + name + "@" + v;
            case "Go" -> {
                if (!name.contains("/")) {
                    return null; // stdlib, toolchain: no namespace, not a valid golang purl
                }
                purl = "pkg:golang/" + name + "@v" + v;
                version = "v" + version;
            }
            case "crates.io" -> purl = "pkg:cargo/" + name + "@" + v;
            case "NuGet" -> purl = "pkg:nuget/" + name + "@" + v;
            case "RubyGems" -> purl = "pkg:gem/" + name + "@" + v;
            case "Packagist" -> purl = "pkg:composer/" + name + "@" + v;
            case "Bitnami" -> purl = "pkg:bitnami/" + name + "@" + v;
            case "Debian" -> purl = "pkg:deb/debian/" + name + "@" + v + "?arch=amd64&distro=debian-" + eco.substring(7);
            case "AlmaLinux" -> {
                int colon = version.indexOf(':');
                String epoch = colon > 0 ? "&epoch=" + version.substring(0, colon) : "";
                String vr = colon > 0 ? v.substring(v.indexOf(':') + 1) : v;
                purl = "pkg:rpm/almalinux/" + name + "@" + vr + "?arch=x86_64&distro=almalinux-" + eco.substring(10) + epoch;
            }
            default -> {
                return null;
            }
        }
        return new Item(purl, name, version);
    }
}
