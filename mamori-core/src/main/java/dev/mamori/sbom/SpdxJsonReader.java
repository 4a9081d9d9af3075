package dev.mamori.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import dev.mamori.input.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SPDX 2.0–2.3 JSON (and the same structure as YAML) into a {@link Bom}, streaming: packages, files and
 * relationships are read one at a time. See {@link SpdxGraph} for how relationships map to the model.
 */
public final class SpdxJsonReader {
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .streamReadConstraints(JsonInput.factory().streamReadConstraints())
            .build();
    private static final ObjectMapper YAML_MAPPER = new ObjectMapper(YAML);

    private SpdxJsonReader() {}

    /** Reads one SPDX 2 JSON document. */
    public static Bom read(InputStream in, String source) {
        try (JsonParser p = JsonInput.parser(in)) {
            return new Reading(p, JsonInput.mapper(), new ReadContext(source), "json").read();
        } catch (JsonProcessingException e) {
            throw JsonInput.error(source, e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads one SPDX 2 YAML document. */
    public static Bom readYaml(InputStream in, String source) {
        try (JsonParser p = YAML.createParser(Utf8.skipByteOrderMark(in))) {
            return new Reading(p, YAML_MAPPER, new ReadContext(source), "yaml").read();
        } catch (JsonProcessingException e) {
            throw JsonInput.error(source, e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            // SnakeYAML reports some malformed input (bad aliases, limits) as its own unchecked exceptions
            throw new InputException(source, "", "malformed YAML: " + e.getMessage(), e);
        }
    }

    private static final class Reading {
        private final JsonParser p;
        private final ObjectMapper mapper;
        private final ReadContext ctx;
        private final String encoding;
        private final SpdxGraph graph;
        private String spdxVersion;
        private String namespace;
        private String name;
        private String comment;
        private String dataLicense;
        private JsonNode creationInfo;

        Reading(JsonParser p, ObjectMapper mapper, ReadContext ctx, String encoding) {
            this.p = p;
            this.mapper = mapper;
            this.ctx = ctx;
            this.encoding = encoding;
            this.graph = new SpdxGraph(ctx);
        }

        Bom read() throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ctx.error(JsonInput.where(p.currentTokenLocation()), "not an SPDX document: the top level is not an object");
            }
            graph.document("SPDXRef-DOCUMENT");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "spdxVersion" -> spdxVersion = p.getValueAsString();
                    case "SPDXID" -> graph.document(p.getValueAsString());
                    case "name" -> name = p.getValueAsString();
                    case "documentNamespace" -> namespace = p.getValueAsString();
                    case "comment" -> comment = p.getValueAsString();
                    case "dataLicense" -> dataLicense = p.getValueAsString();
                    case "creationInfo" -> creationInfo = mapper.readTree(p);
                    case "documentDescribes" -> {
                        for (JsonNode d : array(value, "/documentDescribes")) {
                            graph.describes(d.asText());
                        }
                    }
                    case "packages" -> each(value, "/packages", this::pkg);
                    case "files" -> each(value, "/files", this::file);
                    case "relationships" -> each(value, "/relationships", this::relationship);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw ctx.error(JsonInput.where(p.currentTokenLocation()), "unexpected content after the end of the document");
            }
            String version = Spdx2Fields.specVersion(ctx, spdxVersion, "/spdxVersion");
            List<Party> authors = new ArrayList<>();
            List<Tool> tools = new ArrayList<>();
            String created = null;
            String creatorComment = null;
            if (creationInfo != null) {
                created = CycloneDxJsonReader.text(creationInfo, "created");
                creatorComment = CycloneDxJsonReader.text(creationInfo, "comment");
                for (JsonNode c : creationInfo.path("creators")) {
                    creator(c.asText(), authors, tools);
                }
            }
            String tlp = Spdx2Fields.tlp(comment);
            if (tlp == null) {
                tlp = Spdx2Fields.tlp(creatorComment);
            }
            SpdxGraph.Result r = graph.assemble();
            List<License> data = dataLicense == null ? List.of() : List.of(License.id(dataLicense));
            Metadata metadata = new Metadata(created, authors, null, null, tools, List.of(), r.subject(), tlp, name, data, List.of());
            return new Bom(SbomFormat.SPDX, version, encoding, namespace, null, metadata, r.components(), r.dependencies(), ctx.warnings);
        }

        private interface ElementReader {
            void read(JsonNode node, String path);
        }

        private void each(JsonToken value, String path, ElementReader reader) throws IOException {
            if (value != JsonToken.START_ARRAY) {
                throw ctx.error(path + " (" + JsonInput.where(p.currentTokenLocation()) + ")", "expected an array");
            }
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonNode node = mapper.readTree(p);
                String where = path + "/" + i++;
                if (!node.isObject()) {
                    throw ctx.error(where, "expected an object");
                }
                reader.read(node, where);
            }
        }

        private JsonNode array(JsonToken value, String path) throws IOException {
            JsonNode node = mapper.readTree(p);
            if (!node.isArray()) {
                throw ctx.error(path, "expected an array");
            }
            return node;
        }

        private static String text(JsonNode node, String field) {
            return CycloneDxJsonReader.text(node, field);
        }

        private void pkg(JsonNode n, String path) {
            String pname = text(n, "name");
            if (pname == null || pname.isBlank()) {
                throw ctx.error(path + "/name", "a package needs a name");
            }
            Component.Builder b = Component.builder(pname).bomRef(text(n, "SPDXID")).location(path)
                    .version(Spdx2Fields.value(text(n, "versionInfo")))
                    .type(Spdx2Fields.type(text(n, "primaryPackagePurpose")))
                    .copyright(Spdx2Fields.value(text(n, "copyrightText")));
            String description = text(n, "description");
            b.description(description != null ? description : text(n, "summary"));
            Spdx2Fields.supplier(b, text(n, "supplier"));
            Spdx2Fields.originator(b, text(n, "originator"));
            for (JsonNode c : n.path("checksums")) {
                Spdx2Fields.checksum(b, text(c, "algorithm"), text(c, "checksumValue"));
            }
            Spdx2Fields.license(b, text(n, "licenseConcluded"), License.Acknowledgement.CONCLUDED);
            Spdx2Fields.license(b, text(n, "licenseDeclared"), License.Acknowledgement.DECLARED);
            Spdx2Fields.downloadLocation(b, text(n, "downloadLocation"));
            Spdx2Fields.homepage(b, text(n, "homepage"));
            JsonNode refs = n.path("externalRefs");
            for (int i = 0; i < refs.size(); i++) {
                JsonNode r = refs.get(i);
                Spdx2Fields.externalRef(ctx, b, text(r, "referenceCategory"), text(r, "referenceType"),
                        text(r, "referenceLocator"), text(r, "comment"), path + "/externalRefs/" + i);
            }
            String fileName = Spdx2Fields.value(text(n, "packageFileName"));
            if (fileName != null) {
                b.property(Spdx2Fields.FILENAME_PROPERTY, fileName);
            }
            for (String date : List.of("releaseDate", "builtDate", "validUntilDate")) {
                if (text(n, date) != null) {
                    b.property("spdx:" + date, text(n, date));
                }
            }
            String id = text(n, "SPDXID");
            graph.element(id, b);
            for (JsonNode f : n.path("hasFiles")) {
                graph.relationship(id, "CONTAINS", f.asText());
            }
        }

        private void file(JsonNode n, String path) {
            String fname = text(n, "fileName");
            if (fname == null || fname.isBlank()) {
                throw ctx.error(path + "/fileName", "a file needs a fileName");
            }
            Component.Builder b = Component.builder(fname).bomRef(text(n, "SPDXID")).type("file").location(path)
                    .copyright(Spdx2Fields.value(text(n, "copyrightText")));
            for (JsonNode c : n.path("checksums")) {
                Spdx2Fields.checksum(b, text(c, "algorithm"), text(c, "checksumValue"));
            }
            Spdx2Fields.license(b, text(n, "licenseConcluded"), License.Acknowledgement.CONCLUDED);
            for (JsonNode l : n.path("licenseInfoInFiles")) {
                Spdx2Fields.license(b, l.asText(), License.Acknowledgement.DECLARED);
            }
            graph.element(text(n, "SPDXID"), b);
        }

        private void relationship(JsonNode n, String path) {
            graph.relationship(text(n, "spdxElementId"), text(n, "relationshipType"), text(n, "relatedSpdxElement"));
        }
    }

    static void creator(String c, List<Party> authors, List<Tool> tools) {
        Tool t = SpdxParties.tool(c);
        if (t != null) {
            tools.add(t);
            return;
        }
        Party p = SpdxParties.parse(c);
        if (p != null) {
            authors.add(p);
        }
    }
}
