package dev.mamori.app.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The end of a source's time budget. */
record Deadline(Instant at, Duration budget, Clock clock) {
    static Deadline after(Duration budget, Clock clock) {
        return new Deadline(clock.instant().plus(budget), budget, clock);
    }

    Duration remaining() {
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Throws a source-stopping {@link FeedException} once the budget is spent. */
    void check() {
        if (!remaining().isPositive()) {
            throw FeedException.stopping("the time budget of " + human(budget)
                    + " for this source is spent; the position is saved, run the sync again to continue");
        }
    }

    static String human(Duration d) {
        if (d.toMillis() % 1000 != 0 && d.toSeconds() < 60) {
            return d.toMillis() + " ms";
        }
        long s = d.toSeconds();
        if (s % 3600 == 0) {
            return (s / 3600) + " h";
        }
        if (s % 60 == 0) {
            return (s / 60) + " min";
        }
        return s + " s";
    }
}
