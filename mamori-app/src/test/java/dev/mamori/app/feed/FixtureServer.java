package dev.mamori.app.feed;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP server for the sync tests: routes by path, records every request, answers conditional requests. */
final class FixtureServer implements AutoCloseable {
    /** A request as the server saw it. */
    record Hit(String method, String path, String query, Headers headers) {
        Map<String, String> params() {
            Map<String, String> out = new LinkedHashMap<>();
            if (query == null) {
                return out;
            }
            for (String kv : query.split("&")) {
                int eq = kv.indexOf('=');
                String k = eq < 0 ? kv : kv.substring(0, eq);
                String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(k, v);
            }
            return out;
        }

        String param(String name) {
            return params().get(name);
        }

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** Answers one request. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, Hit hit) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Hit> hits = Collections.synchronizedList(new ArrayList<>());

    FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void route(String path, Handler handler) {
        routes.put(path, handler);
    }

    /** Serves a body with an ETag and a Last-Modified, answering 304 to a matching conditional request. */
    void file(String path, byte[] body, String etag, String lastModified) {
        route(path, (ex, hit) -> {
            String inm = hit.header("If-None-Match");
            String ims = hit.header("If-Modified-Since");
            boolean fresh = (etag != null && etag.equals(inm)) || (inm == null && lastModified != null
                    && lastModified.equals(ims));
            Map<String, String> h = new LinkedHashMap<>();
            if (etag != null) {
                h.put("ETag", etag);
            }
            if (lastModified != null) {
                h.put("Last-Modified", lastModified);
            }
            if (fresh) {
                send(ex, 304, null, h);
            } else {
                send(ex, 200, body, h);
            }
        });
    }

    void file(String path, byte[] body) {
        file(path, body, null, null);
    }

    void status(String path, int status) {
        route(path, (ex, hit) -> send(ex, status, null, Map.of()));
    }

    /** Answers the n-th request with the n-th handler; the last one answers every request after. */
    void sequence(String path, Handler... handlers) {
        AtomicInteger n = new AtomicInteger();
        route(path, (ex, hit) -> handlers[Math.min(n.getAndIncrement(), handlers.length - 1)].handle(ex, hit));
    }

    List<Hit> hits() {
        synchronized (hits) {
            return List.copyOf(hits);
        }
    }

    List<Hit> hits(String path) {
        return hits().stream().filter(h -> h.path().equals(path)).toList();
    }

    void clearHits() {
        hits.clear();
    }

    static void send(HttpExchange ex, int status, byte[] body, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        boolean empty = body == null || status == 304 || ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.readAllBytes();
        }
        Hit hit = new Hit(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                ex.getRequestHeaders());
        hits.add(hit);
        Handler h = routes.get(hit.path());
        if (h == null) {
            send(ex, 404, "not found".getBytes(StandardCharsets.UTF_8), Map.of());
            return;
        }
        try {
            h.handle(ex, hit);
        } catch (IOException | RuntimeException e) {
            ex.close();
            throw e;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
