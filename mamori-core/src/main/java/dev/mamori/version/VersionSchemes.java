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
            "deb", "rpm", "apk", "openssl", "semver", "generic", "alpm", "gentoo", "conan", "nginx", "datetime", "lexicographic");

    private VersionSchemes() {}

    /**
     * The scheme for a purl type or scheme name.
     *
     * @throws VersionException for a name no scheme serves
     */
    public static VersionScheme forName(String name) {
        String n = name == null ? "generic" : name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "maven" -> MavenScheme.INSTANCE; // scheme: maven
            case "npm" -> SemverFamilyScheme.NPM; // scheme: npm
            case "pypi" -> PypiScheme.INSTANCE; // scheme: pypi
            case "golang" -> SemverFamilyScheme.GOLANG; // scheme: golang
            case "cargo" -> CargoScheme.INSTANCE; // scheme: cargo
            case "nuget" -> NugetScheme.INSTANCE; // scheme: nuget
            case "gem" -> GemScheme.INSTANCE; // scheme: gem
            case "composer" -> ComposerScheme.INSTANCE; // scheme: composer
            case "hex" -> HexScheme.INSTANCE; // scheme: hex
            case "pub" -> PubScheme.INSTANCE; // scheme: pub
            case "deb" -> DebianScheme.INSTANCE; // scheme: deb
            case "rpm" -> RpmScheme.INSTANCE; // scheme: rpm
            case "apk" -> ApkScheme.INSTANCE; // scheme: apk
            case "openssl" -> OpenSslScheme.INSTANCE; // scheme: openssl
            case "semver" -> SemverFamilyScheme.SEMVER; // scheme: semver
            case "generic" -> GenericScheme.INSTANCE; // scheme: generic
            case "alpm" -> AlpmScheme.INSTANCE; // scheme: alpm
            case "gentoo" -> GentooScheme.INSTANCE; // scheme: gentoo
            case "conan" -> ConanScheme.INSTANCE; // scheme: conan
            case "nginx" -> NginxScheme.INSTANCE; // scheme: nginx
            case "datetime" -> DatetimeScheme.INSTANCE; // scheme: datetime
            case "lexicographic" -> LexicographicScheme.INSTANCE; // scheme: lexicographic
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
