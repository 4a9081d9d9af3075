package dev.mamori.app.server.analysis;

import dev.mamori.report.ThreatData;
import dev.mamori.risk.CweCatalog;
import dev.mamori.store.AdvisoryStore;
import dev.mamori.store.SourceStatus;
import dev.mamori.store.StoredCwe;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The threat intelligence of the store ({@code mamori db import} / {@code db sync}: CISA KEV, FIRST EPSS, MITRE CWE)
 * as the analysis uses it: KEV and EPSS of a release's CVEs in bulk, as {@code mamori scan --db} reads them, and the
 * CWE catalogue, kept in memory until a CWE import changes it.
 */
@Component
class ThreatIntelligence {
    private static final Logger LOG = LoggerFactory.getLogger(ThreatIntelligence.class);
    private static final Set<String> KINDS = Set.of("kev", "epss", "cwe");

    private final AdvisoryStore store;
    private volatile Cached cached;

    ThreatIntelligence(AdvisoryStore store) {
        this.store = store;
    }

    /** The CWE catalogue and the store state it was read in. */
    private record Cached(String fingerprint, StoredCwe cwe) {}

    /** KEV entries and EPSS scores of these CVEs: one query per table for up to 500 of them. */
    ThreatData data(Collection<String> cves) {
        return store.threatData(cves);
    }

    /** The store's CWE catalogue, or null when none was imported (the weakness class is then unknown). */
    CweCatalog cweCatalog() {
        StoredCwe cwe = storedCwe();
        return cwe == null ? null : cwe.catalog();
    }

    /** The stored CWE catalogue (read again only when a CWE import changed it), or null. */
    StoredCwe storedCwe() {
        String fingerprint = store.cweFingerprint();
        Cached c = cached;
        if (c == null || !c.fingerprint().equals(fingerprint)) {
            synchronized (this) {
                c = cached;
                if (c == null || !c.fingerprint().equals(fingerprint)) {
                    Optional<StoredCwe> read = store.cweCatalog();
                    c = new Cached(fingerprint, read.orElse(null));
                    cached = c;
                    read.ifPresent(r -> LOG.info("CWE catalogue {} from the store: {} weaknesses", r.version(), r.weaknesses()));
                    read.map(StoredCwe::warning).ifPresent(LOG::warn);
                }
            }
        }
        return c.cwe();
    }

    /** When each of KEV, EPSS and CWE was last imported, and how many records: what changes with an import. */
    String signature() {
        TreeSet<String> parts = new TreeSet<>();
        for (SourceStatus s : store.status()) {
            if (KINDS.contains(s.kind())) {
                parts.add(s.source() + "@" + s.lastSync() + "#" + s.records());
            }
        }
        return String.join(",", parts);
    }
}
