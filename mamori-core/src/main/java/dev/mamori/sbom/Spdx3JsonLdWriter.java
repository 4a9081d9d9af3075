package dev.mamori.sbom;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link Bom} as SPDX 3.0.1 JSON-LD in the compact form the SPDX 3 serialisation specifies: the SPDX context
 * and one {@code @graph} holding a blank-node {@code CreationInfo}, the {@code SpdxDocument}, one
 * {@code software_Sbom}, the agents and tools, one {@code software_Package} per component, licence elements and
 * {@code Relationship}s (nesting as {@code contains}, dependencies as {@code dependsOn}, licences as
 * {@code hasDeclaredLicense} / {@code hasConcludedLicense}).
 *
 * <p>Element ids are IRIs under the document namespace (the serial number when it is a URI, else one derived from
 * the name, as the SPDX 2.3 writer does) with a fragment taken from the bom-ref, so the same {@link Bom} (with a
 * timestamp) always writes the same bytes. SPDX 3 ids that came in as {@code http(s)} IRIs are kept as they are.
 */
final class Spdx3JsonLdWriter {
    static final String CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";
    static final String SPEC_VERSION = "3.0.1";
    private static final String CREATION_INFO = "_:creationinfo";
    /**
     * "No element", SPDX 3's named individual, as its full IRI: JSON-LD processors expand the compact term
     * {@code NoneElement} to the same IRI, but the SPDX Java library takes only the full form.
     */
    static final String NONE_ELEMENT = "https://spdx.org/rdf/3.0.1/terms/Core/NoneElement";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final Pattern LICENSE_REF = Pattern.compile("(?<![A-Za-z0-9.:\\-])LicenseRef-[A-Za-z0-9.\\-]+");
    private static final Pattern SPDX_REF = Pattern.compile("SPDXRef-[A-Za-z0-9.\\-]+");
    private static final String NO_TEXT = "The licence text was not available when this document was converted.";
    private static final Set<String> IDENTIFIER_TYPES = Set.of("cpe22", "cpe23", "cve", "email", "gitoid", "other",
            "packageUrl", "securityOther", "swhid", "swid", "urlScheme");
    private static final Set<String> PURPOSES = Set.of("application", "archive", "bom", "configuration", "container",
            "data", "device", "diskImage", "deviceDriver", "documentation", "evidence", "executable", "file",
            "filesystemImage", "firmware", "framework", "install", "library", "manifest", "model", "module",
            "operatingSystem", "other", "patch", "platform", "requirement", "source", "specification", "test");
    private static final Set<String> SBOM_TYPES = Set.of("design", "source", "build", "deployed", "runtime", "analyzed");
    /** The model's (CycloneDX) external-reference types with an SPDX 3 {@code ExternalRefType}. */
    private static final Map<String, String> REF_TYPES = Map.ofEntries(
            Map.entry("vcs", "vcs"), Map.entry("documentation", "documentation"), Map.entry("support", "support"),
            Map.entry("chat", "chat"), Map.entry("license", "license"), Map.entry("issue-tracker", "issueTracker"),
            Map.entry("mailing-list", "mailingList"), Map.entry("advisories", "securityAdvisory"),
            Map.entry("release-notes", "releaseNotes"), Map.entry("source-distribution", "sourceArtifact"),
            Map.entry("distribution", "altDownloadLocation"), Map.entry("website", "altWebPage"),
            Map.entry("social", "socialMedia"), Map.entry("build-meta", "buildMeta"),
            Map.entry("build-system", "buildSystem"), Map.entry("security-contact", "securityPolicy"),
            Map.entry("threat-model", "securityThreatModel"), Map.entry("adversary-model", "securityAdversaryModel"),
            Map.entry("risk-assessment", "riskAssessment"), Map.entry("pentest-report", "securityPenTestReport"),
            Map.entry("static-analysis-report", "staticAnalysisReport"),
            Map.entry("dynamic-analysis-report", "dynamicAnalysisReport"),
            Map.entry("runtime-analysis-report", "runtimeAnalysisReport"),
            Map.entry("component-analysis-report", "componentAnalysisReport"),
            Map.entry("certification-report", "certificationReport"),
            Map.entry("exploitability-statement", "vulnerabilityExploitabilityAssessment"));
    /** SPDX 2 reference types that SPDX 3 lists as {@code ExternalRefType}s. */
    private static final Map<String, String> PACKAGE_MANAGER_REFS = Map.of(
            "maven-central", "mavenCentral", "npm", "npm", "nuget", "nuget", "bower", "bower");

