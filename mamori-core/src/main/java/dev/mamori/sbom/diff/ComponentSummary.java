package dev.mamori.sbom.diff;

/**
 * A component as a diff lists it.
 *
 * @param name    {@code group/name} or {@code name}
 * @param version the version, or null
 * @param purl    the purl as written, or null
 * @param key     what it was matched by: the purl without version ({@code pkg:maven/io.jsonwebtoken/jjwt}), else
 *                the name
 */
public record ComponentSummary(String name, String version, String purl, String key) {

    /** {@code name@version} or {@code name}. */
    public String label() {
        return version == null ? name : name + "@" + version;
    }
}
