package dev.mamori.app.feed;

import static dev.mamori.app.feed.SyncFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class NvdFeedTest {
    static final String PATH = "/rest/json/cves/2.0";

    @TempDir
    Path mirror;

    FixtureServer server;
    FakeTime time;
    final List<JsonNode> cves = new ArrayList<>();
    final AtomicBoolean failAtIndex3 = new AtomicBoolean();

    @BeforeEach
    void setUp() throws IOException {
        server = new FixtureServer();
        time = new FakeTime(START);
        for (String page : List.of("0-3.json", "3-3.json", "6-3.json")) {
            JsonNode root = JsonInput.mapper().readTree(SyncFixtures.resource("nvd/" + page));
            root.path("vulnerabilities").forEach(cves::add);
        }
        server.route(PATH, (ex, hit) -> {
            int start = Integer.parseInt(hit.param("startIndex"));
            int size = Integer.parseInt(hit.param("resultsPerPage"));
            if (failAtIndex3.get() && start == 3) {
                FixtureServer.send(ex, 503, "busy".getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            }
            FixtureServer.send(ex, 200, page(start, size), Map.of("Content-Type", "application/json"));
        });
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** An NVD API 2.0 page of the 8 real CVEs of the fixture, sliced as the API slices. */
    byte[] page(int start, int size) throws IOException {
        ObjectNode root = JsonInput.mapper().createObjectNode();
        int end = Math.min(cves.size(), start + size);
        root.put("resultsPerPage", Math.max(0, end - start));
        root.put("startIndex", start);
        root.put("totalResults", cves.size());
        root.put("format", "NVD_CVE");
        root.put("version", "2.0");
        root.put("timestamp", "2023-11-10T08:41:24.983");
        ArrayNode v = root.putArray("vulnerabilities");
        for (int i = start; i < end; i++) {
            v.add(cves.get(i));
        }
        return JsonInput.mapper().writeValueAsBytes(root);
    }

    FeedConfig.Builder config() {
        return SyncFixtures.config().nvdUrl(server.base() + PATH).nvdPageSize(3);
    }

    FeedResult run(FeedConfig cfg) {
        return SyncFixtures.sync(cfg, mirror, time).run(List.of("nvd")).get(0);
    }

    @Test
    void fullSync_pagesThroughEveryPageWithTheApiKeyHeader_andEveryPageImports() throws IOException {
        FeedResult r = run(config().nvdApiKey("secret-key").build());

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.UPDATED);
        assertThat(r.fetched()).isEqualTo(3);
        List<FixtureServer.Hit> hits = server.hits(PATH);
        assertThat(hits).extracting(h -> h.param("startIndex")).containsExactly("0", "3", "6");
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.param("resultsPerPage")).isEqualTo("3");
            assertThat(h.header("apiKey")).isEqualTo("secret-key");
            assertThat(h.param("lastModStartDate")).isNull();
            assertThat(h.query()).doesNotContain("secret-key");
        });
        assertThat(SyncFixtures.files(mirror.resolve("nvd")))
                .containsExactly("full/cves-000000000.json", "full/cves-000000003.json", "full/cves-000000006.json");
        SyncFixtures.Counts c = SyncFixtures.read(mirror);
        assertThat(c.advisories).hasSize(8);
        assertThat(c.skipped).isEmpty();
        assertThat(time.sleeps()).isEmpty();
        String state = Files.readString(mirror.resolve(FeedState.FILE));
        assertThat(state).doesNotContain("secret-key");
        assertThat(FeedState.load(mirror).lastSuccess("nvd")).contains(START);
    }

    @Test
    void withoutApiKey_staysWithinFiveRequestsPerThirtySeconds() {
        FeedResult r = run(config().nvdPageSize(1).build());

        assertThat(r.fetched()).isEqualTo(8);
        assertThat(server.hits(PATH)).hasSize(8);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void withApiKey_fiftyRequestsFitInTheWindow() {
        FeedResult r = run(config().nvdPageSize(1).nvdApiKey("k").build());

        assertThat(r.fetched()).isEqualTo(8);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void laterSync_asksForLastModWindowsOfAtMost120Days() {
        FeedConfig cfg = config().nvdApiKey("k").build();
        run(cfg);
        server.clearHits();
        time.advance(Duration.ofDays(200));

        FeedResult r = run(cfg);

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.UPDATED);
        List<FixtureServer.Hit> hits = server.hits(PATH);
        assertThat(hits).hasSize(6);
        assertThat(hits).extracting(h -> h.param("lastModStartDate") + " " + h.param("lastModEndDate")).containsExactly(
                "2025-06-01T00:00:00.000+00:00 2025-09-29T00:00:00.000+00:00",
                "2025-06-01T00:00:00.000+00:00 2025-09-29T00:00:00.000+00:00",
                "2025-06-01T00:00:00.000+00:00 2025-09-29T00:00:00.000+00:00",
                "2025-09-29T00:00:00.000+00:00 2025-12-18T00:00:00.000+00:00",
                "2025-09-29T00:00:00.000+00:00 2025-12-18T00:00:00.000+00:00",
                "2025-09-29T00:00:00.000+00:00 2025-12-18T00:00:00.000+00:00");
        assertThat(hits.get(0).query()).contains("lastModStartDate=2025-06-01T00%3A00%3A00.000%2B00%3A00");
        for (FixtureServer.Hit h : hits) {
            Instant from = FeedConfig.parseTime(h.param("lastModStartDate"));
            Instant to = FeedConfig.parseTime(h.param("lastModEndDate"));
            assertThat(Duration.between(from, to)).isLessThanOrEqualTo(Duration.ofDays(120));
        }
        assertThat(SyncFixtures.files(mirror.resolve("nvd/updates"))).containsExactly(
                "20250601T000000Z_20250929T000000Z/cves-000000000.json",
                "20250601T000000Z_20250929T000000Z/cves-000000003.json",
                "20250601T000000Z_20250929T000000Z/cves-000000006.json",
                "20250929T000000Z_20251218T000000Z/cves-000000000.json",
                "20250929T000000Z_20251218T000000Z/cves-000000003.json",
                "20250929T000000Z_20251218T000000Z/cves-000000006.json");
        assertThat(SyncFixtures.read(mirror.resolve("nvd")).advisories).hasSize(24);

        server.clearHits();
        FeedResult again = run(cfg);
        assertThat(again.outcome()).isEqualTo(FeedResult.Outcome.UNCHANGED);
        assertThat(server.hits(PATH)).isEmpty();
    }

    @Test
    void tooManyRequests_waitsAsRetryAfterSays_thenSucceeds() {
        FixtureServer.Handler normal = (ex, hit) -> FixtureServer.send(ex, 200,
                page(Integer.parseInt(hit.param("startIndex")), 3), Map.of());
        server.sequence(PATH, (ex, hit) -> FixtureServer.send(ex, 429, null, Map.of("Retry-After", "7")),
                normal);

        FeedResult r = run(config().nvdApiKey("k").build());

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.UPDATED);
        assertThat(r.fetched()).isEqualTo(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(server.hits(PATH)).hasSize(4);
    }

    @Test
    void serverKeepsFailing_givesUpAfterMaxAttempts_andRecordsTheError() {
        server.status(PATH, 503);

        FeedResult r = run(config().nvdApiKey("k").build());

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("gave up after 3 attempts", "HTTP 503");
        assertThat(server.hits(PATH)).hasSize(3);
        assertThat(time.sleeps()).hasSize(2);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(time.sleeps().get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(FeedState.load(mirror).lastError("nvd")).get().asString().contains("HTTP 503");
        assertThat(SyncFixtures.files(mirror.resolve("nvd"))).isEmpty();
    }

    @Test
    void interruptedSync_continuesFromTheLastCompletedPage() {
        failAtIndex3.set(true);
        FeedConfig cfg = config().nvdApiKey("k").build();

        FeedResult first = run(cfg);

        assertThat(first.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
        assertThat(SyncFixtures.files(mirror.resolve("nvd"))).containsExactly("full/cves-000000000.json");
        assertThat(SyncFixtures.allFiles(mirror)).noneMatch(f -> f.contains(".part-"));

        failAtIndex3.set(false);
        server.clearHits();
        time.advance(Duration.ofHours(1));
        FeedResult second = run(cfg);

        assertThat(second.outcome()).isEqualTo(FeedResult.Outcome.UPDATED);
        assertThat(server.hits(PATH)).extracting(h -> h.param("startIndex")).containsExactly("3", "6");
        assertThat(SyncFixtures.read(mirror).advisories).hasSize(8);
        FeedState state = FeedState.load(mirror);
        assertThat(state.cursor("nvd", "watermark")).isEqualTo(START.toString());
        assertThat(state.cursor("nvd", "mode")).isNull();
    }

    @Test
    void spentTimeBudget_stopsAtASavedPage_andTheNextRunContinues() {
        FeedConfig cfg = config().nvdPageSize(1).sourceTimeout(Duration.ofSeconds(10)).build();

        FeedResult first = run(cfg);

        assertThat(first.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
        assertThat(first.errors()).singleElement().asString().contains("time budget", "run the sync again");
        assertThat(first.fetched()).isEqualTo(5);
        assertThat(time.sleeps()).isEmpty();
        assertThat(FeedState.load(mirror).cursor("nvd", "next")).isEqualTo("5");

        server.clearHits();
        FeedResult second = run(config().nvdPageSize(1).nvdApiKey("k").build());

        assertThat(second.outcome()).isEqualTo(FeedResult.Outcome.UPDATED);
        assertThat(server.hits(PATH)).extracting(h -> h.param("startIndex")).containsExactly("5", "6", "7");
        assertThat(SyncFixtures.read(mirror).advisories).hasSize(8);
    }

    @Test
    void emptyPageBeforeTheTotal_failsWithoutMovingThePosition() {
        server.route(PATH, (ex, hit) -> {
            int start = Integer.parseInt(hit.param("startIndex"));
            FixtureServer.send(ex, 200, start == 3 ? page(99, 3) : page(start, 3), Map.of());
        });

        FeedResult r = run(config().nvdApiKey("k").build());

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("empty page at startIndex 3 of 8");
        assertThat(FeedState.load(mirror).cursor("nvd", "next")).isEqualTo("3");
        assertThat(FeedState.load(mirror).cursor("nvd", "watermark")).isNull();
    }
}
