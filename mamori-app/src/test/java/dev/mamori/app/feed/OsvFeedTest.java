package dev.mamori.app.feed;

import static dev.mamori.app.feed.SyncFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class OsvFeedTest {
    static final List<String> FIRST = List.of("GO-2022-0647", "GO-2023-1681", "GO-2024-2752");
    static final String CSV_V1 = """
            2024-05-01T00:00:00Z,GO-2024-2752
            2023-04-01T00:00:00Z,GO-2023-1681
            2022-07-01T00:00:00Z,GO-2022-0647
            """;
    static final String CSV_V2 = """
            2025-05-02T10:00:00.123Z,GO-2026-4730
            2025-05-01T00:00:00Z,GO-2023-1681
            2024-05-01T00:00:00Z,GO-2024-2752
            2022-07-01T00:00:00Z,GO-2022-0647
            """;

    @TempDir
    Path mirror;

    FixtureServer server;
    FakeTime time;

    @BeforeEach
    void setUp() {
        server = new FixtureServer();
        time = new FakeTime(START);
        for (String id : List.of("GO-2022-0647", "GO-2023-1681", "GO-2024-2752", "GO-2026-4730")) {
            server.file("/osv/Go/" + id + ".json", SyncFixtures.resource("osv/" + id + ".json"));
        }
        server.file("/osv/Go/all.zip", zipOf(FIRST), "\"zip-1\"", null);
        server.file("/osv/Go/modified_id.csv", CSV_V1.getBytes(StandardCharsets.UTF_8), "\"csv-1\"", null);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    static byte[] zipOf(List<String> ids) {
        return SyncFixtures.zip(ids.stream().map(id -> id + ".json").toList(),
                ids.stream().map(id -> SyncFixtures.resource("osv/" + id + ".json")).toList());
    }

    FeedConfig.Builder config() {
        return SyncFixtures.config().osvBase(server.base() + "/osv").osvEcosystems(List.of("Go"));
    }

    FeedResult run(FeedConfig cfg) {
        return SyncFixtures.sync(cfg, mirror, time).run(List.of("osv")).get(0);
    }

    @Test
    void firstSync_downloadsTheArchive_thenOnlyModifiedRecords_thenNothing() {
        FeedConfig cfg = config().build();

        FeedResult first = run(cfg);

        assertThat(first.outcome()).isEqualTo(FeedResult.Outcome.UPDATED);
        assertThat(SyncFixtures.files(mirror.resolve("osv"))).containsExactly("Go/all.zip");
        assertThat(SyncFixtures.read(mirror).advisories).hasSize(3);
        assertThat(FeedState.load(mirror).cursor("osv", "watermark.Go")).isEqualTo("2024-05-01T00:00:00Z");

        server.file("/osv/Go/modified_id.csv", CSV_V2.getBytes(StandardCharsets.UTF_8), "\"csv-2\"", null);
        server.clearHits();
        FeedResult second = run(cfg);

        assertThat(second.outcome()).isEqualTo(FeedResult.Outcome.UPDATED);
        assertThat(second.fetched()).isEqualTo(2);
        assertThat(server.hits()).extracting(FixtureServer.Hit::path).containsExactly(
                "/osv/Go/modified_id.csv", "/osv/Go/GO-2023-1681.json", "/osv/Go/GO-2026-4730.json");
        assertThat(server.hits("/osv/Go/modified_id.csv").get(0).header("If-None-Match")).isEqualTo("\"csv-1\"");
        assertThat(SyncFixtures.files(mirror.resolve("osv"))).containsExactly(
                "Go/all.zip", "Go/updates/GO-2023-1681.json", "Go/updates/GO-2026-4730.json");
        SyncFixtures.Counts c = SyncFixtures.read(mirror);
        assertThat(c.advisories).hasSize(5);
        assertThat(c.skipped).isEmpty();
        assertThat(c.advisories).extracting(a -> a.id()).contains("GO-2026-4730");
        assertThat(FeedState.load(mirror).cursor("osv", "watermark.Go")).isEqualTo("2025-05-02T10:00:00.123Z");

        server.clearHits();
        FeedResult third = run(cfg);

        assertThat(third.outcome()).isEqualTo(FeedResult.Outcome.UNCHANGED);
        assertThat(third.fetched()).isZero();
        assertThat(server.hits()).extracting(FixtureServer.Hit::path).containsExactly("/osv/Go/modified_id.csv");
    }

    @Test
    void moreChangesThanTheLimit_downloadsTheWholeArchiveAgain() {
        FeedConfig cfg = config().osvIncrementalLimit(1).build();
        run(cfg);
        server.file("/osv/Go/modified_id.csv", CSV_V2.getBytes(StandardCharsets.UTF_8), "\"csv-2\"", null);
        server.file("/osv/Go/all.zip", zipOf(List.of("GO-2022-0647", "GO-2023-1681", "GO-2024-2752",
                "GO-2026-4730")), "\"zip-2\"", null);
        server.clearHits();

        FeedResult r = run(cfg);

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.UPDATED);
        assertThat(r.notes()).anyMatch(n -> n.contains("more than 1 records changed"));
        assertThat(server.hits("/osv/Go/GO-2026-4730.json")).isEmpty();
        assertThat(server.hits("/osv/Go/all.zip").get(0).header("If-None-Match")).isEqualTo("\"zip-1\"");
        assertThat(SyncFixtures.files(mirror.resolve("osv"))).containsExactly("Go/all.zip");
        assertThat(SyncFixtures.read(mirror).advisories).hasSize(4);
    }

    @Test
    void ecosystemNameWithASpace_isEncodedInTheUrl_andMadeSafeInTheMirror() {
        server.file("/osv/Rocky Linux/all.zip", zipOf(FIRST));
        server.file("/osv/Rocky Linux/modified_id.csv", CSV_V1.getBytes(StandardCharsets.UTF_8));

        FeedResult r = run(config().osvEcosystems(List.of("Rocky Linux")).build());

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.UPDATED);
        assertThat(server.hits("/osv/Rocky Linux/all.zip")).hasSize(1);
        assertThat(SyncFixtures.files(mirror.resolve("osv"))).containsExactly("Rocky_Linux/all.zip");
    }

    @Test
    void truncatedArchive_isRefused_andNothingIsWritten() {
        byte[] zip = zipOf(FIRST);
        server.file("/osv/Go/all.zip", Arrays.copyOf(zip, zip.length / 2));

        FeedResult r = run(config().build());

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
        assertThat(r.refused()).isEqualTo(1);
        assertThat(r.errors()).singleElement().asString().contains("all.zip", "not written");
        assertThat(SyncFixtures.files(mirror.resolve("osv"))).isEmpty();
        assertThat(FeedState.load(mirror).cursor("osv", "watermark.Go")).isNull();
    }

    @Test
    void unknownEcosystem_failsThatEcosystemOnly() {
        FeedResult r = run(config().osvEcosystems(List.of("Nope", "Go")).build());

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("Nope", "404");
        assertThat(SyncFixtures.files(mirror.resolve("osv"))).containsExactly("Go/all.zip");
    }
}
