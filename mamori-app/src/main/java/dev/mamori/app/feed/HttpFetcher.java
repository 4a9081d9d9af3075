package dev.mamori.app.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP GET with what a polite mirror needs: conditional requests, a rate limit, a time limit per request (body
 * included) and per source, and retries with exponential backoff and jitter on 429, 5xx and I/O errors that
 * honour {@code Retry-After}. Bodies go to a hidden temporary file beside their destination, never to the
 * destination itself.
 */
final class HttpFetcher {
    /**
     * A finished response. {@code body} is a temporary file for a 2xx response (the caller moves it into place or
     * deletes it) and null otherwise.
     */
    record Response(int status, Path body, String etag, String lastModified, URI uri) {
        boolean ok() {
            return status / 100 == 2;
        }

        boolean notModified() {
            return status == 304;
        }

        boolean missing() {
            return status == 404 || status == 410;
        }
    }

    private final HttpClient client;
    private final FeedConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random random;

    HttpFetcher(HttpClient client, FeedConfig config, Clock clock, Sleeper sleeper, Random random) {
        this.client = client;
        this.config = config;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** What to ask for: the URL, where the body goes, and the optional extras. */
    record Get(URI uri, Path tempDir, FeedState.Validators validators, Map<String, String> headers,
               RateLimiter limiter, Set<Integer> alsoRetry, boolean head) {
        Get {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            alsoRetry = alsoRetry == null ? Set.of() : Set.copyOf(alsoRetry);
        }

        static Get of(URI uri, Path tempDir, RateLimiter limiter) {
            return new Get(uri, tempDir, null, null, limiter, null, false);
        }

        Get conditional(FeedState.Validators v) {
            return new Get(uri, tempDir, v, headers, limiter, alsoRetry, head);
        }

        Get withHeaders(Map<String, String> h) {
            return new Get(uri, tempDir, validators, h, limiter, alsoRetry, head);
        }

        Get retrying(Set<Integer> statuses) {
            return new Get(uri, tempDir, validators, headers, limiter, statuses, head);
        }

        Get asHead() {
            return new Get(uri, tempDir, validators, headers, limiter, alsoRetry, true);
        }
    }

    /**
     * Sends the request, retrying what is worth retrying.
     *
     * @return a 2xx response with its body in a temporary file, a 304, or a 404/410
     * @throws FeedException for any other status, or when every attempt failed, naming the URL and the last error
     */
    Response fetch(Get get, Deadline deadline) throws InterruptedException {
        String lastError = null;
        for (int attempt = 1; attempt <= config.maxAttempts; attempt++) {
            deadline.check();
            get.limiter().acquire(deadline);
            deadline.check();
            Duration timeout = min(config.requestTimeout, deadline.remaining());
            Path temp = null;
            Duration wait = null;
            try {
                HttpRequest request = request(get, timeout);
                if (get.head()) {
                    HttpResponse<Void> r = send(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()),
                            timeout);
                    int status = r.statusCode();
                    if (status / 100 == 2 || status == 304 || status == 404 || status == 410) {
                        return new Response(status, null, null, null, get.uri());
                    }
                    if (!retryable(status, get)) {
                        throw new FeedException("HTTP " + status + " from " + get.uri());
                    }
                    lastError = "HTTP " + status;
                    wait = retryAfter(r.headers().firstValue("Retry-After"));
                } else {
                    temp = MirrorFiles.tempFile(get.tempDir());
                    HttpResponse<Path> response = send(client.sendAsync(request,
                            HttpResponse.BodyHandlers.ofFile(temp)), timeout);
                    int status = response.statusCode();
                    if (status / 100 == 2) {
                        Path body = temp;
                        temp = null;
                        return new Response(status, body, header(response, "ETag"),
                                header(response, "Last-Modified"), get.uri());
                    }
                    if (status == 304 || status == 404 || status == 410) {
                        return new Response(status, null, null, null, get.uri());
                    }
                    if (!retryable(status, get)) {
                        throw new FeedException("HTTP " + status + " from " + get.uri() + detail(response, temp));
                    }
                    lastError = "HTTP " + status + detail(response, temp);
                    wait = retryAfter(response.headers().firstValue("Retry-After"));
                }
            } catch (HttpTimeoutException | TimeoutException e) {
                lastError = "no complete response within " + Deadline.human(timeout);
            } catch (IOException e) {
                lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } finally {
                MirrorFiles.deleteQuietly(temp);
            }
            if (attempt == config.maxAttempts) {
                break;
            }
            if (wait != null && wait.compareTo(config.maxRetryAfter) > 0) {
                throw new FeedException(get.uri() + ": the server asked to retry after " + Deadline.human(wait)
                        + ", longer than the " + Deadline.human(config.maxRetryAfter) + " allowed (" + lastError + ")");
            }
            Duration pause = wait != null ? wait : backoff(attempt);
            if (pause.compareTo(deadline.remaining()) >= 0) {
                throw FeedException.stopping(get.uri() + ": " + lastError + "; waiting " + Deadline.human(pause)
                        + " to retry would exceed the source's time budget");
            }
            sleeper.sleep(pause);
        }
        throw new FeedException(get.uri() + ": gave up after " + config.maxAttempts + " attempts: " + lastError);
    }

    /** Fetches a small document and returns its text (UTF-8); null for 404/410 and, with validators, for 304. */
    String text(Get get, Deadline deadline) throws InterruptedException {
        Response r = fetch(get, deadline);
        if (!r.ok()) {
            return null;
        }
        try {
            return Files.readString(r.body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FeedException("cannot read the response of " + get.uri() + ": " + e.getMessage(), e);
        } finally {
            MirrorFiles.deleteQuietly(r.body());
        }
    }

    private HttpRequest request(Get get, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(get.uri())
                .timeout(timeout)
                .header("User-Agent", config.userAgent)
                .header("Accept", "*/*");
        if (get.head()) {
            b.method("HEAD", HttpRequest.BodyPublishers.noBody());
        } else {
            b.GET();
        }
        FeedState.Validators v = get.validators();
        if (v != null) {
            if (v.etag() != null) {
                b.header("If-None-Match", v.etag());
            }
            if (v.lastModified() != null) {
                b.header("If-Modified-Since", v.lastModified());
            }
        }
        get.headers().forEach(b::header);
        return b.build();
    }

    private static <T> HttpResponse<T> send(CompletableFuture<HttpResponse<T>> future, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        try {
            return future.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "request failed" : cause.toString(), cause);
        }
    }

    private static boolean retryable(int status, Get get) {
        return status == 429 || status / 100 == 5 || get.alsoRetry().contains(status);
    }

    /** Exponential backoff with jitter: half the doubled delay fixed, the other half random. */
    Duration backoff(int attempt) {
        long base = config.initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, config.maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? (long) (random.nextDouble() * half) : 0));
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return null;
        }
        String v = header.get().strip();
        if (v.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    /** A short explanation from an error response: NVD's {@code message} header or the start of the body. */
    private static String detail(HttpResponse<?> r, Path body) {
        Optional<String> message = r.headers().firstValue("message");
        if (message.isPresent()) {
            return " (" + message.get() + ")";
        }
        if (body == null) {
            return "";
        }
        try (InputStream in = Files.newInputStream(body)) {
            String s = new String(in.readNBytes(200), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            return s.isEmpty() || s.startsWith("<") ? "" : " (" + s + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
