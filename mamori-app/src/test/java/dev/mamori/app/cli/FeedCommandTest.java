package dev.mamori.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FeedCommandTest {
    @TempDir
    Path tmp;

    HttpServer server;
    String base;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MamoriCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() throws IOException {
        byte[] kev = resource("/feeds/kev/kev-subset.json");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(resource("/feeds/epss/vunnel-fixture-example-1.csv"));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/kev.json", ex -> send(ex, kev));
        server.createContext("/epss_scores-current.csv.gz", ex -> send(ex, gz.toByteArray()));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    static void send(com.sun.net.httpserver.HttpExchange ex, byte[] body) throws IOException {
        ex.getRequestBody().readAllBytes();
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = FeedCommandTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void feedSync_kevAndEpss_exits0AndReportsEachSource() {
        Run r = run("feed", "sync", "--source", "kev,epss", "--mirror", tmp.resolve("m").toString(),
                "--url", "kev=" + base + "/kev.json", "--url", "epss=" + base + "/epss_scores-current.csv.gz");

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("kev   updated   fetched 1 file", "epss  updated   fetched 1 file");
        assertThat(tmp.resolve("m/kev/kev.json")).exists();
        assertThat(tmp.resolve("m/epss/epss_scores-current.csv.gz")).exists();
    }

    @Test
    void feedSync_withoutMirror_usesTheDataDirectory() {
        Run r = run("feed", "sync", "--source", "kev", "--data-dir", tmp.toString(), "--url", "kev=" + base
                + "/kev.json");

        assertThat(r.code()).isZero();
        assertThat(tmp.resolve("feeds/kev/kev.json")).exists();
        assertThat(Files.exists(tmp.resolve("feeds/.feed-state.json"))).isTrue();
    }

    @Test
    void feedSync_aSourceFails_exits1AndSaysWhy() {
        Run r = run("feed", "sync", "--source", "kev", "--mirror", tmp.toString(), "--url", "kev=" + base + "/no.json");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("kev   failed", "error: " + base + "/no.json: HTTP 404");
    }

    @Test
    void feedSync_csafSignaturePolicy_isCheckedAndPinnedKeysAreRead() {
        Run bad = run("feed", "sync", "--source", "csaf", "--mirror", tmp.toString(), "--csaf-signatures", "maybe",
                "--url", "csaf=" + base + "/provider-metadata.json");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--csaf-signatures is verify, require or off, not 'maybe'");

        Path missing = tmp.resolve("no-such-key.asc");
        Run noKey = run("feed", "sync", "--source", "csaf", "--mirror", tmp.toString(), "--csaf-key",
                missing.toString(), "--url", "csaf=" + base + "/provider-metadata.json");
        assertThat(noKey.code()).isEqualTo(1);
        assertThat(noKey.out()).contains("csaf  failed", "--csaf-key " + missing + ": cannot be read");
    }

    @Test
    void feedSync_csafWithoutProvider_isSkippedNotFailed() {
        Run r = run("feed", "sync", "--source", "csaf", "--mirror", tmp.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("csaf  skipped", "note: no CSAF provider configured");
    }

    @Test
    void feedSync_unknownSource_exits2() {
        Run r = run("feed", "sync", "--source", "ghsa", "--mirror", tmp.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown source 'ghsa'");
    }

    @Test
    void feedSync_malformedUrlOption_exits2() {
        assertThat(run("feed", "sync", "--url", "kev", "--mirror", tmp.toString()).err())
                .contains("--url wants SOURCE=URL");
        Run r = run("feed", "sync", "--url", "kev=ftp://example.org/x", "--mirror", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not an http(s) URL");
        assertThat(run("feed", "sync", "--url", "ghsa=http://x", "--mirror", tmp.toString()).code()).isEqualTo(2);
    }

    @Test
    void feedSync_badSince_exits2() {
        Run r = run("feed", "sync", "--since", "last tuesday", "--mirror", tmp.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--since: 'last tuesday'");
    }

    @Test
    void feed_withoutSubcommand_printsUsage() {
        Run r = run("feed");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("sync");
    }

    @Test
    void dbSync_fetchesThenImportsOnlyWhatChanged() {
        String data = tmp.resolve("data").toString();
        String[] args = {"db", "sync", "--data-dir", data, "--source", "kev,epss",
                "--url", "kev=" + base + "/kev.json", "--url", "epss=" + base + "/epss_scores-current.csv.gz"};
        Run first = run(args);
        assertThat(first.err()).isEmpty();
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("kev   updated   fetched 1 file", "Imported 2 files");
        assertThat(tmp.resolve("data/feeds/kev/kev.json")).exists();

        Run status = run("db", "status", "--data-dir", data, "--format", "json");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("\"kev\"", "\"epss\"");

        // the server serves the same bytes again: the files are rewritten only when they changed, and the import
        // of identical records changes nothing
        Run second = run(args);
        assertThat(second.code()).isZero();
        assertThat(second.out()).containsAnyOf("Nothing new to import.", " 0 added, 0 updated");
    }
}
