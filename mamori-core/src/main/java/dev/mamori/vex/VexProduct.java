package dev.mamori.vex;

/**
 * A product or component a statement is about.
 *
 * @param purl   its package URL, or null
 * @param bomRef its reference in an SBOM, or null
 */
public record VexProduct(String name, String version, String purl, String bomRef) {
    /** A stable label: the purl, else name@version. */
    public String label() {
        if (purl != null) {
            return purl;
        }
        return version == null ? name : name + "@" + version;
    }
}
