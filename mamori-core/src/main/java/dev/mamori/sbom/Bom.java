package dev.mamori.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An SBOM in Mamori's one model, whatever format it came in.
 *
 * @param format        the document format ({@code CycloneDX}, {@code SPDX}, …)
 * @param specVersion   the format's version as the document states it
 * @param serialNumber  the document's own identifier, or null
 * @param subject       the component the SBOM describes (CycloneDX {@code metadata.component}), or null
 * @param timestamp     when the document was made, as written, or null
 * @param components    top-level components; nested ones are their children
 * @param dependencies  bom-ref to the bom-refs it depends on
 * @param warnings      problems that did not stop reading (an invalid purl, say), each with its place
 */
public record Bom(String format, String specVersion, String serialNumber, Component subject, String timestamp,
                  List<Component> components, Map<String, List<String>> dependencies, List<String> warnings) {

    public Bom {
        components = List.copyOf(components);
        dependencies = Map.copyOf(dependencies);
        warnings = List.copyOf(warnings);
    }

    /** Every component, nested ones included, in document order (the subject is not included). */
    public List<Component> allComponents() {
        List<Component> out = new ArrayList<>();
        for (Component c : components) {
            collect(c, out);
        }
        return out;
    }

    private static void collect(Component c, List<Component> out) {
        out.add(c);
        for (Component child : c.children()) {
            collect(child, out);
        }
    }
}
