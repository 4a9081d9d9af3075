package dev.mamori.match;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Linux distribution and release, normalised so that a package's purl ({@code distro=debian-12},
 * {@code distro=bookworm}, {@code distro=alpine-3.18.4}, {@code distro=el9}), an SBOM's operating-system component
 * ({@code debian 12.5}) and an OSV ecosystem ({@code Debian:12}, {@code Alpine:v3.18}, {@code AlmaLinux:9},
 * {@code Ubuntu:22.04:LTS}) can be compared.
 *
 * @param family  lower-case family key: debian, ubuntu, alpine, almalinux, rocky, redhat, opensuse, suse, …
 * @param release the release the family's advisories are split by (Debian/RHEL-like: major; Alpine/Ubuntu:
 *                major.minor; {@code rolling} for Wolfi, Chainguard and MinimOS, which have none), or null when
 *                unknown
 */
public record DistroRelease(String family, String release) {
    public DistroRelease {
        if (family != null && ROLLING.contains(family)) {
            release = ROLLING_RELEASE;
        }
    }
    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("debian", "debian"), Map.entry("ubuntu", "ubuntu"), Map.entry("alpine", "alpine"),
            Map.entry("almalinux", "almalinux"), Map.entry("alma", "almalinux"),
            Map.entry("rocky", "rocky"), Map.entry("rockylinux", "rocky"), Map.entry("rocky linux", "rocky"),
            Map.entry("redhat", "redhat"), Map.entry("red hat", "redhat"), Map.entry("rhel", "redhat"),
            Map.entry("centos", "redhat"), Map.entry("el", "redhat"),
            Map.entry("opensuse", "opensuse"), Map.entry("suse", "suse"), Map.entry("sles", "suse"),
            Map.entry("mageia", "mageia"), Map.entry("photon", "photon"), Map.entry("photon os", "photon"),
            Map.entry("wolfi", "wolfi"), Map.entry("chainguard", "chainguard"), Map.entry("openeuler", "openeuler"),
            Map.entry("azure linux", "azurelinux"), Map.entry("azurelinux", "azurelinux"), Map.entry("mariner", "azurelinux"),
            Map.entry("cbl-mariner", "azurelinux"), Map.entry("rocky-linux", "rocky"),
            Map.entry("opensuse-leap", "opensuse"), Map.entry("opensuse-tumbleweed", "opensuse"),
            Map.entry("minimos", "minimos"), Map.entry("alpaquita", "alpaquita"),
            Map.entry("bellsoft hardened containers", "bellsoft-hardened-containers"),
            Map.entry("bellsoft-hardened-containers", "bellsoft-hardened-containers"));

    /**
     * Distributions without releases (rolling): one stream of packages, so every advisory of the family applies and
     * a package's release is always known.
     */
    private static final java.util.Set<String> ROLLING = java.util.Set.of("wolfi", "chainguard", "minimos");
    private static final String ROLLING_RELEASE = "rolling";

    private static final Map<String, String> DEBIAN_CODENAMES = Map.ofEntries(
            Map.entry("wheezy", "7"), Map.entry("jessie", "8"), Map.entry("stretch", "9"), Map.entry("buster", "10"),
            Map.entry("bullseye", "11"), Map.entry("bookworm", "12"), Map.entry("trixie", "13"), Map.entry("forky", "14"));

    private static final Map<String, String> UBUNTU_CODENAMES = Map.ofEntries(
            Map.entry("xenial", "16.04"), Map.entry("bionic", "18.04"), Map.entry("focal", "20.04"),
            Map.entry("jammy", "22.04"), Map.entry("noble", "24.04"), Map.entry("oracular", "24.10"), Map.entry("plucky", "25.04"));

    private static final Pattern NUMBER = Pattern.compile("(\\d+)(?:\\.(\\d+))?");

    /** The family key of a distro name or purl namespace, or null when it is not a known distribution. */
    public static String family(String name) {
        return name == null ? null : FAMILIES.get(name.strip().toLowerCase(Locale.ROOT));
    }

    /** The release of an OSV ecosystem such as {@code Debian:12}; null when the ecosystem is not a distro's. */
    public static DistroRelease ofOsvEcosystem(String ecosystem) {
        if (ecosystem == null) {
            return null;
        }
        int colon = ecosystem.indexOf(':');
        String fam = family(colon < 0 ? ecosystem : ecosystem.substring(0, colon));
        if (fam == null) {
            return null;
        }
        return new DistroRelease(fam, colon < 0 ? null : normaliseRelease(fam, ecosystem.substring(colon + 1)));
    }

    /**
     * The distro of a purl: its {@code distro} qualifier ({@code debian-12}, {@code bookworm}, {@code alpine-3.18.4},
     * {@code el9}, {@code rhel-8.4}), with the purl namespace as the family when the qualifier does not name one.
     * Null when neither says which distribution.
     */
    public static DistroRelease ofPurl(String namespace, String distroQualifier) {
        String fam = family(namespace);
        if (distroQualifier == null || distroQualifier.isBlank()) {
            return fam == null ? null : new DistroRelease(fam, null);
        }
        String q = distroQualifier.strip().toLowerCase(Locale.ROOT);
        Matcher m = Pattern.compile("^([a-z][a-z ]*?)-?(\\d.*)?$").matcher(q);
        String word = q;
        String rest = null;
        if (m.matches()) {
            word = m.group(1);
            rest = m.group(2);
        } else if (q.contains("-")) {
            word = q.substring(0, q.indexOf('-'));
            rest = q.substring(q.indexOf('-') + 1);
        }
        String qFam = family(word);
        if (qFam == null) {
            // a codename alone, or "<family>-<codename>"
            String code = q.contains("-") ? q.substring(q.lastIndexOf('-') + 1) : q;
            String head = q.contains("-") ? family(q.substring(0, q.indexOf('-'))) : null;
            if (DEBIAN_CODENAMES.containsKey(code)) {
                return new DistroRelease(head != null ? head : "debian", DEBIAN_CODENAMES.get(code));
            }
            if (UBUNTU_CODENAMES.containsKey(code)) {
                return new DistroRelease("ubuntu", UBUNTU_CODENAMES.get(code));
            }
            return fam == null ? null : new DistroRelease(fam, normaliseRelease(fam, q));
        }
        if (rest == null && q.contains("-")) {
            rest = q.substring(q.indexOf('-') + 1);
        }
        if (rest != null && DEBIAN_CODENAMES.containsKey(rest)) {
            rest = DEBIAN_CODENAMES.get(rest);
        } else if (rest != null && UBUNTU_CODENAMES.containsKey(rest)) {
            rest = UBUNTU_CODENAMES.get(rest);
        }
        return new DistroRelease(qFam, rest == null ? null : normaliseRelease(qFam, rest));
    }

    /** The distro of an SBOM's operating-system component (name {@code debian}, version {@code 12.5}), or null. */
    public static DistroRelease ofOperatingSystem(String name, String version) {
        String fam = family(name);
        if (fam == null) {
            return null;
        }
        return new DistroRelease(fam, version == null ? null : normaliseRelease(fam, version));
    }

    private static String normaliseRelease(String family, String raw) {
        String r = raw.strip().toLowerCase(Locale.ROOT);
        if (family.equals("openeuler")) {
            // each of 20.03-LTS, 20.03-LTS-SP1, 22.03-LTS-SP3… is its own package stream
            return r.startsWith("openeuler-") ? r.substring("openeuler-".length()) : r;
        }
        if (family.equals("debian") && DEBIAN_CODENAMES.containsKey(r)) {
            return DEBIAN_CODENAMES.get(r);
        }
        if (family.equals("ubuntu") && UBUNTU_CODENAMES.containsKey(r)) {
            return UBUNTU_CODENAMES.get(r);
        }
        Matcher m = NUMBER.matcher(r);
        if (!m.find()) {
            return r;
        }
        boolean minorMatters = family.equals("alpine") || family.equals("ubuntu") || family.equals("opensuse")
                || family.equals("suse") || family.equals("photon");
        if (minorMatters && m.group(2) != null) {
            String minor = m.group(2);
            return m.group(1) + "." + (family.equals("ubuntu") && minor.length() == 1 ? "0" + minor : minor);
        }
        return m.group(1);
    }

    /** Whether the family is known and the release too. */
    public boolean releaseKnown() {
        return release != null;
    }

    @Override
    public String toString() {
        return release == null ? family : family + " " + release;
    }
}
