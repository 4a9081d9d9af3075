package dev.mamori.app.server.analysis;

import dev.mamori.store.portfolio.ComponentRepository;
import dev.mamori.store.portfolio.ReleaseRepository;
import dev.mamori.store.queue.PortfolioState;
import dev.mamori.store.queue.WorkQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When advisories change, the releases that use a changed package (reverse lookup by package key in the store) are
 * analysed again, below uploads in priority; a change to CPE statements also reaches releases with components that
 * have no purl. At start, if the advisories differ from those of the last change seen (kept in the store), every
 * release with an SBOM is queued, so nothing is missed while the server was down.
 */
@Component
class ReanalysisPlanner {
    static final String FINGERPRINT = "advisories.fingerprint";
    private static final Logger LOG = LoggerFactory.getLogger(ReanalysisPlanner.class);

    /** What the planner did about one change. */
    record Reaction(AdvisoryChange change, int releasesQueued, Instant at) {}

    private final AdvisoryProvider advisories;
    private final ComponentRepository components;
    private final ReleaseRepository releases;
    private final AnalysisQueue queue;
    private final PortfolioState state;
    private final Clock clock;
    private volatile Reaction last;

    ReanalysisPlanner(AdvisoryProvider advisories, ComponentRepository components, ReleaseRepository releases, AnalysisQueue queue,
                      PortfolioState state, Clock clock) {
        this.advisories = advisories;
        this.components = components;
        this.releases = releases;
        this.queue = queue;
        this.state = state;
        this.clock = clock;
        advisories.addListener(this::onChange);
    }

    Reaction last() {
        return last;
    }

    void onChange(AdvisoryChange change) {
        Set<Long> affected = new LinkedHashSet<>(components.releasesUsing(change.packages()));
        if (change.cpeStatementsChanged()) {
            affected.addAll(components.releasesWithoutPurls());
        }
        String reason = "advisories changed: " + change.added().size() + " added, " + change.modified().size() + " modified, "
                + change.removed().size() + " removed";
        for (long id : affected) {
            queue.request(id, WorkQueue.PRIORITY_ADVISORIES, reason);
        }
        state.put(FINGERPRINT, change.after().fingerprint(), clock.instant());
        last = new Reaction(change, affected.size(), clock.instant());
        LOG.info("{}: {} releases queued for re-analysis", reason, affected.size());
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        String now = advisories.current().fingerprint();
        String seen = state.get(FINGERPRINT).orElse(null);
        if (now.equals(seen)) {
            return;
        }
        int n = 0;
        for (long id : releases.idsWithSbom()) {
            queue.request(id, WorkQueue.PRIORITY_ADVISORIES, "advisories differ from those of the last analysis");
            n++;
        }
        state.put(FINGERPRINT, now, clock.instant());
        if (n > 0) {
            LOG.info("Advisories differ from the last analysis: {} releases queued", n);
        }
    }
}
