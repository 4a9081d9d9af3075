package dev.mamori.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.input.JsonInput;
import dev.mamori.purl.Purl;
import dev.mamori.sbom.validate.Problem;
import dev.mamori.sbom.validate.SbomValidator;
import dev.mamori.sbom.validate.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SPDX 3.0.1 JSON-LD writer: every fixture the round-trip test uses reads back whole with Mamori's own SPDX 3
 * reader, the SPDX project's independent Java implementation (spdx-v3jsonld-store, {@link Spdx3Oracle}) accepts
 * the output and sees what was written, the same Bom writes the same bytes, and what SPDX 3 cannot hold is reported.
 */
final class Spdx3JsonLdWriterTest {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    static Stream<String> fixtures() {
        return RoundTripTest.REAL.stream();
    }

    record Written(byte[] bytes, List<String> losses) {
        JsonNode json() {
            try {
                return JsonInput.mapper().readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    static Written write(Bom bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> losses = Spdx3JsonLdWriter.write(bom, out, NOW);
        return new Written(out.toByteArray(), losses);
    }

    static Bom readBack(byte[] bytes) {
        return Spdx3JsonLdReader.read(new ByteArrayInputStream(bytes), "written");
    }

    // ------------------------------------------------------------------ (a) round trip through Mamori's reader

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void write_roundTripFixture_readsBackTheSameComponentsNestingAndEdges(String name) {
        Bom original = Fixtures.read(name);
        Bom back = readBack(write(original).bytes());

        assertThat(back.format()).isEqualTo(SbomFormat.SPDX);
        assertThat(back.specVersion()).isEqualTo("3.0.1");
        assertThat(back.encoding()).isEqualTo("json-ld");
        assertThat(back.warnings()).as("reading the output back warns of nothing").isEmpty();
        boolean sameStandard = original.format() == SbomFormat.SPDX;
        assertThat(back.allComponentsWithSubject()).as("component count").hasSize(original.allComponentsWithSubject().size());
        assertThat(RoundTripTest.keys(back.allComponentsWithSubject(), false, sameStandard))
                .as("names, versions, purls, CPEs, SWID tags, identifiers, hashes, licences")
                .isEqualTo(RoundTripTest.keys(original.allComponentsWithSubject(), false, sameStandard));
        assertThat(parties(back)).as("suppliers, manufacturers, authors").isEqualTo(parties(original));
        assertThat(nesting(back)).as("nesting").isEqualTo(nesting(original));
        assertThat(RoundTripTest.edges(back)).as("dependency edges").isEqualTo(RoundTripTest.edges(original));
        assertThat(dependsOnNothing(back)).as("components known to depend on nothing").isEqualTo(dependsOnNothing(original));
        assertThat(back.subject() == null ? null : back.subject().name())
                .isEqualTo(original.subject() == null ? null : original.subject().name());
        Metadata m = original.metadata();
        assertThat(back.metadata().documentName()).isEqualTo(m.documentName());
        assertThat(back.metadata().tlp()).isEqualTo(m.tlp());
        assertThat(back.metadata().timestamp()).isEqualTo(m.timestamp() == null ? "2025-06-01T12:00:00Z"
                : Spdx3JsonLdWriter.stamp(m.timestamp()));
        assertThat(back.metadata().tools()).extracting(Tool::name)
                .isEqualTo(m.tools().stream().map(t -> SpdxParties.formatTool(t).substring(6)).distinct().toList());
        if (!m.authors().isEmpty()) {
            assertThat(back.metadata().authors()).extracting(Party::name).isEqualTo(m.authors().stream().map(Party::name).toList());
        }
    }

    /** Per component: the supplier, and everyone who originated it (manufacturer and authors), by name and email. */
    static TreeSet<String> parties(Bom bom) {
        TreeSet<String> out = new TreeSet<>();
        for (Component c : bom.allComponentsWithSubject()) {
            TreeSet<String> originators = new TreeSet<>();
            if (c.manufacturer() != null) {
                originators.add(party(c.manufacturer()));
            }
            c.authors().forEach(a -> originators.add(party(a)));
            out.add(c.name() + "@" + c.version() + " supplier=" + (c.supplier() == null ? null : party(c.supplier()))
                    + " originators=" + originators);
        }
        return out;
    }

    private static String party(Party p) {
        return p.name() + " <" + p.email() + ">";
    }

    /**
     * Nesting as parent → children, by name and version. The subject's own children are listed with the top level:
     * in SPDX what the subject contains is the top level (as the SPDX 2.3 writer and both SPDX readers say).
     */
    static List<String> nesting(Bom bom) {
        List<String> out = new ArrayList<>();
        List<String> top = new ArrayList<>();
        bom.components().forEach(c -> top.add(c.name() + "@" + c.version()));
        if (bom.subject() != null) {
            bom.subject().children().forEach(c -> top.add(c.name() + "@" + c.version()));
        }
        top.sort(null);
        out.add("top " + top);
        for (Component c : bom.allComponents()) {
            out.add(c.name() + "@" + c.version() + " > " + c.children().stream().map(k -> k.name() + "@" + k.version()).sorted().toList());
        }
        out.sort(null);
        return out;
    }

    static TreeSet<String> dependsOnNothing(Bom bom) {
        Map<String, String> byRef = new HashMap<>();
        for (Component c : bom.allComponentsWithSubject()) {
            if (c.bomRef() != null) {
                byRef.putIfAbsent(c.bomRef(), c.name() + "@" + c.version());
            }
        }
        TreeSet<String> out = new TreeSet<>();
        bom.dependencies().forEach((ref, on) -> {
            if (on.isEmpty() && byRef.containsKey(ref)) {
                out.add(byRef.get(ref));
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ (b) the independent implementation

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void write_roundTripFixture_independentStoreAcceptsItAndSeesWhatWasWritten(String name) {
        Bom original = Fixtures.read(name);
        Written w = write(original);
        Spdx3Oracle.Seen seen = Spdx3Oracle.check(w.bytes());

        Map<String, Integer> written = new TreeMap<>();
        for (JsonNode e : w.json().path("@graph")) {
            written.merge(e.path("type").asText(), 1, Integer::sum);
        }
        assertThat(seen.packages()).as("software_Package elements").hasSize(written.getOrDefault("software_Package", 0))
                .hasSize(original.allComponentsWithSubject().size());
        assertThat(seen.relationships()).as("Relationship elements").isEqualTo(written.getOrDefault("Relationship", 0));
        assertThat(seen.edges().getOrDefault("dependsOn", 0)).as("dependsOn targets").isEqualTo(dependencyEdges(original));
        assertThat(seen.noneTargets()).as("dependsOn NoneElement").isEqualTo(original.dependencies().entrySet().stream()
                .filter(e -> e.getValue().isEmpty() && refs(original).contains(e.getKey())).count());
        assertThat(seen.edges().getOrDefault("contains", 0)).as("contains targets").isEqualTo(containsEdges(original));
        assertThat(projection(seen.packages())).as("what the independent model reads per package")
                .isEqualTo(expectedProjection(original));
        TreeSet<String> expressions = new TreeSet<>();
        seen.expressions().values().forEach(expressions::addAll);
        assertThat(expressions).as("licence expressions").isEqualTo(licenceValues(original));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void write_roundTripFixture_mamorisValidatorFindsNoError(String name) {
        Written w = write(Fixtures.read(name));
        List<Problem> errors = SbomValidator.validate(w.bytes(), name).problems().stream()
                .filter(p -> p.severity() == Severity.ERROR).toList();
        assertThat(errors).isEmpty();
    }

    /** Distinct from → to pairs between components, as the writer puts them into dependsOn relationships. */
    static int dependencyEdges(Bom bom) {
        Set<String> refs = refs(bom);
        int n = 0;
        for (Map.Entry<String, List<String>> e : bom.dependencies().entrySet()) {
            if (refs.contains(e.getKey())) {
                n += (int) e.getValue().stream().filter(refs::contains).distinct().count();
            }
        }
        return n;
    }

    static Set<String> refs(Bom bom) {
        Set<String> refs = new HashSet<>();
        bom.allComponentsWithSubject().forEach(c -> {
            if (c.bomRef() != null) {
                refs.add(c.bomRef());
            }
        });
        return refs;
    }

    static int containsEdges(Bom bom) {
        int n = bom.subject() == null ? 0 : bom.components().size() + bom.subject().children().size();
        for (Component c : bom.allComponents()) {
            n += c.children().size();
        }
        return n;
    }

    /** name|version|purl|[hashes] of each package line the oracle describes. */
    static List<String> projection(List<String> described) {
        List<String> out = new ArrayList<>();
        for (String d : described) {
            String[] p = d.split("\\|", -1);
            out.add(p[0] + "|" + p[1] + "|" + p[2] + "|" + p[4]);
        }
        out.sort(null);
        return out;
    }

    static List<String> expectedProjection(Bom bom) {
        List<String> out = new ArrayList<>();
        for (Component c : bom.allComponentsWithSubject()) {
            TreeSet<String> hashes = new TreeSet<>();
            c.hashes().forEach((a, v) -> {
                if (HashAlgorithms.toSpdx3(a) != null) {
                    hashes.add(HashAlgorithms.toSpdx3(a) + "=" + v);
                }
            });
            out.add(c.name() + "|" + c.version() + "|" + (c.purl() == null ? null : c.purlText()) + "|" + hashes);
        }
        out.sort(null);
        return out;
    }

    static TreeSet<String> licenceValues(Bom bom) {
        TreeSet<String> out = new TreeSet<>();
        for (Component c : bom.allComponentsWithSubject()) {
            for (License l : c.licenses()) {
                out.add(l.kind() == License.Kind.NAME && !l.value().startsWith("LicenseRef-")
                        ? "LicenseRef-" + l.value().replaceAll("[^A-Za-z0-9.\\-]+", "-") : l.value());
            }
        }
        return out;
    }

    @Test
    void oracle_brokenDocuments_areRejected() {
        ObjectNode good = (ObjectNode) write(Fixtures.read("cyclonedx-spec/valid-dependency-1.6.xml")).json();
        assertThat(Spdx3Oracle.read(bytes(good)).problems()).isEmpty();

        ObjectNode noCreationInfo = good.deepCopy();
        ((ObjectNode) element(noCreationInfo, "software_Package")).remove("creationInfo");
        Spdx3Oracle.Seen a = Spdx3Oracle.read(bytes(noCreationInfo));
        assertThat(!a.schemaValid() || !a.problems().isEmpty()).as("a package without creationInfo").isTrue();

        ObjectNode badType = good.deepCopy();
        ((ObjectNode) element(badType, "Relationship")).put("relationshipType", "dependsOnEverything");
        assertThat(Spdx3Oracle.read(bytes(badType)).schemaValid()).as("an unknown relationship type").isFalse();

        ObjectNode dangling = good.deepCopy();
        ((ArrayNode) element(dangling, "Relationship").path("to")).add("https://example.com/no-such-element");
        assertThat(Spdx3Oracle.read(bytes(dangling)).problems()).as("a target that is not in the document")
                .anySatisfy(p -> assertThat(p).contains("no-such-element"));

        ObjectNode badHash = good.deepCopy();
        ObjectNode pkg = (ObjectNode) element(badHash, "software_Package");
        pkg.putArray("verifiedUsing").addObject().put("type", "Hash").put("algorithm", "sha-256").put("hashValue", "00");
        assertThat(Spdx3Oracle.read(bytes(badHash)).schemaValid()).as("a hash algorithm SPDX 3 does not name").isFalse();
    }

    private static JsonNode element(JsonNode doc, String type) {
        for (JsonNode e : doc.path("@graph")) {
            if (e.path("type").asText().equals(type)) {
                return e;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static byte[] bytes(JsonNode n) {
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ (c) determinism

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void write_sameBomTwice_writesIdenticalBytes(String name) {
        Bom bom = Fixtures.read(name);
        assertThat(write(bom).bytes()).isEqualTo(write(bom).bytes());
        if (bom.timestamp() != null) {
            // the public entry point, with the clock: a document with a timestamp does not depend on it
            ByteArrayOutputStream a = new ByteArrayOutputStream();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            SbomWriter.write(bom, SbomWriter.Target.SPDX3_JSON, a);
            SbomWriter.write(Fixtures.read(name), SbomWriter.Target.SPDX3_JSON, b);
            assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void write_itsOwnOutputReadBack_writesTheSameBytesAgain(String name) {
        byte[] once = write(readBack(write(Fixtures.read(name)).bytes())).bytes();
        byte[] twice = write(readBack(once)).bytes();
        assertThat(new String(twice, StandardCharsets.UTF_8)).isEqualTo(new String(once, StandardCharsets.UTF_8));
    }

    @Test
    void write_spdx3Source_keepsItsElementIds() {
        Bom bom = Fixtures.read("spdx-examples/examplemaven-0.0.1-enriched.spdx3.json");
        Bom back = readBack(write(bom).bytes());
        assertThat(back.serialNumber()).isEqualTo(bom.serialNumber());
        assertThat(back.allComponentsWithSubject()).extracting(Component::bomRef)
                .containsExactlyInAnyOrderElementsOf(bom.allComponentsWithSubject().stream().map(Component::bomRef).toList());
    }

    @Test
    void write_refsDifferingOnlyInCase_getIdsThatDifferInMoreThanCase() {
        Bom bom = new Bom(SbomFormat.CYCLONEDX, "1.6", "json", "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", 1,
                new Metadata("2025-01-02T03:04:05Z", null, null, null, null, null, null, null, null, null, null),
                List.of(Component.builder("a").bomRef("Lib").build(), Component.builder("b").bomRef("lib").build(),
                        Component.builder("c").supplier(Party.person("Max Ogden")).license(License.name("My Licence")).build(),
                        Component.builder("d").supplier(Party.person("max ogden")).license(License.name("my licence")).build()),
                Map.of(), List.of());
        Written w = write(bom);
        Set<String> lower = new HashSet<>();
        for (JsonNode e : w.json().path("@graph")) {
            if (e.has("spdxId")) {
                assertThat(lower.add(e.path("spdxId").asText().toLowerCase(java.util.Locale.ROOT))).as(e.path("spdxId").asText()).isTrue();
            }
        }
        Spdx3Oracle.check(w.bytes());
        assertThat(readBack(w.bytes()).allComponents()).extracting(Component::name).containsExactly("a", "b", "c", "d");
    }

    // ------------------------------------------------------------------ (d) losses

    @Test
    void write_cycloneDxEvidence_isReportedAsLost() {
        assertThat(write(Fixtures.read("cyclonedx-spec/valid-evidence-1.6.json")).losses())
                .anySatisfy(l -> assertThat(l).startsWith("SPDX 3.0.1 cannot hold evidence"));
    }

    @Test
    void write_cycloneDxMetadata_reportsSupplierManufacturerLifecycleAndVendorsAsLost() {
        List<String> losses = write(Fixtures.read("cyclonedx-core-java/bom-1.5.json.gz")).losses();
        assertThat(losses).anySatisfy(l -> assertThat(l).startsWith("SPDX 3.0.1 cannot hold the SBOM's supplier"))
                .anySatisfy(l -> assertThat(l).startsWith("SPDX 3.0.1 cannot hold the SBOM's manufacturer"))
                .anySatisfy(l -> assertThat(l).startsWith("SPDX 3.0.1 cannot hold tool vendors"))
                .anySatisfy(l -> assertThat(l).startsWith("SPDX 3.0.1 cannot hold lifecycle phases without an SPDX 3 sbomType"))
                .anySatisfy(l -> assertThat(l).startsWith("SPDX 3.0.1 cannot hold dependencies on refs that name no component"));
    }

    @Test
    void write_spdx3Source_losesNothing() {
        for (String f : List.of("spdx-tools-java/SPDXJsonLDExample-v3.0.1.json", "spdx-examples/examplemaven-0.0.1-enriched.spdx3.json")) {
            assertThat(write(Fixtures.read(f)).losses()).as(f).isEmpty();
        }
    }

    // ------------------------------------------------------------------ shape: the properties the spec names

    static Bom everything() {
        Component child = Component.builder("zlib").bomRef("pkg:generic/zlib@1.3").version("1.3").type("library")
                .purl("pkg:generic/zlib@1.3", Purl.parse("pkg:generic/zlib@1.3"))
                .hash("SHA-256", "aa".repeat(32)).build();
        Component app = Component.builder("app").bomRef("app-ref").version("2.0").type("operating-system")
                .description("the app").copyright("Copyright 2025 ACME")
                .purl("pkg:maven/com.acme/app@2.0", Purl.parse("pkg:maven/com.acme/app@2.0"))
                .cpe("cpe:2.3:a:acme:app:2.0:*:*:*:*:*:*:*").cpe("cpe:/a:acme:app:2.0")
                .swid(new Swid("acme-app-2.0", "app", "2.0", null, null, null))
                .identifier(new Identifier("swhid", "swh:1:cnt:94a9ed024d3859793618152ea559a168bbcbb5e2"))
                .identifier(new Identifier("omniborId", "gitoid:blob:sha1:261eeb9e9f8b2b4b0d119366dda99c6fd7d35c64"))
                .identifier(new Identifier("LocationRef-acmeforge", "acmecorp/app/2.0"))
                .identifier(new Identifier("maven-central", "com.acme:app:2.0"))
                .supplier(new Party("ACME", "sales@acme.example", "https://acme.example", Party.Kind.ORGANIZATION))
                .manufacturer(Party.organization("ACME Labs"))
                .author(Party.person("Jane Doe"))
                .hash("SHA-256", "bb".repeat(32)).hash("BLAKE2b-256", "cc".repeat(32)).hash("SHA3-256", "dd".repeat(32))
                .hash("Streebog-256", "ee".repeat(32))
                .license(License.expression("MIT OR Apache-2.0", License.Acknowledgement.DECLARED))
                .license(License.name("ACME Commercial Licence"))
                .license(License.expression("MIT", License.Acknowledgement.CONCLUDED))
                .externalReference(new ExternalReference("website", "https://acme.example/app", null))
                .externalReference(new ExternalReference("distribution", "https://acme.example/app-2.0.tar.gz", null))
                .externalReference(new ExternalReference("vcs", "https://git.acme.example/app", null))
                .externalReference(new ExternalReference("distribution-intake", "https://acme.example/intake", null))
                .property("spdx:releaseDate", "2025-01-01T00:00:00+01:00")
                .property("build:host", "ci-7")
                .child(child).build();
        Component lib = Component.builder("left-pad").bomRef("left-pad-ref").version("1.3.0").type("library").build();
        Component subject = Component.builder("product").bomRef("product-ref").version("1").type("application").build();
        Map<String, List<String>> deps = new java.util.LinkedHashMap<>();
        deps.put("app-ref", List.of("left-pad-ref", "pkg:generic/zlib@1.3", "nowhere"));
        deps.put("left-pad-ref", List.of());
        Metadata m = new Metadata("2025-03-04T05:06:07.891+02:00", List.of(Party.person("Ann Author")),
                null, null, List.of(new Tool(null, "syft", "1.2.3")), List.of("build", "post-build"), subject, "AMBER",
                "product SBOM", List.of(License.id("CC0-1.0")), null);
        return new Bom(SbomFormat.CYCLONEDX, "1.6", "json", "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", 1, m,
                List.of(app, lib), deps, List.of());
    }

    @Test
    void write_everyModelField_landsInThePropertyTheSpecNames() {
        Written w = write(everything());
        JsonNode doc = w.json();
        assertThat(doc.path("@context").asText()).isEqualTo("https://spdx.org/rdf/3.0.1/spdx-context.jsonld");
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode e : doc.path("@graph")) {
            byId.put(e.has("spdxId") ? e.path("spdxId").asText() : e.path("@id").asText(), e);
        }
        JsonNode ci = byId.get("_:creationinfo");
        assertThat(ci.path("type").asText()).isEqualTo("CreationInfo");
        assertThat(ci.path("specVersion").asText()).isEqualTo("3.0.1");
        assertThat(ci.path("created").asText()).isEqualTo("2025-03-04T03:06:07Z");
        assertThat(byId.get(ci.path("createdBy").get(0).asText()).path("name").asText()).isEqualTo("Ann Author");
        assertThat(byId.get(ci.path("createdUsing").get(0).asText()).path("name").asText()).isEqualTo("syft-1.2.3");

        String ns = "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79";
        JsonNode document = byId.get(ns);
        assertThat(document.path("type").asText()).isEqualTo("SpdxDocument");
        assertThat(document.path("name").asText()).isEqualTo("product SBOM");
        assertThat(document.path("comment").asText()).isEqualTo("TLP:AMBER");
        assertThat(byId.get(document.path("dataLicense").asText()).path("simplelicensing_licenseExpression").asText()).isEqualTo("CC0-1.0");
        JsonNode sbom = byId.get(document.path("rootElement").get(0).asText());
        assertThat(sbom.path("type").asText()).isEqualTo("software_Sbom");
        assertThat(sbom.path("software_sbomType").toString()).isEqualTo("[\"build\",\"analyzed\"]");
        assertThat(sbom.path("rootElement").get(0).asText()).isEqualTo(ns + "#SPDXRef-product-ref");

        JsonNode app = byId.get(ns + "#SPDXRef-app-ref");
        assertThat(app.path("type").asText()).isEqualTo("software_Package");
        assertThat(app.path("software_packageVersion").asText()).isEqualTo("2.0");
        assertThat(app.path("software_packageUrl").asText()).isEqualTo("pkg:maven/com.acme/app@2.0");
        assertThat(app.path("software_primaryPurpose").asText()).isEqualTo("operatingSystem");
        assertThat(app.path("software_downloadLocation").asText()).isEqualTo("https://acme.example/app-2.0.tar.gz");
        assertThat(app.path("software_homePage").asText()).isEqualTo("https://acme.example/app");
        assertThat(app.path("software_copyrightText").asText()).isEqualTo("Copyright 2025 ACME");
        assertThat(app.path("description").asText()).isEqualTo("the app");
        assertThat(app.path("releaseTime").asText()).isEqualTo("2024-12-31T23:00:00Z");
        assertThat(texts(app.path("externalIdentifier"), "externalIdentifierType", "identifier")).containsExactly(
                "packageUrl=pkg:maven/com.acme/app@2.0", "cpe23=cpe:2.3:a:acme:app:2.0:*:*:*:*:*:*:*",
                "cpe22=cpe:/a:acme:app:2.0", "swid=acme-app-2.0",
                "swhid=swh:1:cnt:94a9ed024d3859793618152ea559a168bbcbb5e2",
                "gitoid=gitoid:blob:sha1:261eeb9e9f8b2b4b0d119366dda99c6fd7d35c64", "other=acmecorp/app/2.0");
        assertThat(texts(app.path("externalRef"), "externalRefType", "comment")).containsExactly(
                "mavenCentral=", "vcs=", "other=distribution-intake");
        assertThat(texts(app.path("verifiedUsing"), "algorithm", "hashValue")).containsExactly(
                "sha256=" + "bb".repeat(32), "blake2b256=" + "cc".repeat(32), "sha3_256=" + "dd".repeat(32));
        JsonNode supplier = byId.get(app.path("suppliedBy").asText());
        assertThat(supplier.path("type").asText()).isEqualTo("Organization");
        assertThat(texts(supplier.path("externalIdentifier"), "externalIdentifierType", "identifier")).containsExactly("email=sales@acme.example");
        assertThat(app.path("originatedBy")).extracting(o -> byId.get(o.asText()).path("type").asText() + ":" + byId.get(o.asText()).path("name").asText())
                .containsExactly("Organization:ACME Labs", "Person:Jane Doe");

        Map<String, List<String>> rels = new TreeMap<>();
        for (JsonNode e : doc.path("@graph")) {
            if (e.path("type").asText().equals("Relationship")) {
                List<String> to = new ArrayList<>();
                e.path("to").forEach(t -> to.add(byId.containsKey(t.asText()) && byId.get(t.asText()).has("simplelicensing_licenseExpression")
                        ? byId.get(t.asText()).path("simplelicensing_licenseExpression").asText() : local(t.asText())));
                rels.put(local(e.path("from").asText()) + " " + e.path("relationshipType").asText()
                        + (e.has("completeness") ? " (" + e.path("completeness").asText() + ")" : ""), to);
            }
        }
        assertThat(rels).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SPDXRef-product-ref contains", List.of("SPDXRef-app-ref", "SPDXRef-left-pad-ref"),
                "SPDXRef-app-ref contains", List.of("SPDXRef-pkg-generic-zlib-1.3"),
                "SPDXRef-app-ref hasDeclaredLicense", List.of("MIT OR Apache-2.0", "LicenseRef-ACME-Commercial-Licence"),
                "SPDXRef-app-ref hasConcludedLicense", List.of("MIT"),
                "SPDXRef-app-ref dependsOn", List.of("SPDXRef-left-pad-ref", "SPDXRef-pkg-generic-zlib-1.3"),
                "SPDXRef-left-pad-ref dependsOn (complete)", List.of("NoneElement")));
        JsonNode named = null;
        for (JsonNode e : doc.path("@graph")) {
            if (e.path("simplelicensing_licenseExpression").asText().equals("LicenseRef-ACME-Commercial-Licence")) {
                named = byId.get(e.path("simplelicensing_customIdToUri").get(0).path("value").asText());
            }
        }
        assertThat(named.path("type").asText()).isEqualTo("simplelicensing_SimpleLicensingText");
        assertThat(named.path("name").asText()).isEqualTo("ACME Commercial Licence");

        assertThat(w.losses()).containsExactlyInAnyOrder(
                "SPDX 3.0.1 cannot hold component properties (1×, e.g. build:host)",
                "SPDX 3.0.1 cannot hold hash Streebog-256 (1×, e.g. app)",
                "SPDX 3.0.1 cannot hold dependencies on refs that name no component (1×, e.g. app-ref -> nowhere)");
        Spdx3Oracle.check(w.bytes());
    }

    @Test
    void write_everyModelField_readsBackWhole() {
        Bom bom = everything();
        Bom back = readBack(write(bom).bytes());
        assertThat(back.warnings()).isEmpty();
        Component app = back.components().stream().filter(c -> c.name().equals("app")).findFirst().orElseThrow();
        Component original = bom.components().getFirst();
        assertThat(app.type()).isEqualTo("operating-system");
        assertThat(app.purlText()).isEqualTo(original.purlText());
        assertThat(app.cpes()).isEqualTo(original.cpes());
        assertThat(app.swid().tagId()).isEqualTo("acme-app-2.0");
        assertThat(app.identifiers()).containsExactlyInAnyOrderElementsOf(original.identifiers());
        assertThat(app.supplier()).isEqualTo(new Party("ACME", "sales@acme.example", null, Party.Kind.ORGANIZATION));
        assertThat(app.manufacturer()).isEqualTo(Party.organization("ACME Labs"));
        assertThat(app.authors()).containsExactly(Party.person("Jane Doe"));
        assertThat(app.hashes()).containsOnlyKeys("SHA-256", "BLAKE2b-256", "SHA3-256");
        assertThat(app.licenses()).containsExactlyInAnyOrder(
                License.expression("MIT OR Apache-2.0", License.Acknowledgement.DECLARED),
                License.expression("LicenseRef-ACME-Commercial-Licence", License.Acknowledgement.DECLARED),
                License.expression("MIT", License.Acknowledgement.CONCLUDED));
        assertThat(app.externalReferences()).containsExactlyInAnyOrder(
                new ExternalReference("distribution", "https://acme.example/app-2.0.tar.gz", null),
                new ExternalReference("website", "https://acme.example/app", null),
                new ExternalReference("vcs", "https://git.acme.example/app", null),
                new ExternalReference("distribution-intake", "https://acme.example/intake", null));
        assertThat(app.propertyValues("spdx:releaseDate")).containsExactly("2024-12-31T23:00:00Z");
        assertThat(app.description()).isEqualTo("the app");
        assertThat(app.copyright()).isEqualTo("Copyright 2025 ACME");
        assertThat(app.children()).extracting(Component::name).containsExactly("zlib");
        assertThat(back.subject().name()).isEqualTo("product");
        assertThat(back.metadata().lifecycles()).containsExactly("build", "analyzed");
        assertThat(back.metadata().licenses()).containsExactly(License.id("CC0-1.0"));
        assertThat(back.metadata().tlp()).isEqualTo("AMBER");
        assertThat(dependsOnNothing(back)).containsExactly("left-pad@1.3.0");
        assertThat(RoundTripTest.edges(back)).containsExactly("app@2.0 -> left-pad@1.3.0", "app@2.0 -> zlib@1.3");
    }

    @Test
    void write_noTimestamp_writesTheTimeOfWriting() {
        Bom bom = new Bom(SbomFormat.SWID, null, "xml", null, null, Metadata.EMPTY,
                List.of(Component.builder("x").build()), Map.of(), List.of());
        assertThat(write(bom).json().path("@graph").get(0).path("created").asText()).isEqualTo("2025-06-01T12:00:00Z");
        JsonNode agent = write(bom).json().path("@graph").get(3);
        assertThat(agent.path("type").asText() + ":" + agent.path("name").asText()).isEqualTo("SoftwareAgent:mamori");
    }

    @Test
    void read_dependsOnNoneElementInEitherSpelling_meansDependsOnNothing() {
        String doc = """
                {"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [
                 {"type": "CreationInfo", "@id": "_:c", "specVersion": "3.0.1", "created": "2025-01-01T00:00:00Z", "createdBy": ["urn:x#a"]},
                 {"type": "Person", "spdxId": "urn:x#a", "creationInfo": "_:c", "name": "A"},
                 {"type": "software_Package", "spdxId": "urn:x#p", "creationInfo": "_:c", "name": "p"},
                 {"type": "software_Package", "spdxId": "urn:x#q", "creationInfo": "_:c", "name": "q"},
                 {"type": "Relationship", "spdxId": "urn:x#r1", "creationInfo": "_:c", "from": "urn:x#p",
                  "relationshipType": "dependsOn", "to": ["NoneElement"], "completeness": "complete"},
                 {"type": "Relationship", "spdxId": "urn:x#r2", "creationInfo": "_:c", "from": "urn:x#q",
                  "relationshipType": "dependsOn", "to": ["https://spdx.org/rdf/3.0.1/terms/Core/NoneElement"]},
                 {"type": "Relationship", "spdxId": "urn:x#r3", "creationInfo": "_:c", "from": "urn:x#q",
                  "relationshipType": "hasStaticLink", "to": ["NoAssertionElement"]}]}
                """;
        Bom bom = readBack(doc.getBytes(StandardCharsets.UTF_8));
        assertThat(bom.warnings()).isEmpty();
        assertThat(bom.dependencies()).isEqualTo(Map.of("urn:x#p", List.of(), "urn:x#q", List.of()));
    }

    private static List<String> texts(JsonNode array, String key, String value) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(key).asText() + "=" + n.path(value).asText()));
        return out;
    }

    private static String local(String iri) {
        if (iri.equals(Spdx3JsonLdWriter.NONE_ELEMENT)) {
            return "NoneElement";
        }
        return iri.substring(iri.indexOf('#') + 1);
    }

    @Test
    void write_largeBom_10000ComponentsAndTheirChain_readBackWhole() {
        List<Component> components = new ArrayList<>();
        Map<String, List<String>> deps = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            components.add(Component.builder("c" + i).bomRef("pkg:npm/c" + i + "@1.0." + i).version("1.0." + i)
                    .purl("pkg:npm/c" + i + "@1.0." + i, Purl.parse("pkg:npm/c" + i + "@1.0." + i)).license(License.id(i % 2 == 0 ? "MIT" : "ISC")).build());
            if (i > 0) {
                deps.put("pkg:npm/c" + i + "@1.0." + i, List.of("pkg:npm/c" + (i - 1) + "@1.0." + (i - 1)));
            }
        }
        Bom bom = new Bom(SbomFormat.CYCLONEDX, "1.6", "json", null, 1, Metadata.EMPTY, components, deps, List.of());
        // speed is measured in mamori-bench (SbomReadBenchmark), not asserted here
        Written w = write(bom);
        Bom back = readBack(w.bytes());
        assertThat(back.allComponents()).hasSize(10_000);
        assertThat(back.dependencyEdgeCount()).isEqualTo(9_999);
        assertThat(new LinkedHashSet<>(List.of(w.losses().toArray(String[]::new)))).isEmpty();
    }
}
