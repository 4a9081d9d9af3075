package dev.mamori.store.portfolio;

import java.util.List;

/** What one analysis says about one finding; the store adds identity, history and triage. */
public record FindingData(Long componentId, String componentKey, String componentName, String componentVersion, String purl,
                          String packageEcosystem, String packageName, String vulnerabilityId, List<String> aliases,
                          String summary, String severity, int severityRank, Double score, String confidence,
                          String evidence, String fix, String fixedVersion, String assessment, Integer priorityRank) {
    public FindingData {
        aliases = List.copyOf(aliases);
    }

    /** This finding with its place in the release's priority order. */
    public FindingData withPriorityRank(Integer rank) {
        return new FindingData(componentId, componentKey, componentName, componentVersion, purl, packageEcosystem,
                packageName, vulnerabilityId, aliases, summary, severity, severityRank, score, confidence, evidence, fix,
                fixedVersion, assessment, rank);
    }

    /** The vulnerability's id and every alias. */
    public List<String> ids() {
        List<String> out = new java.util.ArrayList<>();
        out.add(vulnerabilityId);
        out.addAll(aliases);
        return out;
    }
}
