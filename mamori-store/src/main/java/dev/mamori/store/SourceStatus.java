package dev.mamori.store;

import java.time.Instant;

/**
 * What the store knows about one intelligence source.
 *
 * @param source         {@code osv/GHSA}, {@code nvd}, {@code jvn}, {@code csaf/<publisher>}, {@code kev}, {@code epss}, …
 * @param kind           {@code advisories}, {@code kev}, {@code epss} or {@code cwe}
 * @param records        records stored
 * @param withdrawn      of those, marked withdrawn or rejected by the source
 * @param lastSync       when its data was last imported or synced (for a bundle: when the bundle's data was), or null
 * @param newestModified the newest upstream modification among its records, or null when none is readable
 * @param feedVersion    the file's own version: KEV catalogVersion, EPSS model version, CWE catalogue version; or null
 * @param feedDate       the file's own date: KEV dateReleased, EPSS score date, CWE catalogue date; or null
 * @param lastError      the last sync error, or null
 * @param lastErrorAt    when it happened, or null
 */
public record SourceStatus(String source, String kind, long records, long withdrawn, Instant lastSync,
                           Instant newestModified, String feedVersion, String feedDate, String lastError,
                           Instant lastErrorAt) {}
