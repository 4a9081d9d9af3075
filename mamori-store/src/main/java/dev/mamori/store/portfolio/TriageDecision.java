package dev.mamori.store.portfolio;

import java.time.Instant;

/**
 * A triage decision: a state for a vulnerability in a package, within a scope.
 *
 * @param source where the decision came from: {@code user}, or the VEX document it was imported from
 */
public record TriageDecision(long id, TriageScope scope, Long productId, Long releaseId, String packageEcosystem,
                             String packageName, String componentVersion, String vulnerabilityId, TriageState state,
                             String justification, String comment, String source, String author, Instant createdAt,
                             Instant revokedAt, String revokedBy) {

    public boolean active() {
        return revokedAt == null;
    }

    /** Whether this decision speaks about a finding of this release, product, package version and vulnerability ids. */
    public boolean appliesTo(long findingReleaseId, long findingProductId, String ecosystem, String name, String version,
                             java.util.Collection<String> vulnerabilityIds) {
        if (!active() || !packageEcosystem.equals(ecosystem) || !packageName.equals(name)
                || !vulnerabilityIds.contains(vulnerabilityId)) {
            return false;
        }
        return switch (scope) {
            case RELEASE -> releaseId != null && releaseId == findingReleaseId;
            case PRODUCT -> productId != null && productId == findingProductId;
            case COMPONENT_VERSION -> componentVersion != null && componentVersion.equals(version);
        };
    }
}
