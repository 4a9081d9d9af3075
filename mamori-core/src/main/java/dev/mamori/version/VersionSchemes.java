package dev.mamori.version;

import java.util.List;
import java.util.Locale;

/**
 * Finds the version scheme of an ecosystem by its purl type or scheme name.
 */
public final class VersionSchemes {
    /** Every scheme name {@link #forName} knows, in the order `mamori version --help` lists them. */
    public static final List<String> NAMES = List.of(
            "maven", "npm", "pypi", "golang", "cargo", "nuget", "gem", "composer", "hex", "pub",
            "deb", "rpm", "apk", "openssl", "semver", "generic");

    private VersionSchemes() {}

    /**
     * The scheme for a purl type or scheme name.
     *
     * @throws VersionException for a name no scheme serves
     */
    public static VersionScheme forName(String name) {
        String n = name == null ? "generic" : name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "maven" -> new SemverLikeScheme("maven"); // scheme: maven
            case "npm" -> new SemverLikeScheme("npm"); // scheme: npm
            case "pypi" -> PypiScheme.INSTANCE; // scheme: pypi
            case "golang" -> new SemverLikeScheme("golang"); // scheme: golang
            case "cargo" -> new SemverLikeScheme("cargo"); // scheme: cargo
            case "nuget" -> new SemverLikeScheme("nuget"); // scheme: nuget
            case "gem" -> GemScheme.INSTANCE; // scheme: gem
            case "composer" -> ComposerScheme.INSTANCE; // scheme: composer
            case "hex" -> HexScheme.INSTANCE; // scheme: hex
            case "pub" -> PubScheme.INSTANCE; // scheme: pub
            case "deb" -> new SemverLikeScheme("deb"); // scheme: deb
            case "rpm" -> new SemverLikeScheme("rpm"); // scheme: rpm
            case "apk" -> new SemverLikeScheme("apk"); // scheme: apk
            case "openssl" -> new SemverLikeScheme("openssl"); // scheme: openssl
            case "semver" -> new SemverLikeScheme("semver"); // scheme: semver
            case "generic" -> new SemverLikeScheme("generic"); // scheme: generic
            default -> throw new VersionException("unknown version scheme '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }

    /**
     * The scheme to use for a package of the given purl type: its own when Mamori has one, the generic
     * order otherwise.
     */
    public static VersionScheme forPurlType(String purlType) {
        String n = purlType == null ? "generic" : purlType.toLowerCase(Locale.ROOT);
        return NAMES.contains(n) ? forName(n) : forName("generic");
    }
}
