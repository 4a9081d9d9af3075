package dev.mamori.store.queue;

import java.time.Instant;

/**
 * A unit of background work.
 *
 * @param state  {@code queued}, {@code running}, {@code done} or {@code failed}
 * @param result what the work reported when done (JSON text), or null
 */
public record Job(long id, String kind, long releaseId, int priority, String state, String reason, int attempts,
                  int maxAttempts, Instant notBefore, Instant createdAt, Instant startedAt, Instant finishedAt,
                  String lockedBy, Instant lockedAt, String lastError, String result) {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public boolean finished() {
        return DONE.equals(state) || FAILED.equals(state);
    }
}
