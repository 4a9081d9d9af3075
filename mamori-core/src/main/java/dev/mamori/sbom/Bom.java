package dev.mamori.sbom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SBOM in Mamori's one model, whatever format it came in. Immutable.
 *
 * @param format        the standard: CycloneDX, SPDX or SWID
 * @param specVersion   the standard's version as the document states it ({@code 1.6}, {@code 2.3}, {@code 3.0.1}…)
 * @param encoding      the serialisation: {@code json}, {@code xml}, {@code tag-value}, {@code yaml},
 *                      {@code json-ld}
 * @param serialNumber  the document's own identifier (CycloneDX {@code serialNumber}, SPDX
 *                      {@code documentNamespace}, SPDX 3 document {@code spdxId}, SWID {@code tagId}), or null
 * @param version       the CycloneDX document version, or null
 * @param metadata      what the document says about itself (never null)
 * @param components    top-level components; nested ones are their children
 * @param dependencies  bom-ref to the bom-refs it depends on, in document order (an entry with an empty list says
 *                      "depends on nothing"; a ref without an entry says nothing)
 * @param warnings      problems that did not stop reading (an invalid purl, say), each with its place
 */
public record Bom(SbomFormat format, String specVersion, String encoding, String serialNumber, Integer version,
                  Metadata metadata, List<Component> components, Map<String, List<String>> dependencies,
                  List<String> warnings) {

    public Bom {
        metadata = metadata == null ? Metadata.EMPTY : metadata;
        components = List.copyOf(components);
        Map<String, List<String>> deps = new LinkedHashMap<>();
        dependencies.forEach((k, v) -> deps.put(k, List.copyOf(v)));
        dependencies = Collections.unmodifiableMap(deps);
        warnings = List.copyOf(warnings);
    }

    /** The component the SBOM describes, or null. */
    public Component subject() {
        return metadata.subject();
    }

    /** When the document was made, as written, or null. */
    public String timestamp() {
        return metadata.timestamp();
    }

    /**
     * Every component, nested ones included, in document order: the top-level components and their descendants,
     * then the subject's descendants. The subject itself is not included.
     */
    public List<Component> allComponents() {
        List<Component> out = new ArrayList<>();
        for (Component c : components) {
            collect(c, out);
        }
        if (subject() != null) {
            for (Component c : subject().children()) {
                collect(c, out);
            }
        }
        return out;
    }

    /** The subject (if any) followed by {@link #allComponents()}. */
    public List<Component> allComponentsWithSubject() {
        List<Component> out = new ArrayList<>();
        if (subject() != null) {
            out.add(subject());
        }
        out.addAll(allComponents());
        return out;
    }

    /** The number of dependency edges. */
    public int dependencyEdgeCount() {
        int n = 0;
        for (List<String> on : dependencies.values()) {
            n += on.size();
        }
        return n;
    }

    public Bom withWarnings(List<String> newWarnings) {
        return new Bom(format, specVersion, encoding, serialNumber, version, metadata, components, dependencies, newWarnings);
    }

    private static void collect(Component c, List<Component> out) {
        out.add(c);
        for (Component child : c.children()) {
            collect(child, out);
        }
    }
}