    /** A person, organisation or software agent element. */
    private record Agent(String type, Party party) {}

    /** One Relationship element: {@code from} to every element in {@code to}. */
    private record Rel(String id, String from, String type, List<String> to, String completeness) {}

    /** What a component's element refers to. */
    private record Plan(String id, String supplier, List<String> originators) {}

    private final Bom bom;
    private final Instant now;
    private final Losses losses = new Losses("SPDX 3.0.1");
    private final String ns;
    private final Set<String> usedIds = new HashSet<>();
    private final Map<Component, Plan> plans = new IdentityHashMap<>();
    private final List<Component> packages = new ArrayList<>();
    private final Map<String, String> idByRef = new HashMap<>();
    private final Map<Agent, String> agents = new LinkedHashMap<>();
    private final List<String> creators = new ArrayList<>();
    private final Map<String, String> tools = new LinkedHashMap<>();
    private final Map<String, String> expressions = new LinkedHashMap<>();
    private final Map<String, String> licenseNames = new LinkedHashMap<>();
    private final Map<String, String> licenseTextIds = new LinkedHashMap<>();
    private final List<Rel> relationships = new ArrayList<>();
    private String documentId;
    private String sbomId;
    private String dataLicenseId;
    private JsonGenerator g;

    private Spdx3JsonLdWriter(Bom bom, Instant now) {
        this.bom = bom;
        this.now = now;
        Metadata m = bom.metadata();
        String name = m.documentName() != null ? m.documentName() : m.subject() != null ? m.subject().name() : "SBOM";
        this.ns = SpdxJsonWriter.namespace(bom, name);
    }

    /**
     * Writes the SBOM; the stream is flushed, not closed. A document without a timestamp gets the time of writing.
     *
     * @return what SPDX 3.0.1 could not hold, one line per kind
     */
    static List<String> write(Bom bom, OutputStream out) {
        return write(bom, out, Instant.now());
    }

