package dev.mamori.app.feed;

import static dev.mamori.app.feed.SyncFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JvnFeedTest {
    static final byte[] DETAIL_2022 = SyncFixtures.resource("jvn/jvndb_detail_2022.rdf");

    @TempDir
    Path mirror;

    FixtureServer server;
    FakeTime time;
    /** The ids the overview list reports, served at most 3 per page. */
    List<String> listed = new ArrayList<>(List.of("JVNDB-2025-000000", "JVNDB-2025-002953", "JVNDB-2025-002884"));
    final Set<String> failingDetails = ConcurrentHashMap.newKeySet();
    String apiError;

    @BeforeEach
    void setUp() throws Exception {
        server = new FixtureServer();
        time = new FakeTime(START);
        server.file("/jvn/feed/detail/jvndb_detail_2022.rdf", DETAIL_2022);
        checksums(sha256(DETAIL_2022), DETAIL_2022.length);
        server.route("/myjvn", (ex, hit) -> {
            byte[] body = switch (hit.param("method")) {
                case "getVulnOverviewList" -> overview(Integer.parseInt(hit.param("startItem")),
                        Integer.parseInt(hit.param("maxCountItem")));
                case "getVulnDetailInfo" -> {
                    if (failingDetails.contains(hit.param("vulnId"))) {
                        FixtureServer.send(ex, 503, null, Map.of());
                        yield null;
                    }
                    yield detail(hit.param("vulnId"));
                }
                default -> throw new IllegalArgumentException(hit.query());
            };
            if (body != null) {
                FixtureServer.send(ex, 200, body, Map.of("Content-Type", "application/json"));
            }
        });
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    void checksums(String sha, long size) throws IOException {
        ArrayNode list = JsonInput.mapper().createArrayNode();
        ObjectNode rss = list.addObject();
        rss.put("url", "https://jvndb.jvn.jp/ja/rss/jvndb.rdf");
        rss.put("filename", "jvndb.rdf");
        rss.put("sha256", "1a1bb84550200b7fdb1e37e78b499a215d9c8a9f6df329276a520f84b3e96b5e");
        rss.put("size", 517125);
        rss.put("lastModified", "2025/05/31 12:00:04");
        ObjectNode detail = list.addObject();
        detail.put("url", "https://jvndb.jvn.jp/ja/feed/detail/jvndb_detail_2022.rdf");
        detail.put("filename", "jvndb_detail_2022.rdf");
        detail.put("sha256", sha);
        detail.put("size", size);
        detail.put("lastModified", "2025/05/30 09:15:44");
        server.file("/jvn/feed/checksum.txt", JsonInput.mapper().writeValueAsBytes(list), "\"sums-" + sha + "\"",
                null);
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** The real getVulnOverviewList example with the listed ids, paged 3 at a time like a capped server. */
    byte[] overview(int startItem, int maxCountItem) throws IOException {
        ObjectNode root = (ObjectNode) JsonInput.mapper().readTree(
                SyncFixtures.resource("jvn/getVulnOverviewList_oka.json"));
        ObjectNode status = (ObjectNode) root.path("status");
        if (apiError != null) {
            status.put("retCd", 1);
            status.put("errCd", "E101");
            status.put("errMsg", apiError);
            ((ObjectNode) root.path("feed")).putArray("entry");
            return JsonInput.mapper().writeValueAsBytes(root);
        }
        ArrayNode template = (ArrayNode) root.path("feed").path("entry");
        ArrayNode entries = JsonInput.mapper().createArrayNode();
        int from = startItem - 1;
        int to = Math.min(listed.size(), from + Math.min(3, maxCountItem));
        for (int i = from; i < to; i++) {
            ObjectNode e = ((ObjectNode) template.get(i % template.size())).deepCopy();
            e.put("id", listed.get(i));
            entries.add(e);
        }
        ((ObjectNode) root.path("feed")).set("entry", entries);
        status.put("totalRes", listed.size());
        status.put("totalResRet", entries.size());
        status.put("firstRes", startItem);
        return JsonInput.mapper().writeValueAsBytes(root);
    }

    /** The real jvncsaf example, re-labelled with the asked-for id. */
    static byte[] detail(String id) throws IOException {
        ObjectNode root = (ObjectNode) JsonInput.mapper().readTree(
                SyncFixtures.resource("jvn/getVulnDetailInfo_oka_JVNDB-2022-000097.json"));
        ((ObjectNode) root.path("document").path("tracking")).put("id", id);
        ((ObjectNode) root.path("status")).put("vulnId", id);
        return JsonInput.mapper().writeValueAsBytes(root);
    }

    FeedConfig.Builder config() {
        return SyncFixtures.config().jvnFeedUrl(server.base() + "/jvn/feed/checksum.txt")
                .jvnApiUrl(server.base() + "/myjvn").jvnRequestsPerSecond(100);
    }

    FeedResult run(FeedConfig cfg) {
        return SyncFixtures.sync(cfg, mirror, time).run(List.of("jvn")).get(0);
    }

    @Test
    void firstSync_takesTheYearlyFeed_thenTheApiFromWhereTheFeedEnds() {
        FeedResult r = run(config().build());

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.UPDATED);
        assertThat(r.errors()).isEmpty();
        assertThat(SyncFixtures.files(mirror.resolve("jvn"))).containsExactly("feed/jvndb_detail_2022.rdf",
                "updates/JVNDB-2025-000000.json", "updates/JVNDB-2025-002884.json", "updates/JVNDB-2025-002953.json");
        List<FixtureServer.Hit> api = server.hits("/myjvn");
        assertThat(api.get(0).params()).containsAllEntriesOf(Map.of("method", "getVulnOverviewList", "feed", "oka",
                "lastModStartDate", "20250529", "lastModEndDate", "20250601", "startItem", "1",
                "maxCountItem", "50", "lang", "ja"));
        assertThat(api.subList(1, 4)).extracting(h -> h.param("method") + " " + h.param("vulnId")).containsExactly(
                "getVulnDetailInfo JVNDB-2025-000000", "getVulnDetailInfo JVNDB-2025-002953",
                "getVulnDetailInfo JVNDB-2025-002884");
        SyncFixtures.Counts feed = SyncFixtures.read(mirror.resolve("jvn/feed"));
        SyncFixtures.Counts updates = SyncFixtures.read(mirror.resolve("jvn/updates"));
        assertThat(feed.advisories).hasSize(2);
        assertThat(updates.advisories).hasSize(3);
        assertThat(updates.advisories).extracting(a -> a.id())
                .containsExactly("JVNDB-2025-000000", "JVNDB-2025-002884", "JVNDB-2025-002953");
        assertThat(SyncFixtures.read(mirror).skipped).isEmpty();
        assertThat(FeedState.load(mirror).cursor("jvn", "watermark")).isEqualTo("2025-06-01");
    }

    @Test
    void nextDay_unchangedFeedIs304_andTheApiAsksFromTheLastSyncDay() {
        run(config().build());
        server.clearHits();
        time.advance(Duration.ofDays(1));
        listed = List.of("JVNDB-2025-002953");

        FeedResult r = run(config().build());

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.UPDATED);
        assertThat(r.fetched()).isEqualTo(1);
        assertThat(server.hits("/jvn/feed/checksum.txt").get(0).header("If-None-Match")).startsWith("\"sums-");
        assertThat(server.hits("/jvn/feed/detail/jvndb_detail_2022.rdf")).isEmpty();
        assertThat(server.hits("/myjvn").get(0).params()).containsEntry("lastModStartDate", "20250601")
                .containsEntry("lastModEndDate", "20250602");
    }

    @Test
    void overviewPages_areFollowedUntilTotalRes() {
        listed = List.of("JVNDB-2025-000001", "JVNDB-2025-000002", "JVNDB-2025-000003", "JVNDB-2025-000004",
                "JVNDB-2025-000005");

        FeedResult r = run(config().build());

        assertThat(r.errors()).isEmpty();
        assertThat(server.hits("/myjvn").stream().filter(h -> h.param("method").equals("getVulnOverviewList")))
                .extracting(h -> h.param("startItem")).containsExactly("1", "4");
        assertThat(SyncFixtures.read(mirror.resolve("jvn/updates")).advisories).hasSize(5);
    }

    @Test
    void failedDetail_keepsThePage_andTheNextRunContinuesThere() {
        listed = List.of("JVNDB-2025-000001", "JVNDB-2025-000002", "JVNDB-2025-000003", "JVNDB-2025-000004",
                "JVNDB-2025-000005");
        failingDetails.add("JVNDB-2025-000005");

        FeedResult first = run(config().build());

        assertThat(first.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
        assertThat(first.errors()).singleElement().asString().contains("JVNDB-2025-000005", "HTTP 503");
        assertThat(FeedState.load(mirror).cursor("jvn", "api.next")).isEqualTo("4");

        failingDetails.clear();
        server.clearHits();
        FeedResult second = run(config().build());

        assertThat(second.outcome()).isEqualTo(FeedResult.Outcome.UPDATED);
        assertThat(server.hits("/jvn/feed/detail/jvndb_detail_2022.rdf")).isEmpty();
        assertThat(server.hits("/myjvn")).extracting(h -> h.param("startItem") + " " + h.param("vulnId"))
                .containsExactly("4 null", "null JVNDB-2025-000004", "null JVNDB-2025-000005");
        assertThat(SyncFixtures.read(mirror.resolve("jvn/updates")).advisories).hasSize(5);
        assertThat(FeedState.load(mirror).cursor("jvn", "api.next")).isNull();
    }

    @Test
    void yearlyFileWithAnotherSha256_isRefused_andTheApiWaits() throws Exception {
        checksums("00".repeat(32), DETAIL_2022.length);

        FeedResult r = run(config().build());

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
        assertThat(r.refused()).isEqualTo(1);
        assertThat(r.errors()).singleElement().asString().contains("SHA-256", "not written");
        assertThat(SyncFixtures.files(mirror.resolve("jvn"))).isEmpty();
        assertThat(server.hits("/myjvn")).isEmpty();
    }

    @Test
    void apiErrorStatus_failsWithTheApiMessage() {
        apiError = "invalid parameter";

        FeedResult r = run(config().build());

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("MyJVN API error E101", "invalid parameter");
    }

    @Test
    void withoutDataFeeds_theApiStartsAConfiguredNumberOfDaysBack() {
        FeedResult r = run(config().jvnFeedUrl("").jvnInitialDays(7).build());

        assertThat(r.errors()).isEmpty();
        assertThat(server.hits("/jvn/feed/checksum.txt")).isEmpty();
        assertThat(server.hits("/myjvn").get(0).params()).containsEntry("lastModStartDate", "20250525");
    }
}
