package dev.mamori.risk;

import java.util.List;

/** What is known about the threat to one vulnerability. Every part may be absent (null / empty). */
public record ThreatIntel(Epss epss, KevEntry kev, List<ExploitEvidence> evidence, VulnrichmentSsvc vulnrichment) {
    public ThreatIntel {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static ThreatIntel none() {
        return new ThreatIntel(null, null, List.of(), null);
    }
}
