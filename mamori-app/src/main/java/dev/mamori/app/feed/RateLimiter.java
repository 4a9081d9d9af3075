package dev.mamori.app.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code permits} requests in any rolling {@code window} (NVD: 5 per 30 s without an API key, 50 with
 * one). Time comes from a {@link Clock} and waiting from a {@link Sleeper}, so tests run without waiting.
 */
final class RateLimiter {
    private final int permits;
    private final Duration window;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Instant> recent = new ArrayDeque<>();

    RateLimiter(int permits, Duration window, Clock clock, Sleeper sleeper) {
        if (permits < 1 || !window.isPositive()) {
            throw new IllegalArgumentException("a rate limit needs at least one request per positive window");
        }
        this.permits = permits;
        this.window = window;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** No limit at all. */
    static RateLimiter unlimited(Clock clock) {
        return new RateLimiter(Integer.MAX_VALUE, Duration.ofSeconds(1), clock, d -> { });
    }

    /** Waits until one more request fits in the window, then counts it. */
    synchronized void acquire() throws InterruptedException {
        acquire(null);
    }

    /**
     * As {@link #acquire()}, but a wait that would outlast the deadline fails at once (a source-stopping
     * {@link FeedException}) instead of sleeping past it.
     */
    synchronized void acquire(Deadline deadline) throws InterruptedException {
        if (permits == Integer.MAX_VALUE) {
            return;
        }
        while (true) {
            Instant now = clock.instant();
            while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
                recent.pollFirst();
            }
            if (recent.size() < permits) {
                recent.addLast(now);
                return;
            }
            Duration wait = Duration.between(now, recent.peekFirst().plus(window));
            if (deadline != null && wait.compareTo(deadline.remaining()) >= 0) {
                deadline.check();
                throw FeedException.stopping("the rate limit (" + this + ") leaves no time for another request "
                        + "within this source's time budget; the position is saved, run the sync again to continue");
            }
            sleeper.sleep(wait);
        }
    }

    @Override
    public String toString() {
        return permits + " requests per " + window.toSeconds() + " s";
    }
}
