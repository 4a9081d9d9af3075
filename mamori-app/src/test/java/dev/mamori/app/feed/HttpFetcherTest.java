package dev.mamori.app.feed;

import static dev.mamori.app.feed.SyncFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class HttpFetcherTest {
    @TempDir
    Path tmp;

    final FakeTime time = new FakeTime(START);

    HttpFetcher fetcher(FeedConfig cfg) {
        return new HttpFetcher(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), cfg, time, time,
                new Random(7));
    }

    @Test
    void retryAfter_secondsOrHttpDate() {
        HttpFetcher f = fetcher(SyncFixtures.config().build());

        assertThat(f.retryAfter(Optional.of("120"))).isEqualTo(Duration.ofSeconds(120));
        assertThat(f.retryAfter(Optional.of("Sun, 01 Jun 2025 00:01:30 GMT"))).isEqualTo(Duration.ofSeconds(90));
        assertThat(f.retryAfter(Optional.of("Sat, 31 May 2025 00:00:00 GMT"))).isEqualTo(Duration.ZERO);
        assertThat(f.retryAfter(Optional.of("soon"))).isNull();
        assertThat(f.retryAfter(Optional.empty())).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 10, 30, 64})
    void backoff_doublesWithJitter_upToTheCap(int attempt) {
        HttpFetcher f = fetcher(SyncFixtures.config().backoff(Duration.ofSeconds(2), Duration.ofSeconds(60)).build());
        long full = Math.min(2000L << Math.min(attempt - 1, 20), 60_000);

        for (int i = 0; i < 50; i++) {
            Duration d = f.backoff(attempt);
            assertThat(d.toMillis()).isBetween(full / 2, full);
        }
    }

    @Test
    void retryAfterLongerThanAllowed_failsAtOnce() {
        try (FixtureServer server = new FixtureServer()) {
            server.route("/x", (ex, hit) -> FixtureServer.send(ex, 503, null, Map.of("Retry-After", "3600")));
            HttpFetcher f = fetcher(SyncFixtures.config().maxRetryAfter(Duration.ofMinutes(5)).build());

            assertThatThrownBy(() -> f.fetch(HttpFetcher.Get.of(URI.create(server.base() + "/x"), tmp,
                    RateLimiter.unlimited(time)), Deadline.after(Duration.ofHours(2), time)))
                    .isInstanceOf(FeedException.class).hasMessageContaining("retry after 1 h");
            assertThat(server.hits("/x")).hasSize(1);
        }
    }

    @Test
    void slowServer_hitsTheRequestTimeout_andIsRetried() {
        try (FixtureServer server = new FixtureServer()) {
            server.route("/slow", (ex, hit) -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
            });
            HttpFetcher f = fetcher(SyncFixtures.config().maxAttempts(2).requestTimeout(Duration.ofMillis(300))
                    .build());

            assertThatThrownBy(() -> f.fetch(HttpFetcher.Get.of(URI.create(server.base() + "/slow"), tmp,
                    RateLimiter.unlimited(time)), Deadline.after(Duration.ofHours(2), time)))
                    .isInstanceOf(FeedException.class)
                    .hasMessageContaining("gave up after 2 attempts: no complete response within 300 ms");
            assertThat(SyncFixtures.allFiles(tmp)).isEmpty();
        }
    }

    @Test
    void rateLimiter_waitsForTheOldestRequestToLeaveTheWindow() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(30), time, time);

        limiter.acquire();
        time.advance(Duration.ofSeconds(10));
        limiter.acquire();
        limiter.acquire();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(20));
    }
}
