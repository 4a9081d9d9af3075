package dev.mamori.sbom;

import dev.mamori.purl.Purl;
import java.util.List;
import java.util.Map;

/**
 * One component of an SBOM: a library, application, OS package, firmware…
 *
 * @param bomRef    the document's own reference for it ({@code bom-ref} / SPDXID), or null
 * @param type      the component type as the format names it ({@code library}, {@code operating-system}…)
 * @param group     Maven group, npm scope or similar, where the format has one
 * @param purl      the parsed package URL, or null when absent or invalid
 * @param purlText  the package URL as written (kept even when invalid, so errors can quote it)
 * @param cpe       a CPE name, or null
 * @param hashes    algorithm to hex value
 * @param licenses  SPDX ids, expressions or names as written
 * @param children  nested components
 * @param location  where the component is in its document (a JSON pointer or line)
 */
public record Component(String bomRef, String type, String group, String name, String version,
                        Purl purl, String purlText, String cpe, String supplier,
                        Map<String, String> hashes, List<String> licenses, List<Component> children,
                        String location) {

    public Component {
        hashes = hashes == null ? Map.of() : Map.copyOf(hashes);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** The best display name: {@code group/name} or {@code name}. */
    public String displayName() {
        return group == null || group.isEmpty() ? name : group + "/" + name;
    }
}
