package dev.mamori.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.store.Database;
import dev.mamori.store.DatabaseKind;
import dev.mamori.store.DatabaseSettings;
import dev.mamori.store.portfolio.FindingData;
import dev.mamori.store.portfolio.FindingRepository;
import dev.mamori.store.portfolio.ProductData;
import dev.mamori.store.portfolio.ProductRepository;
import dev.mamori.store.portfolio.ReleaseData;
import dev.mamori.store.portfolio.ReleaseRepository;
import dev.mamori.store.portfolio.TriageResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * End-to-end benchmarks of the portfolio server (issue 8), numbers in docs/benchmarks.md. Not part of the test run
 * (the name does not end in Test); run one explicitly:
 *
 * <pre>./mvnw -q -B -o test -pl mamori-app -am -Dtest='PortfolioBenchmark#uploadToFindings*' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * It lives with the app's tests because it starts the real server; mamori-bench depends on the core only.
 */
final class PortfolioBenchmark {
    static final Random RANDOM = new Random(8);
    static final List<String> SEVERITIES = List.of("unknown", "none", "low", "medium", "high", "critical");

    @TempDir
    Path tmp;

    /** A CycloneDX 1.6 JSON SBOM of n Maven components (version 1.(i%10).0 of artifact-i). */
    static byte[] sbom(int n) {
        StringBuilder b = new StringBuilder(n * 200);
        b.append("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"metadata\":{\"component\":")
                .append("{\"type\":\"application\",\"name\":\"bench\",\"version\":\"1\"}},\"components\":[");
        for (int i = 0; i < n; i++) {
            String g = "org.bench.g" + (i % 50);
            String v = "1." + (i % 10) + ".0";
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"type\":\"library\",\"bom-ref\":\"c").append(i).append("\",\"group\":\"").append(g)
                    .append("\",\"name\":\"artifact-").append(i).append("\",\"version\":\"").append(v)
                    .append("\",\"purl\":\"pkg:maven/").append(g).append("/artifact-").append(i).append('@').append(v)
                    .append("\",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"").append("%064x".formatted(i))
                    .append("\"}],\"licenses\":[{\"license\":{\"id\":\"Apache-2.0\"}}]}");
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** OSV advisories as JSON lines: two per fifth artifact (of n), affecting versions below 1.5.0. */
    static void advisories(Path file, int n) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < n; i += 5) {
                for (int k = 0; k < 2; k++) {
                    String id = "BENCH-" + i + "-" + k;
                    w.write("{\"schema_version\":\"1.6.0\",\"id\":\"" + id + "\",\"aliases\":[\"CVE-2099-" + (10000 + i * 2 + k)
                            + "\"],\"modified\":\"2024-01-01T00:00:00Z\",\"summary\":\"benchmark advisory\",\"severity\":[{\"type\":"
                            + "\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:" + (k == 0 ? "H" : "N") + "\"}],"
                            + "\"affected\":[{\"package\":{\"ecosystem\":\"Maven\",\"name\":\"org.bench.g" + (i % 50) + ":artifact-" + i
                            + "\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"1.5.0\"}]}]}]}\n");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void uploadToFindings_10000Components(DatabaseKind kind) throws Exception {
        int n = 10_000;
        Path adv = tmp.resolve("advisories");
        advisories(adv.resolve("bench.jsonl"), n);
        byte[] sbom = sbom(n);
        try (TestServer s = TestServer.start(kind, tmp, "--mamori.advisories.dir=" + adv, "--mamori.analysis.poll-interval=20ms")) {
            System.out.printf("[bench] %s: %d advisories loaded, SBOM %d bytes%n", kind, s.get("/api/v1/advisories").json()
                    .path("advisories").asInt(), sbom.length);
            long product = s.post("/api/v1/products", Map.of("name", "bench")).json().path("id").asLong();
            for (int run = 0; run < 4; run++) {
                long release = s.post("/api/v1/products/" + product + "/releases", Map.of("version", "r" + run)).json().path("id").asLong();
                long t0 = System.nanoTime();
                TestServer.Answer up = s.upload("/api/v1/releases/" + release + "/sbom", sbom, "application/vnd.cyclonedx+json");
                long t1 = System.nanoTime();
                JsonNode job = await(s, release);
                long t2 = System.nanoTime();
                long findings = s.get("/api/v1/releases/" + release + "/findings?limit=1").json().path("total").asLong();
                System.out.printf("[bench] %s run %d: upload %d (%d components) %.0f ms, upload-to-findings %.0f ms "
                                + "(analysis %d ms), %d findings%n", kind, run, up.status(), up.json().path("sbom").path("componentCount").asInt(),
                        (t1 - t0) / 1e6, (t2 - t0) / 1e6, job.path("result").path("millis").asLong(), findings);
            }
        }
    }

    /**
     * The reaction path: 50 releases of 2,000 components each (100,000 components), analysed; then one new advisory
     * for a package that 10 of them use is dropped into the advisory directory. Measured from the refresh request to
     * the moment all 10 releases list the new finding, and how many releases were re-analysed (only the 10 should be).
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void reactionToANewAdvisory_50Releases(DatabaseKind kind) throws Exception {
        int releases = 50;
        int n = 2_000;
        Path adv = tmp.resolve("advisories");
        advisories(adv.resolve("bench.jsonl"), n);
        try (TestServer s = TestServer.start(kind, tmp, "--mamori.advisories.dir=" + adv, "--mamori.analysis.poll-interval=20ms")) {
            long product = s.post("/api/v1/products", Map.of("name", "bench")).json().path("id").asLong();
            List<Long> ids = new java.util.ArrayList<>();
            long setup = System.nanoTime();
            for (int r = 0; r < releases; r++) {
                long release = s.post("/api/v1/products/" + product + "/releases", Map.of("version", "r" + r)).json().path("id").asLong();
                // every fifth release carries artifact-1 at 1.1.0: the package the new advisory names
                byte[] sbom = sbom(n);
                if (r % 5 != 0) {
                    sbom = new String(sbom, StandardCharsets.UTF_8).replace("org.bench.g1/artifact-1@", "org.bench.g1/artifact-1x@")
                            .replace("\"name\":\"artifact-1\"", "\"name\":\"artifact-1x\"").getBytes(StandardCharsets.UTF_8);
                }
                s.upload("/api/v1/releases/" + release + "/sbom", sbom, "application/vnd.cyclonedx+json");
                ids.add(release);
            }
            for (long id : ids) {
                await(s, id);
            }
            System.out.printf("[bench] %s: %d releases x %d components uploaded and analysed in %.1f s%n", kind, releases, n,
                    (System.nanoTime() - setup) / 1e9);
            long jobsBefore = 0;
            for (long id : ids) {
                jobsBefore += s.get("/api/v1/releases/" + id + "/analysis").json().size();
            }
            Files.writeString(adv.resolve("new.json"), "{\"schema_version\":\"1.6.0\",\"id\":\"BENCH-NEW\",\"aliases\":"
                    + "[\"CVE-2099-99999\"],\"modified\":\"2026-11-25T00:00:00Z\",\"affected\":[{\"package\":{\"ecosystem\":"
                    + "\"Maven\",\"name\":\"org.bench.g1:artifact-1\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":"
                    + "[{\"introduced\":\"0\"},{\"fixed\":\"9.0.0\"}]}]}]}");
            long t0 = System.nanoTime();
            JsonNode refreshed = s.post("/api/v1/advisories/refresh", Map.of()).json();
            long t1 = System.nanoTime();
            List<Long> affected = new java.util.ArrayList<>();
            for (int r = 0; r < releases; r += 5) {
                affected.add(ids.get(r));
            }
            for (long id : affected) {
                while (s.get("/api/v1/releases/" + id + "/findings?vulnerability=CVE-2099-99999").json().path("total").asLong() == 0) {
                    Thread.sleep(10);
                }
            }
            long t2 = System.nanoTime();
            long jobsAfter = 0;
            for (long id : ids) {
                jobsAfter += s.get("/api/v1/releases/" + id + "/analysis").json().size();
            }
            System.out.printf("[bench] %s: new advisory -> refresh answered in %.0f ms (%d releases queued), all %d affected "
                            + "releases list the finding after %.0f ms; analyses run: %d%n", kind, (t1 - t0) / 1e6,
                    refreshed.path("releasesQueued").asInt(), affected.size(), (t2 - t0) / 1e6, jobsAfter - jobsBefore);
        }
    }

    private static JsonNode await(TestServer s, long release) throws InterruptedException {
        while (true) {
            JsonNode jobs = s.get("/api/v1/releases/" + release + "/analysis").json();
            if (jobs.size() > 0 && jobs.get(0).path("state").asText().equals("done")) {
                return jobs.get(0);
            }
            if (jobs.size() > 0 && jobs.get(0).path("state").asText().equals("failed")) {
                throw new AssertionError(jobs.toString());
            }
            Thread.sleep(10);
        }
    }

    /** 1,000 releases × 1,000 findings in the store, then the findings list over HTTP. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void findingsList_1000Releases_1000000Findings(DatabaseKind kind) throws Exception {
        Path dataDir = tmp.resolve("data");
        DatabaseSettings settings = kind == DatabaseKind.SQLITE ? DatabaseSettings.sqlite(dataDir) : TestServer.freshPostgres();
        int releases = 1000;
        int perRelease = 1000;
        long target = 0;
        long t0 = System.nanoTime();
        try (Database db = Database.open(settings)) {
            ProductRepository products = new ProductRepository(db);
            ReleaseRepository rels = new ReleaseRepository(db);
            FindingRepository findings = new FindingRepository(db);
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            for (int p = 0; p < 10; p++) {
                long product = products.create(new ProductData("product-" + p, null, null, List.of(), null), now).id();
                for (int r = 0; r < releases / 10; r++) {
                    long release = rels.create(product, new ReleaseData("v" + r, null, null), now).id();
                    if (p == 3 && r == 50) {
                        target = release;
                    }
                    List<FindingData> data = new ArrayList<>(perRelease);
                    for (int i = 0; i < perRelease; i++) {
                        String pkg = "org.bench.g" + (i % 50) + ":artifact-" + i;
                        String vuln = "CVE-2099-" + (10000 + RANDOM.nextInt(20000));
                        int sev = RANDOM.nextInt(6);
                        data.add(new FindingData(null, "maven:" + pkg + "@1." + (i % 10) + ".0", "artifact-" + i, "1." + (i % 10) + ".0",
                                "pkg:maven/" + pkg.replace(':', '/') + "@1." + (i % 10) + ".0", "maven", pkg, vuln, List.of("GHSA-bench-" + i),
                                "benchmark advisory " + vuln, SEVERITIES.get(sev), sev, 5.0 + sev, "HIGH",
                                "{\"identifier\":\"pkg:maven/" + pkg + "\",\"method\":\"PURL\",\"reason\":\"package URL matched the advisory's "
                                        + "maven package\",\"matched\":[{\"advisoryId\":\"BENCH-" + i + "\",\"source\":\"osv\",\"location\":"
                                        + "\"/affected/0\",\"ecosystem\":\"Maven\",\"range\":\"range [introduced 0, fixed 1.5.0]\"}]}",
                                "{\"nearest\":\"1.5.0\",\"newest\":\"1.5.0\",\"all\":[\"1.5.0\"]}", "1.5.0",
                                "{\"cvss\":[{\"version\":\"V3_1\",\"baseScore\":9.8,\"environmentalScore\":9.8}],\"reasons\":\"bench\"}",
                                i + 1));
                    }
                    findings.reconcile(release, product, null, List.of(), data, new TriageResolver(List.of()),
                            now.plusSeconds(r));
                }
                System.out.printf("[bench] %s: %d releases loaded, %.0f s%n", kind, (p + 1) * releases / 10, (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("[bench] %s: %d findings stored in %.0f s%n", kind,
                    db.jdbc().sql("select count(*) from findings").query(Long.class).single(), (System.nanoTime() - t0) / 1e9);
        }
        try (TestServer s = TestServer.startOn(settings, dataDir)) {
            String base = "/api/v1/releases/" + target + "/findings";
            String deep = cursorAfter(s, base + "?limit=50", 10);
            Map<String, String> cases = new java.util.LinkedHashMap<>();
            cases.put("first page, by severity", base + "?limit=50");
            cases.put("11th page (cursor), by severity", base + "?limit=50&cursor=" + deep);
            cases.put("first page, by first_seen", base + "?limit=50&sort=first_seen");
            cases.put("critical only", base + "?limit=50&severity=critical");
            cases.put("one vulnerability (id or alias)", base + "?limit=50&vulnerability=GHSA-bench-500");
            cases.put("component text", base + "?limit=50&component=artifact-77");
            for (var c : cases.entrySet()) {
                for (int i = 0; i < 20; i++) {
                    s.get(c.getValue());
                }
                long[] ms = new long[100];
                for (int i = 0; i < ms.length; i++) {
                    long a = System.nanoTime();
                    TestServer.Answer answer = s.get(c.getValue());
                    ms[i] = (System.nanoTime() - a) / 1000;
                    if (answer.status() != 200) {
                        throw new AssertionError(answer.toString());
                    }
                }
                Arrays.sort(ms);
                System.out.printf("[bench] %s: %-34s p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", kind, c.getKey(), ms[50] / 1000.0,
                        ms[95] / 1000.0, ms[99] / 1000.0);
            }
        }
    }

    private static String cursorAfter(TestServer s, String path, int pages) {
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            JsonNode page = s.get(path + (cursor == null ? "" : "&cursor=" + cursor)).json();
            cursor = page.path("nextCursor").asText();
        }
        return cursor;
    }

    /** A 50,000-component SBOM uploaded to and analysed by a server in its own JVM with a 512 MB heap. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void upload50000Components_serverWith512MbHeap(DatabaseKind kind) throws Exception {
        int n = 50_000;
        Path dataDir = tmp.resolve("child-data");
        Path adv = dataDir.resolve("advisories");
        advisories(adv.resolve("bench.jsonl"), n);
        byte[] sbom = sbom(n);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), "dev.mamori.app.Main", "serve", "--port", Integer.toString(port),
                "--data-dir", dataDir.toString()));
        if (kind == DatabaseKind.POSTGRESQL) {
            DatabaseSettings pg = TestServer.freshPostgres();
            command.addAll(List.of("--database-url", pg.url(), "--database-user", pg.user()));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().put("MAMORI_ADMIN_API_KEY", TestServer.ADMIN_KEY);
        Process child = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + port;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    if (System.nanoTime() > deadline || !child.isAlive()) {
                        throw new AssertionError("the child server did not start:\n" + Files.readString(tmp.resolve("child.log")));
                    }
                    Thread.sleep(200);
                }
            }
            String auth = "Bearer " + TestServer.ADMIN_KEY;
            long product = TestServer.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/products"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"big\"}")).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .path("id").asLong();
            long release = TestServer.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/products/" + product + "/releases"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"version\":\"1\"}")).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .path("id").asLong();
            long t0 = System.nanoTime();
            HttpResponse<String> up = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/releases/" + release + "/sbom"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(sbom)).build(), HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (up.statusCode() != 202) {
                throw new AssertionError(up.statusCode() + " " + up.body());
            }
            JsonNode job;
            while (true) {
                job = TestServer.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/releases/" + release + "/analysis"))
                        .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString()).body()).get(0);
                String state = job.path("state").asText();
                if (state.equals("done") || state.equals("failed") || !child.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
            long t2 = System.nanoTime();
            System.out.printf("[bench] %s, -Xmx512m: %d components, %d bytes: upload %.0f ms, upload-to-findings %.0f ms, job %s %s, "
                            + "server alive: %s%n", kind, n, sbom.length, (t1 - t0) / 1e6, (t2 - t0) / 1e6, job.path("state").asText(),
                    job.path("result"), child.isAlive());
            if (!child.isAlive() || !job.path("state").asText().equals("done")) {
                throw new AssertionError(Files.readString(tmp.resolve("child.log")));
            }
        } finally {
            child.destroy();
            child.waitFor();
        }
    }
}