    /** As {@link #write(Bom, OutputStream)}, with {@code now} as the creation time of a document without one. */
    static List<String> write(Bom bom, OutputStream out, Instant now) {
        Spdx3JsonLdWriter w = new Spdx3JsonLdWriter(bom, now);
        w.plan();
        try (JsonGenerator gen = JsonInput.factory().createGenerator(out, JsonEncoding.UTF8)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.useDefaultPrettyPrinter();
            w.g = gen;
            w.document();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.losses.report();
    }

    // ---------------------------------------------------------------- planning: ids, agents, licences, relationships

    private void plan() {
        documentId = ns;
        claim(documentId);
        sbomId = unique("SBOM");
        List<Component> all = bom.allComponentsWithSubject();
        for (Component c : all) {
            if (!plans.containsKey(c)) {
                plans.put(c, new Plan(componentId(c), null, List.of()));
                packages.add(c);
            }
        }
        Metadata m = bom.metadata();
        for (Party p : m.authors()) {
            String id = agent(p, agentType(p, "Agent"));
            if (!creators.contains(id)) {
                creators.add(id);
            }
        }
        if (creators.isEmpty()) {
            creators.add(agent(Party.named("mamori"), "SoftwareAgent"));
        }
        for (Tool t : m.tools()) {
            String name = SpdxParties.formatTool(t).substring("Tool: ".length());
            if (!tools.containsKey(name)) {
                tools.put(name, unique("Tool-" + local(name)));
            }
            if (t.vendor() != null && t.name() != null) {
                losses.add("tool vendors", t.vendor());
            }
        }
        if (!m.licenses().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (License l : m.licenses()) {
                parts.add(licenseValue(l));
            }
            dataLicenseId = expression(SpdxLicenses.and(parts));
        }
        metadataLosses();
        for (Component c : packages) {
            planComponent(c);
        }
        containment();
        for (Component c : packages) {
            licences(c);
        }
        dependencies();
        for (String ref : licenseNames.keySet()) {
            // licence ids are case-insensitive: names differing only in case share one text element
            licenseTextIds.computeIfAbsent(ref.toLowerCase(Locale.ROOT), k -> unique(ref));
        }
    }

    private void metadataLosses() {
        Metadata m = bom.metadata();
        if (m.supplier() != null) {
            losses.add("the SBOM's supplier", m.supplier().label());
        }
        if (m.manufacturer() != null) {
            losses.add("the SBOM's manufacturer", m.manufacturer().label());
        }
        for (String l : m.lifecycles()) {
            if (sbomType(l) == null) {
                losses.add("lifecycle phases without an SPDX 3 sbomType", l);
            }
        }
        for (Property p : m.properties()) {
            losses.add("document properties", p.name());
        }
        if (bom.version() != null && bom.version() > 1) {
            losses.add("the document version", String.valueOf(bom.version()));
        }
    }

    /** The component's id: its bom-ref when that is already an SPDX 3 IRI, else the namespace + the bom-ref. */
    private String componentId(Component c) {
        String ref = c.bomRef();
        String id = null;
        if (ref != null && (ref.startsWith(ns + "#") || isHttpIri(ref)) && claim(ref)) {
            id = ref;
        }
        if (id == null) {
            String base;
            if (ref != null && SPDX_REF.matcher(ref).matches()) {
                base = ref;
            } else {
                base = "SPDXRef-" + local(ref != null ? ref : c.name() + (c.version() == null ? "" : "-" + c.version()));
            }
            id = unique(base);
        }
        if (ref != null) {
            idByRef.putIfAbsent(ref, id);
        }
        return id;
    }

    private static boolean isHttpIri(String s) {
        if (!(s.startsWith("http://") || s.startsWith("https://"))) {
            return false;
        }
        try {
            URI u = new URI(s);
            return u.isAbsolute() && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A fragment made of the characters every IRI parser takes. */
    private static String local(String s) {
        String l = s.replaceAll("[^A-Za-z0-9._\\-]+", "-");
        return l.isEmpty() ? "x" : l;
    }

    private String unique(String local) {
        String base = ns + "#" + local;
        String id = base;
        for (int n = 2; !claim(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /**
     * Takes an id unless one that differs only in case is taken: IRIs are case-sensitive, but SPDX licence ids are
     * not, and the SPDX Java library's store treats every id that way.
     */
    private boolean claim(String id) {
        return usedIds.add(id.toLowerCase(Locale.ROOT));
    }

    /** The agent element type for a party: Person, Organization, or {@code unspecified} when the source did not say. */
    private static String agentType(Party p, String unspecified) {
        return switch (p.kind()) {
            case PERSON -> "Person";
            case ORGANIZATION -> "Organization";
            case UNSPECIFIED -> unspecified;
        };
    }

    private String agent(Party p, String type) {
        return agents.computeIfAbsent(new Agent(type, p), a -> {
            String label = p.label();
            return unique(type + "-" + local(label == null ? "unnamed" : label));
        });
    }

    private void planComponent(Component c) {
        String supplier = c.supplier() == null ? null : agent(c.supplier(), agentType(c.supplier(), "Agent"));
        List<String> originators = new ArrayList<>();
        if (c.manufacturer() != null) {
            // an originating Organization is what the readers take for the manufacturer
            originators.add(agent(c.manufacturer(), agentType(c.manufacturer(), "Organization")));
        }
        for (Party a : c.authors()) {
            String id = agent(a, agentType(a, "Agent"));
            if (!originators.contains(id)) {
                originators.add(id);
            }
        }
        Plan p = plans.get(c);
        plans.put(c, new Plan(p.id(), supplier, originators));
        if (c.publisher() != null) {
            losses.add("publishers", c.name());
        }
        if (c.evidence() != null) {
            losses.add("evidence (identity techniques and confidence, occurrences)", c.name());
        }
        if (c.scope() != null) {
            losses.add("scope", c.name());
        }
        if (c.group() != null) {
            losses.add("group (kept only inside the purl)", c.name());
        }
        if (c.type() != null && purpose(c.type()) == null) {
            losses.add("component type '" + c.type() + "'", c.name());
        }
        for (Property prop : c.properties()) {
            if (!isDateProperty(prop.name())) {
                losses.add("component properties", prop.name());
            }
        }
        if (c.swid() != null && (c.swid().tagVersion() != null || c.swid().patch() != null || c.swid().url() != null)) {
            losses.add("SWID tag details other than the tag id", c.name());
        }
        for (String alg : c.hashes().keySet()) {
            if (HashAlgorithms.toSpdx3(alg) == null) {
                losses.add("hash " + alg, c.name());
            }
        }
    }

    private static boolean isDateProperty(String name) {
        return name.equals("spdx:releaseDate") || name.equals("spdx:builtDate") || name.equals("spdx:validUntilDate");
    }

    /** The subject contains every top-level component (as the SPDX 2.3 writer says), each parent its children. */
    private void containment() {
        Component subject = bom.subject();
        if (subject != null) {
            List<String> to = new ArrayList<>();
            for (Component c : bom.components()) {
                to.add(id(c));
            }
            for (Component c : subject.children()) {
                to.add(id(c));
            }
            relationship(id(subject), "contains", to, null);
            for (Component c : subject.children()) {
                contains(c);
            }
        }
        for (Component c : bom.components()) {
            contains(c);
        }
    }

    private void contains(Component parent) {
        if (parent.children().isEmpty()) {
            return;
        }
        List<String> to = new ArrayList<>();
        for (Component child : parent.children()) {
            to.add(id(child));
        }
        relationship(id(parent), "contains", to, null);
        for (Component child : parent.children()) {
            contains(child);
        }
    }

    /**
     * One relationship per kind, to one expression element per licence statement: the model's statements stay
     * apart (as SPDX 3 converters write a file's several licences), where SPDX 2.3 must AND them into one field.
     */
    private void licences(Component c) {
        Set<String> declared = new LinkedHashSet<>();
        Set<String> concluded = new LinkedHashSet<>();
        for (License l : c.licenses()) {
            (l.acknowledgement() == License.Acknowledgement.CONCLUDED ? concluded : declared).add(expression(licenseValue(l)));
        }
        if (!declared.isEmpty()) {
            relationship(id(c), "hasDeclaredLicense", List.copyOf(declared), null);
        }
        if (!concluded.isEmpty()) {
            relationship(id(c), "hasConcludedLicense", List.copyOf(concluded), null);
        }
    }

    /** The expression for one licence: a free-text name becomes {@code LicenseRef-<name>} (its name kept). */
    private String licenseValue(License l) {
        String ref = SpdxLicenses.refFor(l);
        if (ref != null) {
            licenseNames.putIfAbsent(ref, l.value());
            return ref;
        }
        return l.value();
    }

    private String expression(String text) {
        return expressions.computeIfAbsent(text, t -> unique("LicenseExpression-" + (expressions.size() + 1)));
    }

    private void dependencies() {
        for (Map.Entry<String, List<String>> e : bom.dependencies().entrySet()) {
            String from = idByRef.get(e.getKey());
            if (e.getValue().isEmpty()) {
                if (from != null) {
                    relationship(from, "dependsOn", List.of(NONE_ELEMENT), "complete");
                }
                continue;
            }
            Set<String> to = new LinkedHashSet<>();
            for (String ref : e.getValue()) {
                String toId = idByRef.get(ref);
                if (from == null || toId == null) {
                    losses.add("dependencies on refs that name no component", e.getKey() + " -> " + ref);
                } else {
                    to.add(toId);
                }
            }
            if (!to.isEmpty()) {
                relationship(from, "dependsOn", List.copyOf(to), null);
            }
        }
    }

    private void relationship(String from, String type, List<String> to, String completeness) {
        if (to.isEmpty()) {
            return;
        }
        relationships.add(new Rel(unique("Relationship-" + (relationships.size() + 1)), from, type, to, completeness));
    }

    private String id(Component c) {
        return plans.get(c).id();
    }

    // ---------------------------------------------------------------- writing

    private void document() throws IOException {
        Metadata m = bom.metadata();
        g.writeStartObject();
        g.writeStringField("@context", CONTEXT);
        g.writeArrayFieldStart("@graph");

        g.writeStartObject();
        g.writeStringField("type", "CreationInfo");
        g.writeStringField("@id", CREATION_INFO);
        g.writeStringField("specVersion", SPEC_VERSION);
        g.writeStringField("created", created(m.timestamp()));
        strings("createdBy", creators);
        strings("createdUsing", List.copyOf(tools.values()));
        g.writeEndObject();

        List<String> content = new ArrayList<>();
        for (Component c : packages) {
            content.add(id(c));
        }
        content.addAll(agents.values());
        content.addAll(licenseTextIds.values());
        content.addAll(expressions.values());
        for (Rel r : relationships) {
            content.add(r.id());
        }

        element("SpdxDocument", documentId);
        str("name", m.documentName());
        if (m.tlp() != null) {
            g.writeStringField("comment", "TLP:" + m.tlp());
        }
        str("dataLicense", dataLicenseId);
        strings("profileConformance", List.of("core", "software", "simpleLicensing"));
        strings("rootElement", List.of(sbomId));
        List<String> everything = new ArrayList<>();
        everything.add(sbomId);
        everything.addAll(tools.values());
        everything.addAll(content);
        strings("element", everything);
        g.writeEndObject();

        element("software_Sbom", sbomId);
        List<String> types = new ArrayList<>();
        for (String l : m.lifecycles()) {
            String t = sbomType(l);
            if (t != null && !types.contains(t)) {
                types.add(t);
            }
        }
        strings("software_sbomType", types);
        if (m.subject() != null) {
            strings("rootElement", List.of(id(m.subject())));
        }
        strings("element", content);
        g.writeEndObject();

        for (Map.Entry<Agent, String> a : agents.entrySet()) {
            agent(a.getKey(), a.getValue());
        }
        for (Map.Entry<String, String> t : tools.entrySet()) {
            element("Tool", t.getValue());
            g.writeStringField("name", t.getKey());
            g.writeEndObject();
        }
        for (Component c : packages) {
            pkg(c);
        }
        Set<String> textsWritten = new HashSet<>();
        for (Map.Entry<String, String> t : licenseNames.entrySet()) {
            String id = licenseTextIds.get(t.getKey().toLowerCase(Locale.ROOT));
            if (!textsWritten.add(id)) {
                continue;
            }
            element("simplelicensing_SimpleLicensingText", id);
            g.writeStringField("name", t.getValue());
            g.writeStringField("simplelicensing_licenseText", NO_TEXT);
            g.writeEndObject();
        }
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            licenseExpression(e.getKey(), e.getValue());
        }
        for (Rel r : relationships) {
            element("Relationship", r.id());
            g.writeStringField("from", r.from());
            g.writeStringField("relationshipType", r.type());
            strings("to", r.to());
            str("completeness", r.completeness());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Starts an element object with its type, id and the shared creation info. */
    private void element(String type, String id) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        g.writeStringField("spdxId", id);
        g.writeStringField("creationInfo", CREATION_INFO);
    }

    private void agent(Agent a, String id) throws IOException {
        Party p = a.party();
        element(a.type(), id);
        str("name", p.name());
        if (p.email() != null && !p.email().isBlank()) {
            g.writeArrayFieldStart("externalIdentifier");
            identifier("email", p.email(), null);
            g.writeEndArray();
        }
        if (p.url() != null && !p.url().isBlank()) {
            g.writeArrayFieldStart("externalRef");
            externalRef("altWebPage", p.url(), null);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void pkg(Component c) throws IOException {
        Plan plan = plans.get(c);
        element("software_Package", plan.id());
        g.writeStringField("name", c.name());
        str("description", c.description());
        str("software_packageVersion", c.version());
        if (c.purl() != null && c.purlText() != null) {
            g.writeStringField("software_packageUrl", c.purlText());
        }
        String download = null;
        String homepage = null;
        List<ExternalReference> others = new ArrayList<>();
        for (ExternalReference r : c.externalReferences()) {
            if (download == null && "distribution".equals(r.type()) && r.comment() == null) {
                download = r.url();
            } else if (homepage == null && "website".equals(r.type()) && r.comment() == null) {
                homepage = r.url();
            } else {
                others.add(r);
            }
        }
        str("software_downloadLocation", download);
        str("software_homePage", homepage);
        str("software_primaryPurpose", c.type() == null ? null : purpose(c.type()));
        str("software_copyrightText", c.copyright());
        str("suppliedBy", plan.supplier());
        strings("originatedBy", plan.originators());
        for (String[] date : new String[][] {{"spdx:releaseDate", "releaseTime"}, {"spdx:builtDate", "builtTime"},
                {"spdx:validUntilDate", "validUntilTime"}}) {
            List<String> v = c.propertyValues(date[0]);
            if (!v.isEmpty()) {
                String stamp = stamp(v.getFirst());
                if (stamp == null) {
                    losses.add("dates that are not ISO 8601", v.getFirst());
                } else {
                    g.writeStringField(date[1], stamp);
                }
            }
        }
        identifiers(c);
        externalRefs(c, others);
        boolean anyHash = false;
        for (Map.Entry<String, String> h : c.hashes().entrySet()) {
            String alg = HashAlgorithms.toSpdx3(h.getKey());
            if (alg == null) {
                continue;
            }
            if (!anyHash) {
                g.writeArrayFieldStart("verifiedUsing");
                anyHash = true;
            }
            g.writeStartObject();
            g.writeStringField("type", "Hash");
            g.writeStringField("algorithm", alg);
            g.writeStringField("hashValue", h.getValue());
            g.writeEndObject();
        }
        if (anyHash) {
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void identifiers(Component c) throws IOException {
        List<String[]> out = new ArrayList<>();
        if (c.purlText() != null) {
            out.add(new String[] {"packageUrl", c.purlText(), null});
        }
        for (String cpe : c.cpes()) {
            out.add(new String[] {cpe.startsWith("cpe:2.3:") ? "cpe23" : "cpe22", cpe, null});
        }
        if (c.swid() != null && c.swid().tagId() != null) {
            out.add(new String[] {"swid", c.swid().tagId(), null});
        }
        for (Identifier id : c.identifiers()) {
            String t = id.type();
            if (PACKAGE_MANAGER_REFS.containsKey(t)) {
                continue;
            }
            switch (t) {
                case "purl" -> out.add(new String[] {"packageUrl", id.value(), null});
                case "omniborId", "gitoid" -> out.add(new String[] {"gitoid", id.value(), null});
                default -> {
                    if (IDENTIFIER_TYPES.contains(t)) {
                        out.add(new String[] {t, id.value(), null});
                    } else {
                        // SPDX 3 has no such type: the type name rides in the comment, as the reader expects
                        out.add(new String[] {"other", id.value(), t});
                    }
                }
            }
        }
        if (out.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("externalIdentifier");
        for (String[] i : out) {
            identifier(i[0], i[1], i[2]);
        }
        g.writeEndArray();
    }

    private void identifier(String type, String value, String comment) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "ExternalIdentifier");
        g.writeStringField("externalIdentifierType", type);
        g.writeStringField("identifier", value);
        str("comment", comment);
        g.writeEndObject();
    }

    private void externalRefs(Component c, List<ExternalReference> others) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (Identifier id : c.identifiers()) {
            String t = PACKAGE_MANAGER_REFS.get(id.type());
            if (t != null) {
                out.add(new String[] {t, id.value(), null});
            }
        }
        for (ExternalReference r : others) {
            String t = r.type() == null ? null : REF_TYPES.get(r.type());
            if (t != null) {
                out.add(new String[] {t, r.url(), r.comment()});
            } else if (r.type() == null || r.type().equals("other")) {
                out.add(new String[] {"other", r.url(), r.comment()});
            } else {
                // SPDX 3 has no such type: write 'other' and name the type in the comment, as the reader expects
                if (r.comment() != null) {
                    losses.add("comments of external references whose type SPDX 3 lacks", r.url());
                }
                out.add(new String[] {"other", r.url(), r.type()});
            }
        }
        if (out.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("externalRef");
        for (String[] r : out) {
            externalRef(r[0], r[1], r[2]);
        }
        g.writeEndArray();
    }

    private void externalRef(String type, String locator, String comment) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "ExternalRef");
        g.writeStringField("externalRefType", type);
        strings("locator", List.of(locator));
        str("comment", comment);
        g.writeEndObject();
    }

    private void licenseExpression(String text, String id) throws IOException {
        element("simplelicensing_LicenseExpression", id);
        g.writeStringField("simplelicensing_licenseExpression", text);
        Set<String> refs = new LinkedHashSet<>();
        Matcher mt = LICENSE_REF.matcher(text);
        while (mt.find()) {
            if (licenseTextIds.containsKey(mt.group().toLowerCase(Locale.ROOT))) {
                refs.add(mt.group());
            }
        }
        if (!refs.isEmpty()) {
            g.writeArrayFieldStart("simplelicensing_customIdToUri");
            for (String ref : refs) {
                g.writeStartObject();
                g.writeStringField("type", "DictionaryEntry");
                g.writeStringField("key", ref);
                g.writeStringField("value", licenseTextIds.get(ref.toLowerCase(Locale.ROOT)));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    // ---------------------------------------------------------------- values

    private String created(String timestamp) {
        if (timestamp != null) {
            String s = stamp(timestamp);
            if (s != null) {
                return s;
            }
            losses.add("a timestamp that is not ISO 8601 (time of conversion written)", timestamp);
        }
        return STAMP.format(now.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** An ISO 8601 date-time in SPDX 3's {@code xsd:dateTimeStamp} form, UTC to the second; null when unparseable. */
    static String stamp(String text) {
        try {
            return STAMP.format(OffsetDateTime.parse(text.trim()).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The SPDX 3 software purpose for a model type ({@code operating-system} → {@code operatingSystem}), or null. */
    static String purpose(String type) {
        if (type.equals("machine-learning-model")) {
            return "model";
        }
        StringBuilder b = new StringBuilder(type.length());
        boolean upper = false;
        for (int i = 0; i < type.length(); i++) {
            char ch = type.charAt(i);
            if (ch == '-' || ch == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        String p = b.toString();
        return PURPOSES.contains(p) ? p : null;
    }

    /** The SPDX 3 sbomType for a lifecycle: SPDX 3's own names, and the CycloneDX phases with an equivalent. */
    static String sbomType(String lifecycle) {
        String l = lifecycle.toLowerCase(Locale.ROOT);
        if (SBOM_TYPES.contains(l)) {
            return l;
        }
        return switch (l) {
            case "pre-build" -> "source";
            case "post-build" -> "analyzed";
            case "operations" -> "deployed";
            default -> null;
        };
    }

    private void str(String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private void strings(String field, List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
