package dev.mamori.sbom;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link Bom} as SPDX 2.3 JSON. Nesting becomes CONTAINS (the subject CONTAINS every top-level component),
 * dependencies DEPENDS_ON, the subject DESCRIBES. Components of type {@code file} that have an SPDX checksum become
 * SPDX files; everything else a package.
 */
public final class SpdxJsonWriter {
    private static final Pattern SPDX_ID = Pattern.compile("SPDXRef-[A-Za-z0-9.\\-]+");
    private static final Pattern LICENSE_REF = Pattern.compile("(?<![A-Za-z0-9.:\\-])LicenseRef-[A-Za-z0-9.\\-]+");
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final Losses losses = new Losses("SPDX 2.3");
    private final Map<Component, String> ids = new IdentityHashMap<>();
    private final Map<String, String> idByRef = new HashMap<>();
    private final Set<String> usedIds = new HashSet<>();
    private final Map<String, String> extracted = new java.util.LinkedHashMap<>();
    private JsonGenerator g;

    private SpdxJsonWriter() {}

    /**
     * Writes the SBOM; the stream is flushed, not closed.
     *
     * @return what SPDX 2.3 could not hold, one line per kind
     */
    public static List<String> write(Bom bom, OutputStream out) {
        SpdxJsonWriter w = new SpdxJsonWriter();
        try (JsonGenerator gen = JsonInput.factory().createGenerator(out, JsonEncoding.UTF8)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.useDefaultPrettyPrinter();
            w.g = gen;
            w.bom(bom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.losses.report();
    }

    private void bom(Bom bom) throws IOException {
        Metadata m = bom.metadata();
        List<Component> all = bom.allComponentsWithSubject();
        for (Component c : all) {
            assignId(c);
        }
        g.writeStartObject();
        g.writeStringField("spdxVersion", "SPDX-2.3");
        g.writeStringField("dataLicense", "CC0-1.0");
        g.writeStringField("SPDXID", "SPDXRef-DOCUMENT");
        String name = m.documentName() != null ? m.documentName() : m.subject() != null ? m.subject().name() : "SBOM";
        g.writeStringField("name", name);
        g.writeStringField("documentNamespace", namespace(bom, name));
        if (m.tlp() != null) {
            g.writeStringField("comment", "TLP:" + m.tlp());
        }
        g.writeObjectFieldStart("creationInfo");
        g.writeStringField("created", created(m.timestamp()));
        g.writeArrayFieldStart("creators");
        int creators = 0;
        for (Tool t : m.tools()) {
            g.writeString(SpdxParties.formatTool(t));
            creators++;
            if (t.vendor() != null && t.name() != null) {
                losses.add("tool vendors", t.vendor());
            }
        }
        for (Party p : m.authors()) {
            g.writeString(SpdxParties.format(p, false));
            creators++;
        }
        if (creators == 0) {
            g.writeString("Tool: mamori");
        }
        g.writeEndArray();
        g.writeEndObject();
        metadataLosses(bom);
        g.writeArrayFieldStart("packages");
        for (Component c : all) {
            if (!isFile(c)) {
                pkg(c);
            }
        }
        g.writeEndArray();
        boolean anyFile = all.stream().anyMatch(this::isFile);
        if (anyFile) {
            g.writeArrayFieldStart("files");
            for (Component c : all) {
                if (isFile(c)) {
                    file(c);
                }
            }
            g.writeEndArray();
        }
        relationships(bom);
        if (!extracted.isEmpty()) {
            g.writeArrayFieldStart("hasExtractedLicensingInfos");
            for (Map.Entry<String, String> e : extracted.entrySet()) {
                g.writeStartObject();
                g.writeStringField("licenseId", e.getKey());
                g.writeStringField("extractedText", e.getValue() == null ? "The licence text was not available when this document was converted." : e.getValue());
                if (e.getValue() != null) {
                    g.writeStringField("name", e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void metadataLosses(Bom bom) {
        Metadata m = bom.metadata();
        if (m.supplier() != null) {
            losses.add("the SBOM's supplier", m.supplier().label());
        }
        if (m.manufacturer() != null) {
            losses.add("the SBOM's manufacturer", m.manufacturer().label());
        }
        for (String l : m.lifecycles()) {
            losses.add("lifecycle phases", l);
        }
        for (Property p : m.properties()) {
            losses.add("document properties", p.name());
        }
        if (bom.version() != null && bom.version() > 1) {
            losses.add("the document version", String.valueOf(bom.version()));
        }
    }

    static String namespace(Bom bom, String name) {
        String s = bom.serialNumber();
        if (s != null && !s.contains("#") && s.matches("[A-Za-z][A-Za-z0-9+.\\-]*:\\S+")) {
            return s;
        }
        String base = s != null ? s : name + "|" + bom.timestamp();
        return "https://spdx.org/spdxdocs/" + name.replaceAll("[^A-Za-z0-9.\\-]+", "-") + "-"
                + java.util.UUID.nameUUIDFromBytes(base.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String created(String timestamp) {
        if (timestamp != null) {
            try {
                return CREATED.format(OffsetDateTime.parse(timestamp).withOffsetSameInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                losses.add("a timestamp that is not ISO 8601 (time of conversion written)", timestamp);
            }
        }
        return CREATED.format(Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private boolean isFile(Component c) {
        if (!"file".equals(c.type())) {
            return false;
        }
        for (String alg : c.hashes().keySet()) {
            if (HashAlgorithms.toSpdx2(alg) != null) {
                return true;
            }
        }
        return false;
    }

    private void assignId(Component c) {
        String ref = c.bomRef();
        String id;
        if (ref != null && SPDX_ID.matcher(ref).matches() && !usedIds.contains(ref)) {
            id = ref;
        } else {
            String base = "SPDXRef-" + (ref != null ? ref : c.name() + (c.version() == null ? "" : "-" + c.version()))
                    .replaceAll("[^A-Za-z0-9.\\-]+", "-");
            id = base;
            for (int n = 2; usedIds.contains(id); n++) {
                id = base + "-" + n;
            }
        }
        usedIds.add(id);
        ids.put(c, id);
        if (ref != null) {
            idByRef.putIfAbsent(ref, id);
        }
    }

    private void pkg(Component c) throws IOException {
        g.writeStartObject();
        g.writeStringField("SPDXID", ids.get(c));
        g.writeStringField("name", c.name());
        str("versionInfo", c.version());
        List<String> fileNames = c.propertyValues(Spdx2Fields.FILENAME_PROPERTY);
        if (!fileNames.isEmpty()) {
            g.writeStringField("packageFileName", fileNames.getFirst());
        }
        if (c.supplier() != null) {
            g.writeStringField("supplier", SpdxParties.format(c.supplier(), true));
        }
        Party originator = c.manufacturer() != null ? c.manufacturer() : c.authors().isEmpty() ? null : c.authors().getFirst();
        if (originator != null) {
            g.writeStringField("originator", SpdxParties.format(originator, c.manufacturer() != null));
            if (c.manufacturer() != null && !c.authors().isEmpty()) {
                losses.add("authors beside a manufacturer (one originator only)", c.name());
            } else if (c.authors().size() > 1) {
                losses.add("more than one author (one originator only)", c.name());
            }
        }
        if (c.publisher() != null) {
            losses.add("publishers", c.name());
        }
        String download = null;
        String homepage = null;
        List<ExternalReference> others = new ArrayList<>();
        for (ExternalReference r : c.externalReferences()) {
            if (download == null && "distribution".equals(r.type())) {
                download = r.url();
            } else if (homepage == null && "website".equals(r.type())) {
                homepage = r.url();
            } else {
                others.add(r);
            }
        }
        g.writeStringField("downloadLocation", download == null ? "NOASSERTION" : download);
        g.writeBooleanField("filesAnalyzed", false);
        checksums(c);
        str("homepage", homepage);
        g.writeStringField("licenseConcluded", licenseField(c, true));
        g.writeStringField("licenseDeclared", licenseField(c, false));
        g.writeStringField("copyrightText", c.copyright() == null ? "NOASSERTION" : c.copyright());
        str("description", c.description());
        externalRefs(c, others);
        String purpose = Spdx2Fields.purpose(c.type());
        if (purpose != null) {
            g.writeStringField("primaryPackagePurpose", purpose);
        } else if (c.type() != null) {
            losses.add("component type '" + c.type() + "'", c.name());
        }
        for (String date : List.of("releaseDate", "builtDate", "validUntilDate")) {
            List<String> v = c.propertyValues("spdx:" + date);
            if (!v.isEmpty()) {
                g.writeStringField(date, v.getFirst());
            }
        }
        commonLosses(c);
        g.writeEndObject();
    }

    private void file(Component c) throws IOException {
        g.writeStartObject();
        g.writeStringField("SPDXID", ids.get(c));
        g.writeStringField("fileName", c.name());
        checksums(c);
        g.writeStringField("licenseConcluded", licenseField(c, true));
        List<String> declared = new ArrayList<>();
        for (License l : c.licenses()) {
            if (l.acknowledgement() != License.Acknowledgement.CONCLUDED) {
                declared.add(licenseValue(l));
            }
        }
        if (!declared.isEmpty()) {
            g.writeArrayFieldStart("licenseInfoInFiles");
            for (String d : declared) {
                g.writeString(d);
            }
            g.writeEndArray();
        }
        g.writeStringField("copyrightText", c.copyright() == null ? "NOASSERTION" : c.copyright());
        if (c.purlText() != null || !c.cpes().isEmpty() || c.swid() != null || !c.identifiers().isEmpty()) {
            losses.add("identifiers of files", c.name());
        }
        if (c.version() != null) {
            losses.add("versions of files", c.name());
        }
        if (c.supplier() != null || c.manufacturer() != null || !c.authors().isEmpty()) {
            losses.add("suppliers and authors of files", c.name());
        }
        for (ExternalReference r : c.externalReferences()) {
            losses.add("external references of files", r.url());
        }
        commonLosses(c);
        g.writeEndObject();
    }

    private void commonLosses(Component c) {
        if (c.evidence() != null) {
            losses.add("evidence (identity techniques and confidence, occurrences)", c.name());
        }
        if (c.scope() != null) {
            losses.add("scope", c.name());
        }
        if (c.group() != null) {
            losses.add("group (kept only inside the purl)", c.name());
        }
        for (Property p : c.properties()) {
            if (!p.name().equals(Spdx2Fields.FILENAME_PROPERTY) && !p.name().startsWith("spdx:")) {
                losses.add("component properties", p.name());
            }
        }
        if (c.swid() != null && (c.swid().tagVersion() != null || c.swid().patch() != null || c.swid().url() != null)) {
            losses.add("SWID tag details other than the tag id", c.name());
        }
    }

    private void checksums(Component c) throws IOException {
        g.writeArrayFieldStart("checksums");
        for (Map.Entry<String, String> h : c.hashes().entrySet()) {
            String alg = HashAlgorithms.toSpdx2(h.getKey());
            if (alg == null) {
                losses.add("hash " + h.getKey(), c.name());
                continue;
            }
            g.writeStartObject();
            g.writeStringField("algorithm", alg);
            g.writeStringField("checksumValue", h.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void externalRefs(Component c, List<ExternalReference> others) throws IOException {
        List<String[]> refs = new ArrayList<>();
        if (c.purlText() != null) {
            refs.add(new String[] {"PACKAGE-MANAGER", "purl", c.purlText(), null});
        }
        for (String cpe : c.cpes()) {
            refs.add(new String[] {"SECURITY", cpe.startsWith("cpe:2.3:") ? "cpe23Type" : "cpe22Type", cpe, null});
        }
        if (c.swid() != null && c.swid().tagId() != null) {
            refs.add(new String[] {"SECURITY", "swid", c.swid().tagId(), null});
        }
        for (Identifier id : c.identifiers()) {
            switch (id.type()) {
                case "purl" -> refs.add(new String[] {"PACKAGE-MANAGER", "purl", id.value(), null});
                case "swhid" -> refs.add(new String[] {"PERSISTENT-ID", "swh", id.value(), null});
                case "omniborId" -> refs.add(new String[] {"PERSISTENT-ID", "gitoid", id.value(), null});
                case "maven-central", "npm", "nuget", "bower" -> refs.add(new String[] {"PACKAGE-MANAGER", id.type(), id.value(), null});
                default -> refs.add(new String[] {"OTHER", id.type(), id.value(), null});
            }
        }
        for (ExternalReference r : others) {
            if ("advisories".equals(r.type())) {
                refs.add(new String[] {"SECURITY", "advisory", r.url(), r.comment()});
            } else {
                refs.add(new String[] {"OTHER", r.type() == null ? "other" : r.type(), r.url(), r.comment()});
            }
        }
        if (refs.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("externalRefs");
        for (String[] r : refs) {
            g.writeStartObject();
            g.writeStringField("referenceCategory", r[0]);
            g.writeStringField("referenceType", r[1]);
            g.writeStringField("referenceLocator", r[2]);
            str("comment", r[3]);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The licenseConcluded (or licenseDeclared) value: the licences of that kind joined with AND. */
    private String licenseField(Component c, boolean concluded) {
        List<String> parts = new ArrayList<>();
        for (License l : c.licenses()) {
            boolean isConcluded = l.acknowledgement() == License.Acknowledgement.CONCLUDED;
            if (isConcluded == concluded) {
                parts.add(licenseValue(l));
            }
        }
        if (parts.isEmpty()) {
            return "NOASSERTION";
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return SpdxLicenses.and(parts);
    }

    private String licenseValue(License l) {
        String id = SpdxLicenses.refFor(l);
        if (id != null) {
            extracted.put(id, l.value());
            return id;
        }
        Matcher m = LICENSE_REF.matcher(l.value());
        while (m.find()) {
            extracted.putIfAbsent(m.group(), null);
        }
        return l.value();
    }

    private void relationships(Bom bom) throws IOException {
        g.writeArrayFieldStart("relationships");
        Component subject = bom.subject();
        if (subject != null) {
            rel("SPDXRef-DOCUMENT", "DESCRIBES", ids.get(subject));
            for (Component c : bom.components()) {
                rel(ids.get(subject), "CONTAINS", ids.get(c));
            }
            contains(subject);
        }
        for (Component c : bom.components()) {
            contains(c);
        }
        for (Map.Entry<String, List<String>> e : bom.dependencies().entrySet()) {
            String from = idByRef.get(e.getKey());
            for (String to : e.getValue()) {
                String toId = idByRef.get(to);
                if (from == null || toId == null) {
                    losses.add("dependencies on refs that name no component", e.getKey() + " -> " + to);
                    continue;
                }
                rel(from, "DEPENDS_ON", toId);
            }
        }
        g.writeEndArray();
    }

    private void contains(Component parent) throws IOException {
        for (Component child : parent.children()) {
            rel(ids.get(parent), "CONTAINS", ids.get(child));
            contains(child);
        }
    }

    private void rel(String from, String type, String to) throws IOException {
        g.writeStartObject();
        g.writeStringField("spdxElementId", from);
        g.writeStringField("relationshipType", type);
        g.writeStringField("relatedSpdxElement", to);
        g.writeEndObject();
    }

    private void str(String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
