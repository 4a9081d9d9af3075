package dev.mamori.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mamori.input.JsonInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** read → write → read keeps every component, identifier, hash, licence and dependency edge; output is schema-valid. */
final class RoundTripTest {
    static final List<String> REAL = List.of(
            "webgoat/mvn-webgoat-8.2.0.cdx16.json.gz",
            "cyclonedx-core-java/bom-1.5.json.gz",
            "cyclonedx-core-java/bom-1.5.xml.gz",
            "cyclonedx-spec/valid-evidence-1.6.json",
            "cyclonedx-spec/valid-component-identifiers-1.6.json",
            "cyclonedx-spec/valid-component-swid-1.6.xml",
            "cyclonedx-spec/valid-dependency-1.6.xml",
            "cyclonedx-spec/valid-license-expression-1.6.json",
            "cyclonedx-spec/valid-metadata-distribution-1.7.json",
            "guac-data/syft-spdx-k8s.gcr.io-kube-scheduler.v1.25.1.json.gz",
            "spdx-tools-java/SPDXJSONExample-v2.3.spdx.json",
            "spdx-tools-java/SPDXTagExample-v2.3.spdx",
            "spdx-tools-java/SPDXYAMLExample-2.3.spdx.yaml",
            "spdx-tools-java/SPDXJsonLDExample-v3.0.1.json",
            "spdx-examples/examplemaven-0.0.1-enriched.spdx.json",
            "spdx-examples/examplemaven-0.0.1-enriched.spdx3.json",
            "spdx-examples/example6-bin.spdx",
            "swid-nist/authoritative.swidtag",
            "swid-strongswan/docker_deb_signed_SWID-Template.xml");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String f : REAL) {
            for (SbomWriter.Target t : SbomWriter.Target.values()) {
                out.add(Arguments.of(f, t));
            }
        }
        return out.stream();
    }

    record Written(byte[] bytes, List<String> losses) {}

    static Written write(Bom bom, SbomWriter.Target target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> losses = SbomWriter.write(bom, target, out);
        return new Written(out.toByteArray(), losses);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void roundTrip_realSbom_keepsComponentsIdentifiersHashesLicencesAndEdges(String name, SbomWriter.Target target) throws IOException {
        Bom original = Fixtures.read(name);
        Written w = write(original, target);
        validate(w.bytes(), target);
        Bom back = SbomReader.read(new ByteArrayInputStream(w.bytes()), name + " as " + target.cliName());

        boolean toCycloneDx = target != SbomWriter.Target.SPDX_JSON && target != SbomWriter.Target.SPDX3_JSON;
        boolean sameStandard = original.format() == (toCycloneDx ? SbomFormat.CYCLONEDX : SbomFormat.SPDX);
        List<Component> before = original.allComponentsWithSubject();
        List<Component> after = back.allComponentsWithSubject();
        assertThat(after).as("component count").hasSize(before.size());
        TreeSet<String> missing = new TreeSet<>(keys(before, toCycloneDx, sameStandard));
        missing.removeAll(keys(after, toCycloneDx, sameStandard));
        TreeSet<String> added = new TreeSet<>(keys(after, toCycloneDx, sameStandard));
        added.removeAll(keys(before, toCycloneDx, sameStandard));
        assertThat(missing).as("components changed; now: " + added).isEmpty();
        assertThat(edges(back)).as("dependency edges").containsAll(edges(original));
        if (original.format() == back.format() || original.format() == SbomFormat.SWID) {
            assertThat(edges(back)).as("no new dependency edges").isEqualTo(edges(original));
        }
        assertThat(back.subject() == null).isEqualTo(original.subject() == null);
        assertThat(back.metadata().tlp()).isEqualTo(original.metadata().tlp());
        if (original.format() == SbomFormat.CYCLONEDX && toCycloneDx) {
            assertThat(w.losses()).as("CycloneDX to CycloneDX loses nothing").isEmpty();
        }
    }

    /** What must survive, per component: name, version, identifiers, hashes, licences (as written). */
    static TreeSet<String> keys(List<Component> components, boolean toCycloneDx, boolean sameStandard) {
        TreeSet<String> out = new TreeSet<>();
        for (Component c : components) {
            TreeSet<String> hashes = new TreeSet<>();
            c.hashes().forEach((a, v) -> {
                if (!toCycloneDx || HashAlgorithms.inCycloneDx(a)) {
                    hashes.add(a + "=" + v);
                }
            });
            TreeSet<String> licenses = new TreeSet<>();
            c.licenses().forEach(l -> {
                if (sameStandard) {
                    licenses.add(l.value());
                } else {
                    licenses.addAll(licenseTokens(l));
                }
            });
            TreeSet<String> ids = new TreeSet<>();
            c.identifiers().forEach(i -> {
                if (!toCycloneDx || i.type().equals("omniborId") || i.type().equals("swhid")) {
                    ids.add(i.type() + "=" + i.value());
                }
            });
            List<String> cpes = toCycloneDx ? (c.cpe() == null ? List.of() : List.of(c.cpe())) : c.cpes();
            out.add(c.name() + "|" + c.version() + "|" + c.purlText() + "|" + cpes + "|"
                    + (c.swid() == null ? null : c.swid().tagId()) + "|" + ids + "|" + hashes + "|" + licenses);
        }
        return out;
    }

    /**
     * Across standards a licence keeps its identifiers, not its shape: CycloneDX's several licences become one SPDX
     * {@code AND} expression, a licence name becomes {@code LicenseRef-<name>}, and an expression may become a name.
     */
    static List<String> licenseTokens(License l) {
        String v = l.value();
        List<String> out = new ArrayList<>();
        if (l.kind() == License.Kind.NAME && (v.contains(" AND ") || v.contains(" OR ") || v.contains(" WITH "))) {
            // an expression that CycloneDX had to write as a name
        } else if (l.kind() == License.Kind.NAME && !v.matches("LicenseRef-[A-Za-z0-9.\\-]+")) {
            out.add("LicenseRef-" + v.replaceAll("[^A-Za-z0-9.\\-]+", "-"));
            return out;
        }
        for (String t : v.replace("(", " ").replace(")", " ").split("\\s+")) {
            if (!t.isEmpty() && !t.equals("AND") && !t.equals("OR") && !t.equals("WITH")) {
                out.add(t);
            }
        }
        return out;
    }

    /** Dependency edges as pairs of component names and versions (refs may be renamed by a conversion). */
    static TreeSet<String> edges(Bom bom) {
        Map<String, String> byRef = new java.util.HashMap<>();
        for (Component c : bom.allComponentsWithSubject()) {
            if (c.bomRef() != null) {
                byRef.putIfAbsent(c.bomRef(), c.name() + "@" + c.version());
            }
        }
        TreeSet<String> out = new TreeSet<>();
        bom.dependencies().forEach((from, tos) -> tos.forEach(to -> {
            // edges to refs that name no component (allowed in CycloneDX) cannot survive SPDX and are reported
            if (byRef.containsKey(from) && byRef.containsKey(to)) {
                out.add(byRef.get(from) + " -> " + byRef.get(to));
            }
        }));
        return out;
    }

    static void validate(byte[] bytes, SbomWriter.Target target) throws IOException {
        switch (target) {
            case CYCLONEDX_JSON -> assertThat(new JsonParser().validate(bytes, Version.VERSION_16)).as("CycloneDX 1.6 JSON schema").isEmpty();
            case CYCLONEDX_XML -> assertThat(new XmlParser().validate(bytes, Version.VERSION_16)).as("CycloneDX 1.6 XSD").isEmpty();
            case SPDX_JSON -> assertThat(spdxSchema().validate(JsonInput.mapper().readTree(bytes))).as("SPDX 2.3 JSON schema").isEmpty();
            case SPDX3_JSON -> Spdx3Oracle.check(bytes);
        }
    }

    private static Schema spdxSchema;

    static synchronized Schema spdxSchema() throws IOException {
        if (spdxSchema == null) {
            try (InputStream in = Files.newInputStream(Fixtures.DIR.resolve("spdx-tools-java/spdx-schema-v2.3.json"))) {
                spdxSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in);
            }
        }
        return spdxSchema;
    }

    @Test
    void write_cycloneDxToSpdx_reportsEvidenceAsLost() {
        Written w = write(Fixtures.read("cyclonedx-spec/valid-evidence-1.6.json"), SbomWriter.Target.SPDX_JSON);
        assertThat(w.losses()).anySatisfy(l -> assertThat(l).startsWith("SPDX 2.3 cannot hold evidence"));
    }

    @Test
    void write_tlp_survivesEveryTarget() {
        Bom bom = Fixtures.read("cyclonedx-spec/valid-metadata-distribution-1.7.xml");
        for (SbomWriter.Target t : SbomWriter.Target.values()) {
            Bom back = SbomReader.read(new ByteArrayInputStream(write(bom, t).bytes()), t.cliName());
            assertThat(back.metadata().tlp()).as(t.cliName()).isEqualTo("RED");
            assertThat(back.metadata().properties()).as(t.cliName()).isEmpty();
        }
    }

    @Test
    void write_cycloneDx_keepsEvidenceSwidLifecycleAndNesting() {
        Bom bom = Fixtures.read("cyclonedx-spec/valid-evidence-1.6.json");
        for (SbomWriter.Target t : List.of(SbomWriter.Target.CYCLONEDX_JSON, SbomWriter.Target.CYCLONEDX_XML)) {
            Bom back = SbomReader.read(new ByteArrayInputStream(write(bom, t).bytes()), t.cliName());
            assertThat(back.allComponents()).extracting(Component::evidence).isEqualTo(bom.allComponents().stream().map(Component::evidence).toList());
        }
        Bom lifecycle = Fixtures.read("cyclonedx-spec/valid-metadata-lifecycle-1.6.json");
        Bom back = SbomReader.read(new ByteArrayInputStream(write(lifecycle, SbomWriter.Target.CYCLONEDX_XML).bytes()), "x");
        assertThat(back.metadata().lifecycles()).isEqualTo(lifecycle.metadata().lifecycles());
    }

    @Test
    void write_spdxToCycloneDxAndBack_keepsContainmentAsNesting() {
        Bom spdx = Fixtures.read("spdx-examples/examplemaven-0.0.1-enriched.spdx.json");
        Bom cdx = SbomReader.read(new ByteArrayInputStream(write(spdx, SbomWriter.Target.CYCLONEDX_JSON).bytes()), "cdx");
        Bom again = SbomReader.read(new ByteArrayInputStream(write(cdx, SbomWriter.Target.SPDX_JSON).bytes()), "spdx");
        assertThat(structure(again)).isEqualTo(structure(spdx));
    }

    private static List<String> structure(Bom bom) {
        List<String> out = new ArrayList<>();
        Map<Component, Boolean> seen = new IdentityHashMap<>();
        for (Component c : bom.allComponentsWithSubject()) {
            seen.put(c, true);
            out.add(c.name() + " > " + c.children().stream().map(Component::name).sorted().toList());
        }
        out.sort(null);
        return out;
    }
}
