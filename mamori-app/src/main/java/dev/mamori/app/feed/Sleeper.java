package dev.mamori.app.feed;

import java.time.Duration;

/** Waits; the one place a sync sleeps, so tests can replace waiting with advancing a clock. */
@FunctionalInterface
interface Sleeper {
    Sleeper REAL = d -> {
        if (d.isPositive()) {
            Thread.sleep(d);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
