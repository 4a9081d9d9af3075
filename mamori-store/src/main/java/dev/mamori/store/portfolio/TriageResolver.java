package dev.mamori.store.portfolio;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks the decision that sets a finding's triage state: the narrowest scope, then the newest. */
public final class TriageResolver {
    private static final Comparator<TriageDecision> ORDER = Comparator
            .comparingInt((TriageDecision d) -> d.scope().precedence())
            .thenComparing(Comparator.comparingLong(TriageDecision::id).reversed());

    private final List<TriageDecision> decisions;

    public TriageResolver(Collection<TriageDecision> decisions) {
        this.decisions = decisions.stream().filter(TriageDecision::active).sorted(ORDER).toList();
    }

    public Optional<TriageDecision> resolve(long releaseId, long productId, String ecosystem, String name, String version,
                                            Collection<String> vulnerabilityIds) {
        for (TriageDecision d : decisions) {
            if (d.appliesTo(releaseId, productId, ecosystem, name, version, vulnerabilityIds)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
