package dev.mamori.app.feed;

import static dev.mamori.app.feed.SyncFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SingleFileFeedTest {
    static final String LAST_MODIFIED = "Sat, 31 May 2025 12:00:00 GMT";

    @TempDir
    Path mirror;

    FixtureServer server;
    FakeTime time;

    @BeforeEach
    void setUp() {
        server = new FixtureServer();
        time = new FakeTime(START);
        server.file("/kev.json", SyncFixtures.resource("kev/kev-subset.json"), "\"kev-1\"", null);
        server.file("/epss/epss_scores-current.csv.gz",
                SyncFixtures.gzip(SyncFixtures.resource("epss/vunnel-fixture-example-1.csv")), null, LAST_MODIFIED);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    FeedConfig.Builder config() {
        return SyncFixtures.config().kevUrl(server.base() + "/kev.json")
                .epssUrl(server.base() + "/epss/epss_scores-current.csv.gz");
    }

    List<FeedResult> run(FeedConfig cfg, String... sources) {
        return SyncFixtures.sync(cfg, mirror, time).run(List.of(sources));
    }

    @Test
    void kevAndEpss_fetchedOnce_thenConditionalRequestsWriteNothing() throws IOException {
        FeedConfig cfg = config().build();

        List<FeedResult> first = run(cfg, "kev", "epss");

        assertThat(first).extracting(FeedResult::outcome)
                .containsExactly(FeedResult.Outcome.UPDATED, FeedResult.Outcome.UPDATED);
        assertThat(SyncFixtures.files(mirror)).containsExactly(
                "epss/epss_scores-current.csv.gz", "kev/kev.json");
        SyncFixtures.Counts c = SyncFixtures.read(mirror);
        assertThat(c.kev).hasSize(25);
        assertThat(c.epss).hasSize(5);
        assertThat(c.skipped).isEmpty();
        long kevModified = Files.getLastModifiedTime(mirror.resolve("kev/kev.json")).toMillis();

        server.clearHits();
        List<FeedResult> second = run(cfg, "kev", "epss");

        assertThat(second).extracting(FeedResult::outcome)
                .containsExactly(FeedResult.Outcome.UNCHANGED, FeedResult.Outcome.UNCHANGED);
        assertThat(second).allSatisfy(r -> assertThat(r.unchanged()).isEqualTo(1));
        assertThat(server.hits("/kev.json").get(0).header("If-None-Match")).isEqualTo("\"kev-1\"");
        assertThat(server.hits("/epss/epss_scores-current.csv.gz").get(0).header("If-Modified-Since"))
                .isEqualTo(LAST_MODIFIED);
        assertThat(Files.getLastModifiedTime(mirror.resolve("kev/kev.json")).toMillis()).isEqualTo(kevModified);
    }

    @Test
    void htmlPageServedWith200_isRefused_andTheGoodCopyStays() {
        FeedConfig cfg = config().build();
        run(cfg, "kev");
        server.file("/kev.json", "<html><body>Maintenance</body></html>".getBytes(StandardCharsets.UTF_8),
                "\"kev-2\"", null);

        FeedResult r = run(cfg, "kev").get(0);

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
        assertThat(r.refused()).isEqualTo(1);
        assertThat(r.errors()).singleElement().asString().contains("expected KEV", "not written");
        assertThat(SyncFixtures.read(mirror).kev).hasSize(25);
        assertThat(SyncFixtures.allFiles(mirror)).noneMatch(f -> f.contains(".part-"));
    }

    @Test
    void connectionDroppedMidBody_isRetried_thenGivenUp_withoutAPartialFile() throws Exception {
        byte[] kev = SyncFixtures.resource("kev/kev-subset.json");
        try (ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread dropper = new Thread(() -> {
                for (int i = 0; i < 3; i++) {
                    try (Socket s = socket.accept()) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                                StandardCharsets.ISO_8859_1));
                        String line;
                        while ((line = in.readLine()) != null && !line.isEmpty()) {
                            // the request head
                        }
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + kev.length + "\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                        out.write(kev, 0, 100);
                        out.flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            dropper.start();

            FeedResult r = run(config().kevUrl("http://127.0.0.1:" + socket.getLocalPort() + "/kev.json").build(),
                    "kev").get(0);
            dropper.join(10_000);

            assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
            assertThat(r.errors()).singleElement().asString().contains("gave up after 3 attempts");
            assertThat(time.sleeps()).hasSize(2);
            assertThat(SyncFixtures.allFiles(mirror)).noneMatch(f -> f.startsWith("kev/"));
        }
    }

    @Test
    void anotherUrl_replacesTheFileUnderTheOldName() {
        run(config().build(), "kev");
        server.file("/mirror/known_exploited_vulnerabilities.json", SyncFixtures.resource("kev/kev-subset.json"));

        run(config().kevUrl(server.base() + "/mirror/known_exploited_vulnerabilities.json").build(), "kev");

        assertThat(SyncFixtures.files(mirror.resolve("kev")))
                .containsExactly("known_exploited_vulnerabilities.json");
    }

    @Test
    void missingFile_fails() {
        FeedResult r = run(config().kevUrl(server.base() + "/gone.json").build(), "kev").get(0);

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("404");
    }
}
