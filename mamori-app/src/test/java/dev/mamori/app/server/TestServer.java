package dev.mamori.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.store.DatabaseKind;
import dev.mamori.store.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Mamori server for tests, on SQLite or on an embedded PostgreSQL (one per JVM, a new database per server),
 * with an admin API key, and a small HTTP client for it.
 */
final class TestServer implements AutoCloseable {
    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    final ConfigurableApplicationContext context;
    final Path dataDir;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String base;

    private TestServer(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
        this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    static TestServer start(DatabaseKind kind, Path tmp, String... extraArgs) {
        Path dataDir = tmp.resolve("data-" + COUNTER.incrementAndGet());
        DatabaseSettings db = kind == DatabaseKind.SQLITE ? DatabaseSettings.sqlite(dataDir) : freshPostgres();
        List<String> args = new ArrayList<>(List.of("--MAMORI_ADMIN_API_KEY=" + ADMIN_KEY, "--mamori.analysis.poll-interval=200ms",
                "--mamori.advisories.poll-interval=0s"));
        for (String extra : extraArgs) {
            String key = extra.substring(0, extra.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(key)); // a repeated argument would be joined with a comma
            args.add(extra);
        }
        return new TestServer(MamoriServer.start(new ServerSettings(0, dataDir, db), args.toArray(new String[0])), dataDir);
    }

    /** A server on an existing store. */
    static TestServer startOn(DatabaseSettings db, Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--MAMORI_ADMIN_API_KEY=" + ADMIN_KEY, "--mamori.advisories.poll-interval=0s"));
        args.addAll(List.of(extraArgs));
        return new TestServer(MamoriServer.start(new ServerSettings(0, dataDir, db), args.toArray(new String[0])), dataDir);
    }

    static synchronized DatabaseSettings freshPostgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            String name = "mamori_app_" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            return new DatabaseSettings(postgres.getJdbcUrl("postgres", name), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, headers and body, with the body as JSON when it is. */
    record Answer(int status, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + response.body(), e);
            }
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        String body() {
            return response.body();
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path) {
        return send(request(path).header("Authorization", "Bearer " + ADMIN_KEY).GET());
    }

    Answer get(String path, String key) {
        return send(request(path).header("Authorization", "Bearer " + key).GET());
    }

    Answer anonymous(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, Object body) {
        return post(path, body, ADMIN_KEY);
    }

    Answer post(String path, Object body, String key) {
        return send(request(path).header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    Answer put(String path, Object body) {
        return send(request(path).header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    Answer delete(String path) {
        return send(request(path).header("Authorization", "Bearer " + ADMIN_KEY).DELETE());
    }

    Answer upload(String path, byte[] body, String contentType) {
        return send(request(path).header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static String text(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the release's latest analysis job is finished; returns the job. */
    JsonNode awaitAnalysis(long releaseId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode jobs = get("/api/v1/releases/" + releaseId + "/analysis").json();
            if (jobs.size() > 0) {
                String state = jobs.get(0).path("state").asText();
                if (state.equals("done") || state.equals("failed")) {
                    return jobs.get(0);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("analysis of release " + releaseId + " did not finish");
    }

    @Override
    public void close() {
        context.close();
    }
}
