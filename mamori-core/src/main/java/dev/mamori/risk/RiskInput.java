package dev.mamori.risk;

import java.util.List;

/** What is known about one vulnerability of a finding: its CVSS vectors (any versions), CWEs, threat data, user inputs. */
public record RiskInput(String vulnerabilityId, List<String> cvssVectors, List<String> cwes, ThreatIntel threat, UserInputs user) {
    public RiskInput {
        cvssVectors = cvssVectors == null ? List.of() : List.copyOf(cvssVectors);
        cwes = cwes == null ? List.of() : List.copyOf(cwes);
        threat = threat == null ? ThreatIntel.none() : threat;
        user = user == null ? UserInputs.none() : user;
    }
}
