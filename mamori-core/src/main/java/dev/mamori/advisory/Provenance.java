package dev.mamori.advisory;

import java.time.Instant;

/**
 * Where an advisory record came from.
 *
 * @param source           the source's name: {@code osv/GHSA}, {@code osv/PYSEC}, {@code nvd}, {@code cve5},
 *                         {@code jvn}, {@code csaf/<publisher namespace>} …
 * @param origin           the file, archive entry or URL the record was read from
 * @param fetchedAt        when the data was fetched from the source, or null when unknown (a local file)
 * @param upstreamModified the record's last modification as the source states it, or null
 */
public record Provenance(String source, String origin, Instant fetchedAt, String upstreamModified) {}
