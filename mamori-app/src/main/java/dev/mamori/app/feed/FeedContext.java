package dev.mamori.app.feed;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Everything a {@link Feed} works with during one run. */
final class FeedContext {
    final String source;
    final FeedConfig config;
    final HttpFetcher http;
    final FeedState state;
    final Path mirror;
    final Clock clock;
    final Sleeper sleeper;
    final Deadline deadline;
    final FeedResult.Tally tally;

    FeedContext(String source, FeedConfig config, HttpFetcher http, FeedState state, Path mirror, Clock clock,
                Sleeper sleeper, FeedResult.Tally tally) {
        this.source = source;
        this.config = config;
        this.http = http;
        this.state = state;
        this.mirror = mirror;
        this.clock = clock;
        this.sleeper = sleeper;
        this.deadline = Deadline.after(config.sourceTimeout, clock);
        this.tally = tally;
    }

    /** A limiter of {@code perSecond} requests per second. */
    RateLimiter perSecond(int perSecond) {
        return new RateLimiter(perSecond, Duration.ofSeconds(1), clock, sleeper);
    }

    String cursor(String key) {
        return state.cursor(source, key);
    }

    void cursor(String key, String value) {
        state.cursor(source, key, value);
    }

    Instant cursorInstant(String key) {
        return FeedConfig.parseTime(cursor(key));
    }

    /** What {@link #mirrorFile} did. */
    enum Fetched { WRITTEN, NOT_MODIFIED, MISSING }

    /**
     * Downloads {@code uri} to {@code target}: conditionally (the URL's saved validators are sent when the target
     * exists, and a 304 writes nothing), checked by {@code check}, and moved into place atomically. The validators
     * of the response are saved when {@code keepValidators}.
     *
     * @throws FeedException when the download fails or is refused
     */
    Fetched mirrorFile(URI uri, Path target, Checks.Check check, RateLimiter limiter, boolean keepValidators,
                       Map<String, String> headers) throws InterruptedException, IOException {
        FeedState.Validators v = keepValidators && Files.exists(target) && !config.full
                ? state.validators(uri.toString()) : null;
        HttpFetcher.Get get = HttpFetcher.Get.of(uri, target.getParent(), limiter).withHeaders(headers);
        HttpFetcher.Response r = http.fetch(v == null || v.isEmpty() ? get : get.conditional(v), deadline);
        if (r.notModified()) {
            tally.unchanged();
            return Fetched.NOT_MODIFIED;
        }
        if (r.missing()) {
            return Fetched.MISSING;
        }
        place(r, target, check);
        if (keepValidators) {
            state.validators(uri.toString(), r.etag(), r.lastModified());
        }
        return Fetched.WRITTEN;
    }

    /** Checks a 2xx response's body and moves it onto {@code target}; the body is deleted if refused. */
    void place(HttpFetcher.Response r, Path target, Checks.Check check) throws IOException {
        try {
            check.verify(r.body(), r.uri());
            long size = Files.size(r.body());
            MirrorFiles.place(r.body(), target);
            tally.wrote(target, size);
        } finally {
            MirrorFiles.deleteQuietly(r.body());
        }
    }

    /** One unit of work on an item. */
    @FunctionalInterface
    interface ItemAction<T> {
        void run(T item) throws InterruptedException, IOException;
    }

    /**
     * Processes items sorted oldest first, recording each item's failure and going on. The position
     * ({@code commit}) moves to an item's time only when that item and every one before it succeeded and the next
     * item is strictly newer, so a re-run after a failure or an interruption starts at the first unfinished item
     * and no item sharing a timestamp with it is skipped. The state is saved after every commit. Too many failures
     * in a row stop the source (the server is likely down).
     *
     * @return true when every item succeeded
     */
    <T> boolean inOrder(List<T> items, Function<T, Instant> time, ItemAction<T> action, Consumer<Instant> commit)
            throws InterruptedException {
        boolean allOk = true;
        int failuresInARow = 0;
        for (int i = 0; i < items.size(); i++) {
            deadline.check();
            T item = items.get(i);
            if (attempt(item, action)) {
                failuresInARow = 0;
            } else {
                allOk = false;
                failuresInARow++;
                if (failuresInARow >= config.maxConsecutiveFailures) {
                    throw FeedException.stopping("stopped after " + failuresInARow
                            + " failures in a row; the position is saved, run the sync again to continue");
                }
            }
            if (allOk) {
                Instant t = time.apply(item);
                boolean boundary = i == items.size() - 1 || t == null
                        || (time.apply(items.get(i + 1)) != null && time.apply(items.get(i + 1)).isAfter(t));
                if (t != null && boundary) {
                    commit.accept(t);
                    state.save();
                }
            }
        }
        return allOk;
    }

    /** Runs one item's action; a failure of the item is recorded and reported as false. */
    <T> boolean attempt(T item, ItemAction<T> action) throws InterruptedException {
        try {
            action.run(item);
            return true;
        } catch (FeedException e) {
            if (e.stopsSource()) {
                throw e;
            }
            record(e);
            return false;
        } catch (IOException e) {
            throw FeedException.stopping("cannot write to the mirror " + mirror + ": " + e.getMessage());
        }
    }

    void record(FeedException e) {
        if (e.refusal()) {
            tally.refused(e.getMessage());
        } else {
            tally.error(e.getMessage());
        }
    }

    /** One URL path segment, percent-encoded ({@code Rocky Linux} → {@code Rocky%20Linux}). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query parameter value, percent-encoded. */
    static String param(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code base} with query parameters appended. */
    static URI withQuery(String base, Map<String, String> params) {
        StringBuilder b = new StringBuilder(base);
        char sep = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
        return URI.create(b.toString());
    }
}
