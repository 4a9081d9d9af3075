package dev.mamori.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads SPDX 3.0 JSON-LD (compact form with the SPDX context, {@code @graph} of elements) into a {@link Bom},
 * streaming over the graph. Packages ({@code software_Package}, {@code ai_AIPackage},
 * {@code dataset_DatasetPackage}) and files ({@code software_File}) become components; {@code Relationship}s map
 * as in {@link SpdxGraph}; licences come from {@code hasConcludedLicense} / {@code hasDeclaredLicense}.
 */
public final class Spdx3JsonLdReader {

    private Spdx3JsonLdReader() {}

    public static Bom read(InputStream in, String source) {
        try (JsonParser p = JsonInput.parser(in)) {
            return new Reading(p, new ReadContext(source)).read();
        } catch (JsonProcessingException e) {
            throw JsonInput.error(source, e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private record Pending(Component.Builder builder, String suppliedBy, List<String> originatedBy) {}

    private static final class Reading {
        private final JsonParser p;
        private final ReadContext ctx;
        private final SpdxGraph graph;
        private final Map<String, Pending> pending = new HashMap<>();
        private final Map<String, Party> agents = new HashMap<>();
        private final Map<String, Tool> tools = new HashMap<>();
        private final Map<String, String> licenseExpressions = new HashMap<>();
        private final java.util.Set<String> customLicenses = new java.util.HashSet<>();
        private final Map<String, JsonNode> creationInfos = new HashMap<>();
        private final List<String[]> licenseEdges = new ArrayList<>();
        private String context;
        private String specVersion;
        private JsonNode document;
        private JsonNode sbom;

        Reading(JsonParser p, ReadContext ctx) {
            this.p = p;
            this.ctx = ctx;
            this.graph = new SpdxGraph(ctx);
        }

        Bom read() throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ctx.error(JsonInput.where(p.currentTokenLocation()), "not an SPDX 3 JSON-LD document: the top level is not an object");
            }
            boolean sawGraph = false;
            Map<String, JsonNode> single = new java.util.LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "@context" -> {
                        JsonNode c = JsonInput.mapper().readTree(p);
                        context = c.isTextual() ? c.asText() : c.toString();
                    }
                    case "@graph" -> {
                        sawGraph = true;
                        if (value != JsonToken.START_ARRAY) {
                            throw ctx.error("/@graph", "expected an array");
                        }
                        int i = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode node = JsonInput.mapper().readTree(p);
                            element(node, "/@graph/" + i++);
                        }
                    }
                    default -> single.put(field, JsonInput.mapper().readTree(p));
                }
            }
            if (p.nextToken() != null) {
                throw ctx.error(JsonInput.where(p.currentTokenLocation()), "unexpected content after the end of the JSON document");
            }
            if (!sawGraph) {
                if (!single.containsKey("type")) {
                    throw ctx.error("/@graph", "not an SPDX 3 JSON-LD document: no @graph and no element");
                }
                element(JsonInput.mapper().valueToTree(single), "");
            }
            if (context == null || !context.contains("spdx.org/rdf/3.")) {
                throw ctx.error("/@context", "not an SPDX 3 JSON-LD document: the @context is not SPDX 3's");
            }
            if (specVersion == null) {
                int at = context.indexOf("spdx.org/rdf/");
                String rest = context.substring(at + 13);
                specVersion = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            }
            if (!specVersion.startsWith("3.0")) {
                throw ctx.error("/@context", "unsupported SPDX version '" + specVersion + "' (3.0.x is read)");
            }
            return finish();
        }

        private Bom finish() {
            for (String[] e : licenseEdges) {
                Pending pe = pending.get(e[0]);
                if (pe == null) {
                    continue;
                }
                String value = licenseExpressions.get(e[2]);
                if (value == null) {
                    value = listedLicense(e[2]);
                }
                value = Spdx2Fields.value(value);
                if (value == null) {
                    continue;
                }
                License.Acknowledgement ack = e[1].equals("hasConcludedLicense")
                        ? License.Acknowledgement.CONCLUDED : License.Acknowledgement.DECLARED;
                License.Kind kind = customLicenses.contains(e[2]) ? License.Kind.NAME : License.Kind.EXPRESSION;
                pe.builder().license(new License(value, kind, ack));
            }
            for (Pending pe : pending.values()) {
                if (pe.suppliedBy() != null) {
                    pe.builder().supplier(agent(pe.suppliedBy()));
                }
                for (String o : pe.originatedBy()) {
                    Party party = agent(o);
                    if (party.kind() == Party.Kind.ORGANIZATION) {
                        pe.builder().manufacturer(party);
                    } else {
                        pe.builder().author(party);
                    }
                }
            }
            String docId = document == null ? null : CycloneDxJsonReader.text(document, "spdxId");
            JsonNode docInfo = document == null ? null : creationInfo(document.get("creationInfo"));
            if (docInfo == null && !creationInfos.isEmpty()) {
                docInfo = creationInfos.values().iterator().next();
            }
            List<Party> authors = new ArrayList<>();
            List<Tool> usedTools = new ArrayList<>();
            String created = null;
            if (docInfo != null) {
                created = CycloneDxJsonReader.text(docInfo, "created");
                for (JsonNode a : docInfo.path("createdBy")) {
                    authors.add(agent(a.asText()));
                }
                for (JsonNode t : docInfo.path("createdUsing")) {
                    Tool tool = tools.get(t.asText());
                    usedTools.add(tool != null ? tool : new Tool(null, t.asText(), null));
                }
            }
            for (JsonNode root : sbom != null ? sbom.path("rootElement") : JsonInput.mapper().createArrayNode()) {
                graph.describes(root.asText());
            }
            if (document != null) {
                for (JsonNode root : document.path("rootElement")) {
                    graph.describes(root.asText());
                }
            }
            List<String> lifecycles = new ArrayList<>();
            if (sbom != null) {
                for (JsonNode t : sbom.path("software_sbomType")) {
                    lifecycles.add(t.asText());
                }
            }
            String tlp = document == null ? null : Spdx2Fields.tlp(CycloneDxJsonReader.text(document, "comment"));
            String name = document == null ? null : CycloneDxJsonReader.text(document, "name");
            List<License> data = new ArrayList<>();
            if (document != null && CycloneDxJsonReader.text(document, "dataLicense") != null) {
                String dl = CycloneDxJsonReader.text(document, "dataLicense");
                String v = licenseExpressions.getOrDefault(dl, listedLicense(dl));
                if (v != null) {
                    data.add(License.id(v));
                }
            }
            SpdxGraph.Result r = graph.assemble();
            Metadata metadata = new Metadata(created, authors, null, null, usedTools, lifecycles, r.subject(), tlp, name, data, List.of());
            return new Bom(SbomFormat.SPDX, specVersion, "json-ld", docId, null, metadata, r.components(), r.dependencies(), ctx.warnings);
        }

        private static String listedLicense(String iri) {
            if (iri == null) {
                return null;
            }
            for (String prefix : List.of("https://spdx.org/licenses/", "http://spdx.org/licenses/")) {
                if (iri.startsWith(prefix) && iri.length() > prefix.length()) {
                    return iri.substring(prefix.length());
                }
            }
            return null;
        }

        private JsonNode creationInfo(JsonNode ref) {
            if (ref == null) {
                return null;
            }
            if (ref.isObject()) {
                return ref;
            }
            return creationInfos.get(ref.asText());
        }

        private Party agent(String id) {
            Party a = agents.get(id);
            if (a != null) {
                return a;
            }
            Tool t = tools.get(id);
            return t != null ? Party.named(t.name()) : Party.named(id);
        }

        private void element(JsonNode n, String path) {
            if (!n.isObject()) {
                throw ctx.error(path, "expected an element object");
            }
            String type = CycloneDxJsonReader.text(n, "type");
            if (type == null) {
                type = CycloneDxJsonReader.text(n, "@type");
            }
            if (type == null) {
                throw ctx.error(path + "/type", "an element needs a type");
            }
            if (type.startsWith("spdx:")) {
                type = type.substring(5);
            }
            String id = CycloneDxJsonReader.text(n, "spdxId");
            if (id == null) {
                id = CycloneDxJsonReader.text(n, "@id");
            }
            JsonNode ci = n.get("creationInfo");
            if (ci != null && ci.isObject()) {
                noteCreationInfo(ci);
            }
            switch (type) {
                case "CreationInfo" -> {
                    if (id != null) {
                        creationInfos.put(id, n);
                    }
                    noteCreationInfo(n);
                }
                case "SpdxDocument" -> {
                    if (document == null) {
                        document = n;
                        graph.document(id);
                    }
                }
                case "software_Sbom", "Bom" -> {
                    if (sbom == null) {
                        sbom = n;
                    }
                    graph.document(id);
                }
                case "Person", "Organization", "SoftwareAgent", "Agent" -> {
                    String email = null;
                    for (JsonNode x : n.path("externalIdentifier")) {
                        if ("email".equals(CycloneDxJsonReader.text(x, "externalIdentifierType"))) {
                            email = CycloneDxJsonReader.text(x, "identifier");
                        }
                    }
                    Party.Kind kind = type.equals("Person") ? Party.Kind.PERSON
                            : type.equals("Organization") ? Party.Kind.ORGANIZATION : Party.Kind.UNSPECIFIED;
                    if (id != null) {
                        agents.put(id, new Party(CycloneDxJsonReader.text(n, "name"), email, null, kind));
                    }
                }
                case "Tool" -> {
                    if (id != null) {
                        tools.put(id, new Tool(null, CycloneDxJsonReader.text(n, "name"), null));
                    }
                }
                case "simplelicensing_LicenseExpression" -> {
                    String expr = CycloneDxJsonReader.text(n, "simplelicensing_licenseExpression");
                    if (id != null && expr != null) {
                        licenseExpressions.put(id, expr);
                    }
                }
                case "expandedlicensing_ListedLicense" -> {
                    if (id != null && listedLicense(id) != null) {
                        licenseExpressions.put(id, listedLicense(id));
                    }
                }
                case "expandedlicensing_CustomLicense" -> {
                    String lname = CycloneDxJsonReader.text(n, "name");
                    if (id != null) {
                        licenseExpressions.put(id, lname != null ? lname : id);
                        customLicenses.add(id);
                    }
                }
                case "Relationship", "LifecycleScopedRelationship" -> relationship(n);
                case "software_Package", "ai_AIPackage", "dataset_DatasetPackage", "software_File" -> component(n, type, id, path);
                default -> {
                    // annotations, snippets, security and build profile elements are not kept
                }
            }
        }

        private void noteCreationInfo(JsonNode ci) {
            if (specVersion == null) {
                specVersion = CycloneDxJsonReader.text(ci, "specVersion");
            }
        }

        private void relationship(JsonNode n) {
            String from = CycloneDxJsonReader.text(n, "from");
            String type = CycloneDxJsonReader.text(n, "relationshipType");
            if (from == null || type == null) {
                return;
            }
            JsonNode to = n.path("to");
            List<String> targets = new ArrayList<>();
            if (to.isArray()) {
                to.forEach(t -> targets.add(t.asText()));
            } else if (to.isTextual()) {
                targets.add(to.asText());
            }
            for (String t : targets) {
                if (isIndividual(t, "NoneElement") || isIndividual(t, "NoAssertionElement")) {
                    // "no element" / "unknown": not an edge; dependsOn NoneElement says "depends on nothing"
                    if (isIndividual(t, "NoneElement") && type.equals("dependsOn")) {
                        graph.dependsOnNothing(from);
                    }
                    continue;
                }
                if (type.equals("hasConcludedLicense") || type.equals("hasDeclaredLicense")) {
                    licenseEdges.add(new String[] {from, type, t});
                } else {
                    graph.relationship(from, type, t);
                }
            }
        }

        /** True for the SPDX 3 Core individual {@code name}, compact or as its full IRI. */
        private static boolean isIndividual(String value, String name) {
            return value.equals(name) || value.startsWith("https://spdx.org/rdf/3.") && value.endsWith("/terms/Core/" + name)
                    || value.equals("spdx:Core/" + name);
        }

        private void component(JsonNode n, String type, String id, String path) {
            String name = CycloneDxJsonReader.text(n, "name");
            if (name == null || name.isBlank()) {
                throw ctx.error(path + "/name", "a " + type + " needs a name");
            }
            Component.Builder b = Component.builder(name).bomRef(id).location(path)
                    .version(CycloneDxJsonReader.text(n, "software_packageVersion"))
                    .copyright(Spdx2Fields.value(CycloneDxJsonReader.text(n, "software_copyrightText")));
            String description = CycloneDxJsonReader.text(n, "description");
            b.description(description != null ? description : CycloneDxJsonReader.text(n, "summary"));
            b.type(switch (type) {
                case "software_File" -> "file";
                case "ai_AIPackage" -> "machine-learning-model";
                case "dataset_DatasetPackage" -> "data";
                default -> purpose(CycloneDxJsonReader.text(n, "software_primaryPurpose"));
            });
            String purl = CycloneDxJsonReader.text(n, "software_packageUrl");
            if (purl != null) {
                b.purl(purl, ctx.purl(purl, path + "/software_packageUrl"));
            }
            JsonNode ids = n.path("externalIdentifier");
            for (int i = 0; i < ids.size(); i++) {
                JsonNode x = ids.get(i);
                String t = CycloneDxJsonReader.text(x, "externalIdentifierType");
                String v = CycloneDxJsonReader.text(x, "identifier");
                if (t == null || v == null) {
                    continue;
                }
                switch (t) {
                    case "cpe22", "cpe23" -> b.cpe(v);
                    case "swid" -> b.swid(new Swid(v, name, null, null, null, null));
                    case "packageUrl" -> {
                        if (b.purlText() == null) {
                            b.purl(v, ctx.purl(v, path + "/externalIdentifier/" + i));
                        } else if (!v.equals(b.purlText())) {
                            b.identifier(new Identifier("purl", v));
                        }
                    }
                    case "gitoid" -> b.identifier(new Identifier("omniborId", v));
                    case "other" -> b.identifier(new Identifier(otherType(CycloneDxJsonReader.text(x, "comment")), v));
                    default -> b.identifier(new Identifier(t, v));
                }
            }
            for (JsonNode r : n.path("externalRef")) {
                String t = CycloneDxJsonReader.text(r, "externalRefType");
                JsonNode locs = r.path("locator");
                List<String> locators = new ArrayList<>();
                if (locs.isArray()) {
                    locs.forEach(l -> locators.add(l.asText()));
                } else if (locs.isTextual()) {
                    locators.add(locs.asText());
                }
                String comment = CycloneDxJsonReader.text(r, "comment");
                for (String l : locators) {
                    String mapped = refType(t);
                    String packageManager = packageManagerRef(t);
                    if (packageManager != null) {
                        // registry references: identifiers, as the SPDX 2 readers keep them
                        b.identifier(new Identifier(packageManager, l));
                        continue;
                    }
                    if ("other".equals(t) && comment != null && CycloneDxPlan.REFERENCE_TYPES.contains(comment)) {
                        // a CycloneDX reference type SPDX 3 lacks, named in the comment (as Mamori writes it)
                        b.externalReference(new ExternalReference(comment, l, null));
                        continue;
                    }
                    b.externalReference(new ExternalReference(mapped, l,
                            mapped.equals("other") && t != null && !t.equals("other") ? t : comment));
                }
            }
            String download = Spdx2Fields.value(CycloneDxJsonReader.text(n, "software_downloadLocation"));
            if (download != null) {
                b.externalReference(new ExternalReference("distribution", download, null));
            }
            String home = Spdx2Fields.value(CycloneDxJsonReader.text(n, "software_homePage"));
            if (home != null) {
                b.externalReference(new ExternalReference("website", home, null));
            }
            for (String[] date : new String[][] {{"releaseTime", "releaseDate"}, {"builtTime", "builtDate"},
                    {"validUntilTime", "validUntilDate"}}) {
                String v = CycloneDxJsonReader.text(n, date[0]);
                if (v != null) {
                    // the same property the SPDX 2 readers fill from releaseDate, builtDate, validUntilDate
                    b.property("spdx:" + date[1], v);
                }
            }
            for (JsonNode h : n.path("verifiedUsing")) {
                if ("Hash".equals(CycloneDxJsonReader.text(h, "type"))) {
                    Spdx2Fields.checksum(b, CycloneDxJsonReader.text(h, "algorithm"), CycloneDxJsonReader.text(h, "hashValue"));
                }
            }
            List<String> originated = new ArrayList<>();
            for (JsonNode o : n.path("originatedBy")) {
                originated.add(o.asText());
            }
            pending.put(id == null ? "\u0000" + path : id, new Pending(b, CycloneDxJsonReader.text(n, "suppliedBy"), originated));
            graph.element(id, b);
        }

        /**
         * The type of an {@code other} identifier: its comment when that is one short token (how Mamori's writer
         * and other tools name a type SPDX 3 lacks, such as an SPDX 2 {@code LocationRef-…}), else {@code other}.
         */
        static String otherType(String comment) {
            if (comment == null || comment.isEmpty() || comment.length() > 64) {
                return "other";
            }
            for (int i = 0; i < comment.length(); i++) {
                if (Character.isWhitespace(comment.charAt(i))) {
                    return "other";
                }
            }
            return comment;
        }

        /** SPDX 3 software purpose to the model type (CycloneDX names where they exist, else kebab-case). */
        static String purpose(String p) {
            if (p == null) {
                return null;
            }
            if (p.equals("model")) {
                return "machine-learning-model";
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (Character.isUpperCase(c)) {
                    b.append('-').append(Character.toLowerCase(c));
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }

        /** The SPDX 2 reference type ({@code maven-central}…) for an SPDX 3 package-manager ExternalRefType, or null. */
        static String packageManagerRef(String t) {
            if (t == null) {
                return null;
            }
            return switch (t) {
                case "mavenCentral" -> "maven-central";
                case "npm", "nuget", "bower" -> t;
                default -> null;
            };
        }

        static String refType(String t) {
            if (t == null) {
                return "other";
            }
            return switch (t) {
                case "vcs", "documentation", "support", "chat", "license" -> t;
                case "issueTracker" -> "issue-tracker";
                case "mailingList" -> "mailing-list";
                case "securityAdvisory" -> "advisories";
                case "releaseNotes" -> "release-notes";
                case "sourceArtifact" -> "source-distribution";
                case "binaryArtifact", "altDownloadLocation" -> "distribution";
                case "altWebPage" -> "website";
                case "socialMedia" -> "social";
                case "buildMeta" -> "build-meta";
                case "buildSystem" -> "build-system";
                case "securityPolicy" -> "security-contact";
                case "securityThreatModel" -> "threat-model";
                case "securityAdversaryModel" -> "adversary-model";
                case "riskAssessment" -> "risk-assessment";
                case "securityPenTestReport" -> "pentest-report";
                case "staticAnalysisReport" -> "static-analysis-report";
                case "dynamicAnalysisReport" -> "dynamic-analysis-report";
                case "runtimeAnalysisReport" -> "runtime-analysis-report";
                case "componentAnalysisReport" -> "component-analysis-report";
                case "certificationReport" -> "certification-report";
                case "vulnerabilityExploitabilityAssessment" -> "exploitability-statement";
                default -> "other";
            };
        }
    }
}
