package dev.mamori.sbom;

import dev.mamori.purl.Purl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One component of an SBOM: a library, application, OS package, file, firmware…
 *
 * <p>Immutable; build one with {@link #builder(String)} or change a copy with {@link #toBuilder()}.
 *
 * @param bomRef             the document's own reference for it ({@code bom-ref}, SPDXID, SPDX 3 {@code spdxId},
 *                           SWID {@code tagId}), or null
 * @param type               the CycloneDX component type ({@code library}, {@code operating-system}, {@code file}…);
 *                           SPDX purposes without a CycloneDX type are kept lower-case ({@code source},
 *                           {@code archive}, {@code install}, {@code other}); null when the document gives none
 * @param group              Maven group, npm scope or similar, where the format has one
 * @param name               the name (never null)
 * @param version            the version as written, or null
 * @param description        a description, or null
 * @param scope              {@code required}, {@code optional} or {@code excluded} (CycloneDX), or null
 * @param purl               the parsed package URL, or null when absent or invalid
 * @param purlText           the package URL as written (kept even when invalid, so errors can quote it)
 * @param cpes               CPE names (2.2 URI or 2.3 formatted string) as written
 * @param swid               the SWID tag that identifies it, or null
 * @param identifiers        other identifiers (OmniBOR, SWHID, further purls…)
 * @param supplier           who supplied it, or null
 * @param manufacturer       who made it (CycloneDX 1.6 {@code manufacturer}), or null
 * @param authors            who wrote it (CycloneDX {@code authors} / {@code author}, SPDX originator person)
 * @param publisher          CycloneDX {@code publisher}, or null
 * @param copyright          copyright text, or null
 * @param hashes             normalised algorithm name ({@code SHA-256}, see {@link HashAlgorithms}) to hex value,
 *                           in document order
 * @param licenses           licences as written
 * @param externalReferences links (website, VCS, distribution…)
 * @param properties         name/value properties
 * @param evidence           how it was found, or null
 * @param children           nested components (CycloneDX nesting; SPDX {@code CONTAINS} that forms a tree)
 * @param location           where the component is in its document: a JSON pointer, an XML path with
 *                           {@code line:column}, or a tag-value line
 */
public record Component(String bomRef, String type, String group, String name, String version,
                        String description, String scope,
                        Purl purl, String purlText, List<String> cpes, Swid swid, List<Identifier> identifiers,
                        Party supplier, Party manufacturer, List<Party> authors, String publisher, String copyright,
                        Map<String, String> hashes, List<License> licenses,
                        List<ExternalReference> externalReferences, List<Property> properties, Evidence evidence,
                        List<Component> children, String location) {

    public Component {
        cpes = copy(cpes);
        identifiers = copy(identifiers);
        authors = copy(authors);
        hashes = hashes == null || hashes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
        licenses = copy(licenses);
        externalReferences = copy(externalReferences);
        properties = copy(properties);
        children = copy(children);
        if (evidence != null && evidence.isEmpty()) {
            evidence = null;
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** A builder for a component with this name. */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** A builder holding this component's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bomRef = bomRef;
        b.type = type;
        b.group = group;
        b.name = name;
        b.version = version;
        b.description = description;
        b.scope = scope;
        b.purl = purl;
        b.purlText = purlText;
        b.cpes.addAll(cpes);
        b.swid = swid;
        b.identifiers.addAll(identifiers);
        b.supplier = supplier;
        b.manufacturer = manufacturer;
        b.authors.addAll(authors);
        b.publisher = publisher;
        b.copyright = copyright;
        b.hashes.putAll(hashes);
        b.licenses.addAll(licenses);
        b.externalReferences.addAll(externalReferences);
        b.properties.addAll(properties);
        b.evidence = evidence;
        b.children.addAll(children);
        b.location = location;
        return b;
    }

    /** The best display name: {@code group/name} or {@code name}. */
    public String displayName() {
        return group == null || group.isEmpty() ? name : group + "/" + name;
    }

    /** The first CPE, or null. */
    public String cpe() {
        return cpes.isEmpty() ? null : cpes.getFirst();
    }

    /** The values of the properties with this name, in order. */
    public List<String> propertyValues(String propertyName) {
        List<String> out = new ArrayList<>();
        for (Property p : properties) {
            if (p.name().equals(propertyName)) {
                out.add(p.value());
            }
        }
        return out;
    }

    /** A mutable builder; {@link #build()} makes the immutable component. */
    public static final class Builder {
        private String bomRef;
        private String type;
        private String group;
        private String name;
        private String version;
        private String description;
        private String scope;
        private Purl purl;
        private String purlText;
        private final List<String> cpes = new ArrayList<>();
        private Swid swid;
        private final List<Identifier> identifiers = new ArrayList<>();
        private Party supplier;
        private Party manufacturer;
        private final List<Party> authors = new ArrayList<>();
        private String publisher;
        private String copyright;
        private final Map<String, String> hashes = new LinkedHashMap<>();
        private final List<License> licenses = new ArrayList<>();
        private final List<ExternalReference> externalReferences = new ArrayList<>();
        private final List<Property> properties = new ArrayList<>();
        private Evidence evidence;
        private final List<Component> children = new ArrayList<>();
        private String location;

        private Builder() {}

        public Builder bomRef(String v) { bomRef = v; return this; }
        public Builder type(String v) { type = v; return this; }
        public Builder group(String v) { group = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder version(String v) { version = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder scope(String v) { scope = v; return this; }
        /** Sets the purl as written and its parsed form (null when it did not parse). */
        public Builder purl(String text, Purl parsed) { purlText = text; purl = parsed; return this; }
        public Builder cpe(String v) { if (v != null && !v.isBlank() && !cpes.contains(v)) { cpes.add(v); } return this; }
        public Builder swid(Swid v) { swid = v; return this; }
        public Builder identifier(Identifier v) { if (!identifiers.contains(v)) { identifiers.add(v); } return this; }
        public Builder supplier(Party v) { supplier = v; return this; }
        public Builder manufacturer(Party v) { manufacturer = v; return this; }
        public Builder author(Party v) { authors.add(v); return this; }
        public Builder publisher(String v) { publisher = v; return this; }
        public Builder copyright(String v) { copyright = v; return this; }
        public Builder hash(String algorithm, String value) { hashes.putIfAbsent(algorithm, value); return this; }
        public Builder license(License v) { if (!licenses.contains(v)) { licenses.add(v); } return this; }
        public Builder externalReference(ExternalReference v) { externalReferences.add(v); return this; }
        public Builder property(String n, String v) { properties.add(new Property(n, v)); return this; }
        public Builder evidence(Evidence v) { evidence = v; return this; }
        public Builder child(Component v) { children.add(v); return this; }
        public Builder clearChildren() { children.clear(); return this; }
        public Builder location(String v) { location = v; return this; }

        public String bomRef() { return bomRef; }
        public String name() { return name; }
        public String purlText() { return purlText; }
        public String location() { return location; }
        public boolean hasHashes() { return !hashes.isEmpty(); }

        public Component build() {
            return new Component(bomRef, type, group, name, version, description, scope, purl, purlText, cpes, swid,
                    identifiers, supplier, manufacturer, authors, publisher, copyright, hashes, licenses,
                    externalReferences, properties, evidence, children, location);
        }
    }
}
