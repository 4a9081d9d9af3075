package dev.mamori.purl;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A package independent of its version: an ecosystem (named by its purl type) and the package's canonical
 * name in that ecosystem. Advisories are filed under package keys, components are looked up by them.
 *
 * <p>Names follow each ecosystem's rules: Maven {@code groupId:artifactId}, npm {@code @scope/name},
 * Go module paths, PyPI names normalised per PEP 503.
 */
public record PackageKey(String ecosystem, String name) implements Comparable<PackageKey> {

    /** OSV ecosystem names (without a ":release" suffix) to purl types. */
    private static final Map<String, String> OSV_ECOSYSTEMS = Map.ofEntries(
            Map.entry("go", "golang"),
            Map.entry("pypi", "pypi"),
            Map.entry("npm", "npm"),
            Map.entry("maven", "maven"),
            Map.entry("crates.io", "cargo"),
            Map.entry("nuget", "nuget"),
            Map.entry("rubygems", "gem"),
            Map.entry("packagist", "composer"),
            Map.entry("hex", "hex"),
            Map.entry("pub", "pub"),
            Map.entry("debian", "deb"),
            Map.entry("ubuntu", "deb"),
            Map.entry("alpine", "apk"),
            Map.entry("almalinux", "rpm"),
            Map.entry("rocky linux", "rpm"),
            Map.entry("red hat", "rpm"),
            Map.entry("opensuse", "rpm"),
            Map.entry("suse", "rpm"),
            Map.entry("wolfi", "apk"),
            Map.entry("chainguard", "apk"),
            Map.entry("minimos", "apk"),
            Map.entry("alpaquita", "apk"),
            Map.entry("bellsoft hardened containers", "apk"),
            Map.entry("mageia", "rpm"),
            Map.entry("openeuler", "rpm"),
            Map.entry("photon os", "rpm"),
            Map.entry("azure linux", "rpm"),
            Map.entry("bitnami", "bitnami"),
            Map.entry("swifturl", "swift"),
            Map.entry("cran", "cran"),
            Map.entry("hackage", "hackage"),
            Map.entry("conan", "conan"),
            Map.entry("github actions", "github"));

    public PackageKey {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
    }

    /** The key of the package a purl names. */
    public static PackageKey ofPurl(Purl purl) {
        String ns = purl.namespace();
        String name = switch (purl.type()) {
            case "maven" -> (ns == null ? "" : ns) + ":" + purl.name();
            // a distro package's namespace is the distro (debian, alpine, redhat…), not part of its name
            case "deb", "rpm", "apk", "alpm" -> purl.name();
            case "npm" -> ns == null ? purl.name().toLowerCase(Locale.ROOT) : ns.toLowerCase(Locale.ROOT) + "/" + purl.name().toLowerCase(Locale.ROOT);
            default -> ns == null ? purl.name() : ns + "/" + purl.name();
        };
        return of(purl.type(), name);
    }

    /** A key from a purl type and a package name as the ecosystem writes it. */
    public static PackageKey of(String purlType, String name) {
        String type = purlType.toLowerCase(Locale.ROOT);
        return new PackageKey(type, normaliseName(type, name));
    }

    /**
     * A key from an OSV {@code affected[].package}: its ecosystem (e.g. "PyPI", "Go", "Debian:12") and name.
     * Returns null for an ecosystem Mamori does not know.
     */
    public static PackageKey ofOsv(String osvEcosystem, String name) {
        String base = osvEcosystem;
        int colon = base.indexOf(':');
        if (colon >= 0) {
            base = base.substring(0, colon);
        }
        String type = OSV_ECOSYSTEMS.get(base.toLowerCase(Locale.ROOT));
        return type == null ? null : of(type, name);
    }

    /** The purl type an OSV ecosystem name maps to, or null. */
    public static String purlTypeOfOsvEcosystem(String osvEcosystem) {
        String base = osvEcosystem;
        int colon = base.indexOf(':');
        if (colon >= 0) {
            base = base.substring(0, colon);
        }
        return OSV_ECOSYSTEMS.get(base.toLowerCase(Locale.ROOT));
    }

    private static String normaliseName(String type, String name) {
        return switch (type) {
            case "pypi" -> name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            case "npm", "composer", "deb", "apk", "github" -> name.toLowerCase(Locale.ROOT);
            default -> name;
        };
    }

    @Override
    public int compareTo(PackageKey o) {
        int c = ecosystem.compareTo(o.ecosystem);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return ecosystem + ":" + name;
    }
}
