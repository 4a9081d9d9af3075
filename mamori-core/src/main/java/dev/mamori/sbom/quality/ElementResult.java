package dev.mamori.sbom.quality;

import java.util.List;

/**
 * How well one minimum element is present.
 *
 * @param id       the checklist id ({@code C1} component name, {@code D2} timestamp…; docs/sbom-formats.md)
 * @param name     what the element is
 * @param document true for a document-level element (present or not), false for a per-component one
 * @param required true when the profile requires it (it counts in the score); false when it only recommends it
 * @param present  how many components have it (document-level: 1 or 0)
 * @param total    how many components there are (document-level: 1)
 * @param missing  the components that lack it, by bom-ref, else {@code name@version} (document-level: empty)
 */
public record ElementResult(String id, String name, boolean document, boolean required, int present, int total,
                            List<String> missing) {

    public ElementResult {
        missing = List.copyOf(missing);
    }

    /** present ÷ total, 0 when there is nothing to count. */
    public double share() {
        return total == 0 ? 0 : (double) present / total;
    }
}
