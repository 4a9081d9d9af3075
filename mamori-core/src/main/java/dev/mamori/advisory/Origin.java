package dev.mamori.advisory;

import java.time.Instant;

/**
 * What a reader is told about its input: the name used in errors and provenance (a path or URL) and when the
 * data was fetched (null for a local file of unknown age).
 */
public record Origin(String location, Instant fetchedAt) {
    public static Origin of(String location) {
        return new Origin(location, null);
    }

    Origin entry(String entryName) {
        return new Origin(location + "!" + entryName, fetchedAt);
    }
}
