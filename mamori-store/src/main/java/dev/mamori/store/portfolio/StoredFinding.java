package dev.mamori.store.portfolio;

import java.time.Instant;
import java.util.List;

/**
 * A finding as stored: one vulnerability in one component (by component key) of one release.
 *
 * @param evidence         the matcher's evidence (JSON text)
 * @param fix              the fixed versions (JSON text: nearest, newest, all)
 * @param assessment       the risk assessment in the product (JSON text), or null
 * @param status           {@code present}, or {@code not_present} since {@code notPresentSince}
 * @param notPresentReason {@code component_removed}, {@code component_changed} (another version now) or
 *                         {@code advisory_changed} (the advisories no longer say it is affected)
 * @param fixedInSbomId    the SBOM upload in which it disappeared, or null
 * @param fixedInVersion   the version of the same package in the release when it disappeared, or null
 * @param triageDecisionId the decision its triage state comes from, or null (in_triage by default)
 */
public record StoredFinding(long id, long releaseId, Long componentId, String componentKey, String componentName,
                            String componentVersion, String purl, String packageEcosystem, String packageName,
                            String vulnerabilityId, List<String> aliases, String summary, String severity, int severityRank,
                            Double score, String confidence, String evidence, String fix, String fixedVersion,
                            String assessment, String status, Instant firstSeen, Instant lastSeen, Instant notPresentSince,
                            String notPresentReason, Long fixedInSbomId, String fixedInVersion, String triageState,
                            String triageJustification, Long triageDecisionId, Instant triageUpdatedAt, Instant updatedAt,
                            Integer priorityRank) {
    public static final String PRESENT = "present";
    public static final String NOT_PRESENT = "not_present";

    public StoredFinding {
        aliases = List.copyOf(aliases);
    }

    /** The vulnerability's id and every alias. */
    public List<String> ids() {
        List<String> out = new java.util.ArrayList<>();
        out.add(vulnerabilityId);
        out.addAll(aliases);
        return out;
    }
}
