package dev.mamori.store;

import java.util.List;
import java.util.Map;

/**
 * What one import did, per source ({@code osv/GHSA}, {@code nvd}, {@code kev}, {@code epss}, {@code cwe}, …).
 *
 * @param sources counts per source, sorted by source
 * @param skipped files inside imported directories that are in no known format, with the reason
 */
public record ImportResult(Map<String, Counts> sources, List<String> skipped) {
    public ImportResult {
        sources = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sources));
        skipped = List.copyOf(skipped);
    }

    /**
     * Records of one source in one import. {@code added + updated + unchanged} is the number of records read.
     *
     * @param added     records the store did not have
     * @param updated   records whose content changed
     * @param unchanged records identical to what the store has (nothing written)
     * @param withdrawn of the added and updated records, those the source marks withdrawn or rejected
     */
    public record Counts(long added, long updated, long unchanged, long withdrawn) {
        public long read() {
            return added + updated + unchanged;
        }

        Counts plus(Counts o) {
            return new Counts(added + o.added, updated + o.updated, unchanged + o.unchanged, withdrawn + o.withdrawn);
        }
    }

    /** The counts of all sources together. */
    public Counts total() {
        Counts t = new Counts(0, 0, 0, 0);
        for (Counts c : sources.values()) {
            t = t.plus(c);
        }
        return t;
    }

    /** Whether the import changed any record. */
    public boolean changedAnything() {
        Counts t = total();
        return t.added() + t.updated() > 0;
    }
}
