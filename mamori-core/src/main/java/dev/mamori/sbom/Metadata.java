package dev.mamori.sbom;

import java.util.List;

/**
 * What an SBOM says about itself.
 *
 * @param timestamp    when the document was made, as written (CycloneDX {@code metadata.timestamp}, SPDX
 *                     {@code created}), or null
 * @param authors      who made the SBOM (CycloneDX {@code metadata.authors}, SPDX {@code Person:} /
 *                     {@code Organization:} creators, SPDX 3 {@code createdBy}, SWID {@code tagCreator})
 * @param supplier     CycloneDX {@code metadata.supplier}, or null
 * @param manufacturer CycloneDX {@code metadata.manufacturer} (1.6+; {@code manufacture} before), or null
 * @param tools        the tools that made it
 * @param lifecycles   CycloneDX lifecycle phases ({@code build}, {@code post-build}…) or SPDX 3 {@code sbomType}s
 *                     ({@code build}, {@code analyzed}…), as written
 * @param subject      the component the SBOM describes (CycloneDX {@code metadata.component}, SPDX DESCRIBES,
 *                     SPDX 3 {@code rootElement}), or null
 * @param tlp          the Traffic Light Protocol marking ({@code CLEAR}, {@code GREEN}, {@code AMBER},
 *                     {@code AMBER_AND_STRICT}, {@code RED}) from CycloneDX 1.7
 *                     {@code metadata.distributionConstraints.tlp}, or from a {@code TLP:…} marking in an SPDX
 *                     document comment; null when the document has none
 * @param documentName the document's own name (SPDX {@code name}), or null
 * @param licenses     the licence of the SBOM data itself (CycloneDX {@code metadata.licenses}, SPDX
 *                     {@code dataLicense})
 * @param properties   document-level properties
 */
public record Metadata(String timestamp, List<Party> authors, Party supplier, Party manufacturer, List<Tool> tools,
                       List<String> lifecycles, Component subject, String tlp, String documentName,
                       List<License> licenses, List<Property> properties) {

    public static final Metadata EMPTY = new Metadata(null, null, null, null, null, null, null, null, null, null, null);

    public Metadata {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tools = tools == null ? List.of() : List.copyOf(tools);
        lifecycles = lifecycles == null ? List.of() : List.copyOf(lifecycles);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        properties = properties == null ? List.of() : List.copyOf(properties);
    }

    public Metadata withSubject(Component newSubject) {
        return new Metadata(timestamp, authors, supplier, manufacturer, tools, lifecycles, newSubject, tlp,
                documentName, licenses, properties);
    }
}
