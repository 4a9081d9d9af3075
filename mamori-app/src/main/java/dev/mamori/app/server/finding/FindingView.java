package dev.mamori.app.server.finding;

import dev.mamori.app.server.JsonText;
import dev.mamori.store.portfolio.StoredFinding;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A finding as the API shows it.
 *
 * @param evidence   why it was matched: the identifier, the method, every advisory statement that matched
 * @param fix        the fixed versions: nearest (smallest upgrade on the release line), newest, all
 * @param assessment the risk in this product: CVSS base and in-product scores, SSVC decisions, reasons (the full
 *                   assessment on the single-finding answer, a summary in lists)
 * @param notPresent null while present; else since when, why, and what fixed it
 * @param priority   the finding's place in its release's priority order (1 = most urgent; one rank per
 *                   vulnerability), from the last analysis; null before the first ranked analysis
 */
public record FindingView(long id, long releaseId, ComponentRef component, VulnerabilityRef vulnerability, String severity,
                          Double score, String confidence, JsonNode evidence, JsonNode fix, JsonNode assessment, String status,
                          Instant firstSeen, Instant lastSeen, NotPresent notPresent, Triage triage, Integer priority) {

    /** @param id the component row of the release's current SBOM, or null when no longer there */
    public record ComponentRef(Long id, String name, String version, String purl, String packageKey, String key) {}

    public record VulnerabilityRef(String id, List<String> aliases, String summary) {}

    /**
     * @param reason         {@code component_removed}, {@code component_changed} or {@code advisory_changed}
     * @param fixedInVersion the package's version in the release when it disappeared
     * @param fixedInSbomId  the upload that fixed it
     */
    public record NotPresent(Instant since, String reason, String fixedInVersion, Long fixedInSbomId) {}

    /**
     * @param decisionId the triage decision that set the state, or null
     * @param source     where that decision came from: {@code user}, or the VEX document (format, id, SHA-256)
     */
    public record Triage(String state, String justification, Long decisionId, String source, Instant updatedAt) {}

    public static FindingView of(StoredFinding f, JsonText json, boolean fullAssessment) {
        return of(f, json, fullAssessment, id -> null);
    }

    public static FindingView of(StoredFinding f, JsonText json, boolean fullAssessment,
                                 java.util.function.Function<Long, String> sourceOf) {
        JsonNode assessment = json.tree(f.assessment());
        if (!fullAssessment && assessment != null) {
            assessment = summary(assessment, json);
        }
        String packageKey = f.packageEcosystem().isEmpty() ? null : f.packageEcosystem() + ":" + f.packageName();
        return new FindingView(f.id(), f.releaseId(),
                new ComponentRef(f.componentId(), f.componentName(), f.componentVersion(), f.purl(), packageKey, f.componentKey()),
                new VulnerabilityRef(f.vulnerabilityId(), f.aliases(), f.summary()), f.severity(), f.score(), f.confidence(),
                json.tree(f.evidence()), json.tree(f.fix()), assessment, f.status(), f.firstSeen(), f.lastSeen(),
                f.notPresentSince() == null ? null
                        : new NotPresent(f.notPresentSince(), f.notPresentReason(), f.fixedInVersion(), f.fixedInSbomId()),
                new Triage(f.triageState(), f.triageJustification(), f.triageDecisionId(),
                        f.triageDecisionId() == null ? null : sourceOf.apply(f.triageDecisionId()), f.triageUpdatedAt()),
                f.priorityRank());
    }

    /**
     * The parts of an assessment a list needs: the primary CVSS score in the product, the SSVC outcomes and the
     * exploitation they rest on, the KEV date and EPSS score when there are some, the weakness class, the reasons.
     */
    private static JsonNode summary(JsonNode a, JsonText json) {
        var out = json.mapper().createObjectNode();
        JsonNode cvss = a.path("cvss");
        if (cvss.isArray() && !cvss.isEmpty()) {
            JsonNode p = cvss.get(0);
            out.put("cvssVersion", p.path("version").asString(null));
            out.put("baseScore", p.path("baseScore").asDouble());
            out.put("productScore", p.path("environmentalScore").asDouble());
            out.put("productSeverity", p.path("environmentalSeverity").asString(null));
        }
        out.put("ssvc", a.path("ssvc").path("label").asString(null));
        out.put("deployer", a.path("deployer").path("label").asString(null));
        for (JsonNode input : a.path("ssvc").path("inputs")) {
            if ("Exploitation".equals(input.path("decisionPoint").asString(null))) {
                out.put("exploitation", input.path("value").asString(null));
            }
        }
        if (a.path("kev").isObject()) {
            out.put("kevDateAdded", a.path("kev").path("dateAdded").asString(null));
        }
        if (a.path("epss").isObject()) {
            out.put("epss", a.path("epss").path("score").asDouble());
            out.put("epssPercentile", a.path("epss").path("percentile").asDouble());
        }
        if (a.path("weakness").isObject()) {
            out.put("weakness", a.path("weakness").path("weaknessClass").asString(null));
        }
        out.put("reasons", a.path("reasons").asString(null));
        return out;
    }
}
