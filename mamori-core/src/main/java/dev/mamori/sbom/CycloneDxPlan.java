package dev.mamori.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.JsonInput;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the CycloneDX 1.6 writers (JSON and XML) decide alike: types, licences, hashes and what is lost. */
final class CycloneDxPlan {
    static final String SPEC_VERSION = "1.6";
    static final String NAMESPACE = "http://cyclonedx.org/schema/bom/1.6";
    /** Where a TLP marking goes in CycloneDX 1.6, which has no {@code distributionConstraints}; read back as TLP. */
    static final String TLP_PROPERTY = "mamori:distributionConstraints:tlp";

    static final Set<String> TYPES = Set.of("application", "framework", "library", "container", "platform",
            "operating-system", "device", "device-driver", "firmware", "file", "machine-learning-model", "data",
            "cryptographic-asset");
    static final Set<String> REFERENCE_TYPES = Set.of("vcs", "issue-tracker", "website", "advisories", "bom",
            "mailing-list", "social", "chat", "documentation", "support", "source-distribution", "distribution",
            "distribution-intake", "license", "build-meta", "build-system", "release-notes", "security-contact",
            "model-card", "log", "configuration", "evidence", "formulation", "attestation", "threat-model",
            "adversary-model", "risk-assessment", "vulnerability-assertion", "exploitability-statement",
            "pentest-report", "static-analysis-report", "dynamic-analysis-report", "runtime-analysis-report",
            "component-analysis-report", "maturity-report", "certification-report", "codified-infrastructure",
            "quality-metrics", "poam", "electronic-signature", "digital-signature", "rfc-9116", "other");
    static final Set<String> PHASES = Set.of("design", "pre-build", "build", "post-build", "operations", "discovery",
            "decommission");
    static final Set<String> SCOPES = Set.of("required", "optional", "excluded");
    private static final Set<String> SPDX_IDS = loadSpdxIds();

    final Losses losses = new Losses("CycloneDX 1.6");

    private static Set<String> loadSpdxIds() {
        Set<String> ids = new HashSet<>();
        try (InputStream in = CycloneDxPlan.class.getResourceAsStream("/spdx.schema.json")) {
            if (in != null) {
                JsonNode schema = JsonInput.mapper().readTree(in);
                for (JsonNode id : schema.path("enum")) {
                    ids.add(id.asText());
                }
            }
        } catch (java.io.IOException e) {
            // without the list every single id is written as an expression, which is still valid
        }
        return Set.copyOf(ids);
    }

    static boolean isSpdxId(String id) {
        return SPDX_IDS.contains(id);
    }

    /** The serial number to write: the document's own when it is a {@code urn:uuid}, else one derived from it. */
    String serialNumber(Bom bom) {
        String s = bom.serialNumber();
        if (s != null && s.matches("urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return s;
        }
        if (s != null) {
            losses.add("a document id that is not a urn:uuid (a urn:uuid derived from it is written)", s);
            return "urn:uuid:" + UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    String type(Component c) {
        if (c.type() == null) {
            return "library";
        }
        if (TYPES.contains(c.type())) {
            return c.type();
        }
        losses.add("component type '" + c.type() + "' (written as library)", c.name());
        return "library";
    }

    String scope(Component c) {
        if (c.scope() == null || SCOPES.contains(c.scope())) {
            return c.scope();
        }
        losses.add("scope '" + c.scope() + "'", c.name());
        return null;
    }

    String referenceType(ExternalReference r) {
        return r.type() != null && REFERENCE_TYPES.contains(r.type()) ? r.type() : "other";
    }

    /** A lifecycle as CycloneDX writes it: a known phase, else a named lifecycle. */
    static boolean isPhase(String lifecycle) {
        return PHASES.contains(lifecycle);
    }

    /** Hashes CycloneDX can hold, as {algorithm, value}. */
    List<String[]> hashes(Component c) {
        List<String[]> out = new ArrayList<>();
        c.hashes().forEach((alg, value) -> {
            if (HashAlgorithms.inCycloneDx(alg) && value.matches("[a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128}")) {
                out.add(new String[] {alg, value});
            } else {
                losses.add("hash " + alg, c.name());
            }
        });
        return out;
    }

    /** How one licence is written: as {@code license.id}, {@code license.name} or {@code expression}. */
    enum LicenseForm { ID, NAME, EXPRESSION }

    record PlannedLicense(License license, LicenseForm form) {}

    /**
     * CycloneDX 1.6 allows either a list of id/name licences or exactly one expression. A single id is written as
     * an id; when more than one expression would be needed, the compound ones are written as names (value kept).
     */
    List<PlannedLicense> licenses(List<License> licenses, String owner) {
        List<PlannedLicense> out = new ArrayList<>();
        int expressions = 0;
        for (License l : licenses) {
            if (l.kind() == License.Kind.NAME) {
                out.add(new PlannedLicense(l, LicenseForm.NAME));
            } else if (l.isSingleIdentifier() && isSpdxId(l.value())) {
                out.add(new PlannedLicense(l, LicenseForm.ID));
            } else {
                out.add(new PlannedLicense(l, LicenseForm.EXPRESSION));
                expressions++;
            }
        }
        if (expressions == 1 && out.size() == 1) {
            return out;
        }
        if (expressions > 0) {
            List<PlannedLicense> names = new ArrayList<>();
            for (PlannedLicense p : out) {
                if (p.form() == LicenseForm.EXPRESSION) {
                    losses.add("several licence expressions on one component (written as licence names)", owner);
                    names.add(new PlannedLicense(p.license(), LicenseForm.NAME));
                } else {
                    names.add(p);
                }
            }
            return names;
        }
        return out;
    }

    /** Identifiers CycloneDX holds (omniborId, swhid); the others are reported. */
    void otherIdentifiers(Component c) {
        for (Identifier id : c.identifiers()) {
            if (!id.type().equals("omniborId") && !id.type().equals("swhid")) {
                losses.add("identifier of type '" + id.type() + "'", c.name());
            }
        }
        for (int i = 1; i < c.cpes().size(); i++) {
            losses.add("more than one CPE per component", c.name());
        }
    }

    static List<Property> metadataProperties(Bom bom) {
        List<Property> props = new ArrayList<>(bom.metadata().properties());
        if (bom.metadata().tlp() != null) {
            props.add(new Property(TLP_PROPERTY, bom.metadata().tlp()));
        }
        return props;
    }

    /** Turns the TLP property this writer uses for CycloneDX 1.6 back into the model's TLP marking. */
    static Metadata liftTlp(Metadata m) {
        if (m.tlp() != null) {
            return m;
        }
        String tlp = null;
        List<Property> rest = new ArrayList<>();
        for (Property p : m.properties()) {
            if (p.name().equals(TLP_PROPERTY) && tlp == null) {
                tlp = p.value();
            } else {
                rest.add(p);
            }
        }
        if (tlp == null) {
            return m;
        }
        return new Metadata(m.timestamp(), m.authors(), m.supplier(), m.manufacturer(), m.tools(), m.lifecycles(),
                m.subject(), tlp, m.documentName(), m.licenses(), rest);
    }
}
