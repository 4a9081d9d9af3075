package dev.mamori.risk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import dev.mamori.risk.Ssvc.MissionImpact;
import dev.mamori.risk.Ssvc.MissionPrevalence;
import dev.mamori.risk.Ssvc.PublicWellBeing;
import dev.mamori.risk.Ssvc.SafetyImpact;
import dev.mamori.risk.Ssvc.SystemExposure;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * The context of a product or release, set once and applied to every finding: how exposed it is, whether a user
 * can interact with it, how much its confidentiality, integrity and availability matter, whether it is
 * safety-critical, and how essential it is to its users' missions. Null fields are unknown: they change no CVSS
 * metric and leave the SSVC input to its documented default. The mapping is in docs/risk.md.
 *
 * <p>File format (JSON; every field optional except {@code schema}):
 * <pre>{@code
 * {"schema": "mamori-risk-profile/1", "name": "pump controller",
 *  "networkExposure": "isolated", "userInteraction": false,
 *  "confidentialityRequirement": "low", "integrityRequirement": "high", "availabilityRequirement": "high",
 *  "safetyCritical": true, "safetyImpact": "critical",
 *  "missionPrevalence": "essential", "missionImpact": "mef failure", "publicWellBeingImpact": "material"}
 * }</pre>
 */
public record RiskProfile(
        String name,
        NetworkExposure networkExposure,
        Boolean userInteraction,
        Requirement confidentialityRequirement,
        Requirement integrityRequirement,
        Requirement availabilityRequirement,
        boolean safetyCritical,
        SafetyImpact safetyImpact,
        MissionPrevalence missionPrevalence,
        MissionImpact missionImpact,
        PublicWellBeing publicWellBeingImpact) {

    public static final String SCHEMA = "mamori-risk-profile/1";

    /** How the product is reachable. */
    public enum NetworkExposure {
        /** Reachable from the internet. CVSS: Network; SSVC System Exposure: open. */
        INTERNET("N", SystemExposure.OPEN),
        /** On a routed internal network, not reachable from the internet. CVSS: Network; SSVC: controlled. */
        INTERNAL("N", SystemExposure.CONTROLLED),
        /** Only on an isolated network segment (a cell, a bus, a local subnet). CVSS: Adjacent; SSVC: small. */
        ISOLATED("A", SystemExposure.SMALL),
        /** No network interface; reachable by local users or programs only. CVSS: Local; SSVC: small. */
        LOCAL("L", SystemExposure.SMALL),
        /** Only with physical access. CVSS: Physical; SSVC: small. */
        PHYSICAL("P", SystemExposure.SMALL);

        final String attackVector;
        final SystemExposure systemExposure;

        NetworkExposure(String attackVector, SystemExposure systemExposure) {
            this.attackVector = attackVector;
            this.systemExposure = systemExposure;
        }

        public String attackVector() {
            return attackVector;
        }

        public SystemExposure systemExposure() {
            return systemExposure;
        }
    }

    /** A security requirement (CVSS CR, IR, AR). */
    public enum Requirement {
        LOW("L"), MEDIUM("M"), HIGH("H");

        final String letter;

        Requirement(String letter) {
            this.letter = letter;
        }

        public String letter() {
            return letter;
        }
    }

    public RiskProfile {
        if (!safetyCritical && safetyImpact != null && safetyImpact != SafetyImpact.NEGLIGIBLE) {
            throw new IllegalArgumentException("safetyImpact " + safetyImpact.word() + " needs safetyCritical: true");
        }
        if (safetyCritical && safetyImpact == null) {
            throw new IllegalArgumentException("a safety-critical profile needs safetyImpact (marginal, critical or catastrophic)");
        }
    }

    /** A profile that knows nothing: every CVSS metric stays as published, every SSVC product input is a default. */
    public static RiskProfile unknown() {
        return new RiskProfile(null, null, null, null, null, null, false, null, null, null, null);
    }

    /** The Safety Impact for SSVC: negligible unless the product is safety-critical. */
    public SafetyImpact effectiveSafetyImpact() {
        return safetyCritical ? safetyImpact : SafetyImpact.NEGLIGIBLE;
    }

    /**
     * Public Well-Being Impact for the CISA tree: as set, else from the safety impact — negligible → minimal,
     * marginal and critical (injuries, a loss of life) → material, catastrophic (multiple losses of life, the
     * cyber-physical system lost) → irreversible; null when the profile says nothing about safety either.
     */
    public PublicWellBeing effectivePublicWellBeing() {
        if (publicWellBeingImpact != null) {
            return publicWellBeingImpact;
        }
        if (!safetyCritical && safetyImpact == null) {
            return null;
        }
        return switch (effectiveSafetyImpact()) {
            case NEGLIGIBLE -> PublicWellBeing.MINIMAL;
            case MARGINAL, CRITICAL -> PublicWellBeing.MATERIAL;
            case CATASTROPHIC -> PublicWellBeing.IRREVERSIBLE;
        };
    }

    /**
     * Mission Impact for the deployer tree: as set, else from mission prevalence — minimal → degraded, support →
     * MEF support crippled, essential → MEF failure; null when unknown.
     */
    public MissionImpact effectiveMissionImpact() {
        if (missionImpact != null) {
            return missionImpact;
        }
        if (missionPrevalence == null) {
            return null;
        }
        return switch (missionPrevalence) {
            case MINIMAL -> MissionImpact.DEGRADED;
            case SUPPORT -> MissionImpact.MEF_SUPPORT_CRIPPLED;
            case ESSENTIAL -> MissionImpact.MEF_FAILURE;
        };
    }

    /** Label for reasons and reports. */
    public String label() {
        return name == null || name.isBlank() ? "product" : name;
    }

    private static final Set<String> FIELDS = Set.of("schema", "name", "networkExposure", "userInteraction",
            "confidentialityRequirement", "integrityRequirement", "availabilityRequirement", "safetyCritical",
            "safetyImpact", "missionPrevalence", "missionImpact", "publicWellBeingImpact");

    /**
     * Reads a profile file.
     *
     * @throws InputException naming the source and the field for malformed JSON, unknown fields and invalid values
     */
    public static RiskProfile read(InputStream in, String source) {
        JsonNode root = JsonInput.readTree(in, source);
        if (!root.isObject()) {
            throw new InputException(source, "", "a risk profile is a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new InputException(source, "/" + f, "unknown field '" + f + "'; known: " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String schema = text(root, "schema", source);
        if (!SCHEMA.equals(schema)) {
            throw new InputException(source, "/schema", "expected \"schema\": \"" + SCHEMA + "\"" + (schema == null ? "" : ", found \"" + schema + "\""));
        }
        try {
            return new RiskProfile(
                    text(root, "name", source),
                    value(root, "networkExposure", source, NetworkExposure.class, null),
                    bool(root, "userInteraction", source),
                    value(root, "confidentialityRequirement", source, Requirement.class, null),
                    value(root, "integrityRequirement", source, Requirement.class, null),
                    value(root, "availabilityRequirement", source, Requirement.class, null),
                    Boolean.TRUE.equals(bool(root, "safetyCritical", source)),
                    value(root, "safetyImpact", source, SafetyImpact.class, SafetyImpact.class),
                    value(root, "missionPrevalence", source, MissionPrevalence.class, MissionPrevalence.class),
                    value(root, "missionImpact", source, MissionImpact.class, MissionImpact.class),
                    value(root, "publicWellBeingImpact", source, PublicWellBeing.class, PublicWellBeing.class));
        } catch (IllegalArgumentException e) {
            throw new InputException(source, "", e.getMessage());
        }
    }

    private static String text(JsonNode root, String field, String source) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InputException(source, "/" + field, field + " must be a string");
        }
        return n.asText();
    }

    private static Boolean bool(JsonNode root, String field, String source) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw new InputException(source, "/" + field, field + " must be true or false");
        }
        return n.asBoolean();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <E extends Enum<E>> E value(JsonNode root, String field, String source, Class<E> type, Class ssvcType) {
        String t = text(root, field, source);
        if (t == null) {
            return null;
        }
        if (ssvcType != null) {
            try {
                return (E) Ssvc.parse(ssvcType, t);
            } catch (IllegalArgumentException e) {
                throw new InputException(source, "/" + field, field + ": " + e.getMessage());
            }
        }
        String key = t.strip().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key) || (e instanceof Requirement r && r.letter.equals(key))) {
                return e;
            }
        }
        if (type == NetworkExposure.class && key.equals("ADJACENT")) {
            return (E) NetworkExposure.ISOLATED;
        }
        throw new InputException(source, "/" + field, field + ": '" + t + "' is not one of "
                + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
    }
}
