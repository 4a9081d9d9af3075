package dev.mamori.app.server.analysis;

import dev.mamori.app.server.MamoriProperties;
import dev.mamori.store.AdvisoryStore;
import dev.mamori.store.portfolio.AssessmentBasisRepository;
import dev.mamori.store.portfolio.ReleaseRepository;
import dev.mamori.store.queue.PortfolioState;
import dev.mamori.store.queue.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Re-analysis after KEV, EPSS and CWE imports ({@code mamori db import}, {@code db sync}, by this or another
 * process). The store's last import of each is checked every {@code mamori.advisories.poll-interval}, at start and
 * on {@code POST /api/v1/advisories/refresh}; when one changed:
 *
 * <ul>
 *   <li>KEV and EPSS: the releases whose assessments used KEV or EPSS data the store no longer has — a CVE of their
 *       findings entered or left KEV or its listing changed, got or lost an EPSS score, or its EPSS probability or
 *       percentile moved by at least {@code mamori.threats.epss-change} / {@code percentile-change} — one query
 *       over what each analysis recorded ({@link AssessmentBasisRepository}). EPSS rescores every CVE daily; most
 *       moves are tiny, and re-analysing every release with any finding daily would redo the portfolio for nothing.</li>
 *   <li>CWE: a catalogue whose content changed reaches any finding's weakness class, and comes a few times a year:
 *       every release with an SBOM.</li>
 * </ul>
 *
 * Releases are queued at the priority of advisory changes, below uploads and requests.
 */
@Component
class ThreatPlanner implements DisposableBean {
    static final String REANALYSE_ALL = "threats.reanalyse-all";
    static final String CWE_FINGERPRINT = "threats.cwe-fingerprint";
    private static final Logger LOG = LoggerFactory.getLogger(ThreatPlanner.class);

    /**
     * What one check did.
     *
     * @param releasesQueued releases queued for re-analysis
     * @param cves           CVEs whose KEV or EPSS data changed for the releases that have them
     * @param cweChanged     whether the CWE catalogue changed (every release queued)
     */
    record Reaction(int releasesQueued, int cves, boolean cweChanged, Instant at) {
        static Reaction none(Instant at) {
            return new Reaction(0, 0, false, at);
        }
    }

    private final ThreatIntelligence threats;
    private final AdvisoryStore store;
    private final AssessmentBasisRepository basis;
    private final ReleaseRepository releases;
    private final AnalysisQueue queue;
    private final PortfolioState state;
    private final MamoriProperties.Threats settings;
    private final Duration pollInterval;
    private final Clock clock;
    private ScheduledExecutorService poller;
    private String lastSignature;

    ThreatPlanner(ThreatIntelligence threats, AdvisoryStore store, AssessmentBasisRepository basis, ReleaseRepository releases,
                  AnalysisQueue queue, PortfolioState state, MamoriProperties properties, Clock clock) {
        this.threats = threats;
        this.store = store;
        this.basis = basis;
        this.releases = releases;
        this.queue = queue;
        this.state = state;
        this.settings = properties.threats();
        this.pollInterval = properties.advisories().pollInterval();
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        try {
            check(true);
        } catch (RuntimeException e) {
            LOG.warn("Checking the threat intelligence for changes failed: {}", e.toString());
        }
        if (pollInterval != null && !pollInterval.isZero() && !pollInterval.isNegative()) {
            synchronized (this) {
                poller = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "mamori-threat-watch");
                    t.setDaemon(true);
                    return t;
                });
                poller.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void poll() {
        try {
            check(false);
        } catch (RuntimeException e) {
            LOG.warn("Checking the threat intelligence for changes failed: {}", e.toString());
        }
    }

    /**
     * Queues the releases a KEV, EPSS or CWE import made out of date.
     *
     * @param force look even when no import happened since the last look (at start, on refresh)
     */
    synchronized Reaction check(boolean force) {
        Instant now = clock.instant();
        String signature = threats.signature();
        if (!force && signature.equals(lastSignature)) {
            return Reaction.none(now);
        }
        lastSignature = signature;
        Set<Long> queued = new LinkedHashSet<>();

        if (state.get(REANALYSE_ALL).isPresent()) {
            for (long id : releases.idsWithSbom()) {
                queue.request(id, WorkQueue.PRIORITY_ADVISORIES, "assessed before the analysis used KEV, EPSS and CWE data");
                queued.add(id);
            }
            state.remove(REANALYSE_ALL);
            if (!queued.isEmpty()) {
                LOG.info("{} releases assessed by an older version queued for re-analysis with the threat intelligence",
                        queued.size());
            }
        }

        String cwe = store.cweFingerprint();
        String seen = state.get(CWE_FINGERPRINT).orElse(null);
        boolean cweChanged = !cwe.equals(seen) && (seen != null || !cwe.startsWith("0|"));
        if (cweChanged) {
            int n = 0;
            for (long id : releases.idsWithSbom()) {
                queue.request(id, WorkQueue.PRIORITY_ADVISORIES, "CWE catalogue changed");
                queued.add(id);
                n++;
            }
            LOG.info("CWE catalogue changed: {} releases queued for re-analysis", n);
        }
        if (!cwe.equals(seen)) {
            state.put(CWE_FINGERPRINT, cwe, now);
        }

        AssessmentBasisRepository.Outdated outdated = basis.outdated(settings.epssChange(), settings.percentileChange());
        for (Map.Entry<Long, Set<String>> e : outdated.cvesByRelease().entrySet()) {
            queue.request(e.getKey(), WorkQueue.PRIORITY_ADVISORIES, reason(e.getValue()));
            queued.add(e.getKey());
        }
        if (!outdated.releases().isEmpty()) {
            LOG.info("KEV or EPSS changed for {} CVEs of stored findings: {} releases queued for re-analysis", outdated.cves(),
                    outdated.releases().size());
        }
        return new Reaction(queued.size(), outdated.cves(), cweChanged, now);
    }

    private static String reason(Set<String> cves) {
        List<String> named = new ArrayList<>(cves).subList(0, Math.min(3, cves.size()));
        return "KEV or EPSS changed for " + cves.size() + " CVE(s): " + String.join(", ", named) + (cves.size() > 3 ? ", …" : "");
    }

    @Override
    public synchronized void destroy() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
