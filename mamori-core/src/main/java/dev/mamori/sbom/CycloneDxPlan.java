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

    /** The CPE pattern of the CycloneDX 1.6 XSD (CPE 2.2 URI or 2.3 formatted string). */
    private static final java.util.regex.Pattern CPE = java.util.regex.Pattern.compile(
            "([c][pP][eE]:/[AHOaho]?(:[A-Za-z0-9\\._\\-~%]*){0,6})|(cpe:2\\.3:[aho\\*\\-](:(((\\?*|\\*?)([a-zA-Z0-9\\-\\._]"
            + "|(\\\\[\\\\\\*\\?!\"#$$%&'\\(\\)\\+,/:;<=>@\\[\\]\\^`\\{\\|}~]))+(\\?*|\\*?))|[\\*\\-])){5}"
            + "(:(([a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?)|[\\*\\-]))(:(((\\?*|\\*?)([a-zA-Z0-9\\-\\._]"
            + "|(\\\\[\\\\\\*\\?!\"#$$%&'\\(\\)\\+,/:;<=>@\\[\\]\\^`\\{\\|}~]))+(\\?*|\\*?))|[\\*\\-])){4})");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\"]+");

    /**
     * A CPE CycloneDX accepts: as written when valid; a CPE 2.3 name whose special characters were not quoted
     * (for example {@code v4.12.0+incompatible}) quoted; anything else dropped and reported.
     */
    String cpe(Component c) {
        String cpe = c.cpe();
        if (cpe == null || CPE.matcher(cpe).matches()) {
            return cpe;
        }
        if (cpe.startsWith("cpe:2.3:")) {
            String quoted = quoteCpe23(cpe);
            if (quoted != null && CPE.matcher(quoted).matches()) {
                losses.add("CPE 2.3 names with unquoted special characters (written quoted)", cpe);
                return quoted;
            }
        }
        losses.add("CPEs that are not valid CPE names", cpe);
        return null;
    }

    /** Quotes the punctuation in each attribute of a CPE 2.3 formatted string; null when it has not 13 parts. */
    static String quoteCpe23(String cpe) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < cpe.length(); i++) {
            char ch = cpe.charAt(i);
            if (ch == '\\' && i + 1 < cpe.length()) {
                cur.append(ch).append(cpe.charAt(++i));
            } else if (ch == ':') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        parts.add(cur.toString());
        if (parts.size() != 13) {
            return null;
        }
        StringBuilder out = new StringBuilder("cpe:2.3:").append(parts.get(2));
        for (int p = 3; p < 13; p++) {
            String v = parts.get(p);
            out.append(':');
            if (v.equals("*") || v.equals("-")) {
                out.append(v);
                continue;
            }
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch == '\\' && i + 1 < v.length()) {
                    out.append(ch).append(v.charAt(++i));
                } else if (Character.isLetterOrDigit(ch) && ch < 128 || ch == '.' || ch == '_' || ch == '-'
                        || (ch == '*' || ch == '?') && (i == 0 || i == v.length() - 1)) {
                    out.append(ch);
                } else {
                    out.append('\\').append(ch);
                }
            }
        }
        return out.toString();
    }

    /** An email CycloneDX accepts, or null (reported). */
    String email(String email, String owner) {
        if (email == null || EMAIL.matcher(email).matches()) {
            return email;
        }
        losses.add("email addresses that are not valid (" + owner + ")", email);
        return null;
    }

    /** A URL CycloneDX accepts as an IRI reference, or null (reported). */
    String url(String url, String what) {
        if (url == null || isIriReference(url)) {
            return url;
        }
        losses.add(what + " that are not valid IRIs", url);
        return null;
    }

    static boolean isIriReference(String s) {
        StringBuilder ascii = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch > 127) {
                for (byte b : String.valueOf(ch).getBytes(StandardCharsets.UTF_8)) {
                    ascii.append('%').append(String.format("%02X", b & 0xFF));
                }
            } else {
                ascii.append(ch);
            }
        }
        try {
            new java.net.URI(ascii.toString());
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
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
