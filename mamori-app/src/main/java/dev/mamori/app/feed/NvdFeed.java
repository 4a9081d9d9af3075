package dev.mamori.app.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mamori.advisory.AdvisoryFormat;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * NVD CVE API 2.0, paged with {@code startIndex} / {@code resultsPerPage} (at most 2000), every page kept as the
 * API returned it.
 *
 * <p>The first sync (or {@code --full}) pages through every CVE into {@code nvd/full/cves-<startIndex>.json}; the
 * time it started becomes the watermark. Later syncs ask for what was modified since the watermark with
 * {@code lastModStartDate} / {@code lastModEndDate} in windows of at most 120 days (NVD's limit), each window into
 * {@code nvd/updates/<start>_<end>/cves-<startIndex>.json}; window names sort in time order, so reading the
 * directory in name order meets each CVE's newest version last. A finished full sync removes the updates, which
 * it contains.
 *
 * <p>The position (mode, window, next {@code startIndex}) is saved after every page, so an interrupted sync
 * continues with the next page. Requests carry the API key in the {@code apiKey} header when there is one and
 * stay within NVD's rate limit (5 requests per rolling 30 s, 50 with a key); NVD answers 403 when that limit is
 * exceeded, so 403 is retried like 429.
 */
final class NvdFeed implements Feed {
    static final String NAME = "nvd";
    /** NVD's documented timestamp form, with an explicit UTC offset. */
    private static final DateTimeFormatter NVD_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+00:00'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DIR_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The envelope of one response page. */
    record Page(int resultsPerPage, int startIndex, int totalResults, int count) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void sync(FeedContext ctx) throws InterruptedException, IOException {
        FeedConfig cfg = ctx.config;
        RateLimiter limiter = new RateLimiter(cfg.nvdRequestsPerWindow(), cfg.nvdRateWindow, ctx.clock, ctx.sleeper);
        Map<String, String> headers = cfg.nvdApiKey == null ? Map.of() : Map.of("apiKey", cfg.nvdApiKey);
        if (cfg.full || cfg.since != null) {
            clearPosition(ctx);
        }
        if (ctx.cursor("mode") == null && (cfg.full || (ctx.cursor("watermark") == null && cfg.since == null))) {
            ctx.cursor("mode", "full");
            ctx.cursor("started", ctx.clock.instant().toString());
            ctx.cursor("next", "0");
            ctx.state.save();
        }
        Path root = ctx.mirror.resolve(NAME);
        if ("full".equals(ctx.cursor("mode"))) {
            Path dir = root.resolve("full");
            int next = pages(ctx, dir, Map.of(), limiter, headers);
            removeStalePages(dir, next);
            MirrorFiles.deleteTree(root.resolve("updates"));
            ctx.cursor("watermark", ctx.cursor("started"));
            clearPosition(ctx);
            ctx.state.save();
            return;
        }
        if ("window".equals(ctx.cursor("mode"))) {
            window(ctx, root, limiter, headers);
        }
        Instant now = ctx.clock.instant();
        Instant from = cfg.since != null ? cfg.since : ctx.cursorInstant("watermark");
        if (from == null) {
            return;
        }
        if (!from.isBefore(now)) {
            ctx.tally.unchanged();
            return;
        }
        while (from.isBefore(now)) {
            Instant to = from.plus(cfg.nvdWindow);
            if (to.isAfter(now)) {
                to = now;
            }
            ctx.cursor("mode", "window");
            ctx.cursor("windowStart", from.toString());
            ctx.cursor("windowEnd", to.toString());
            ctx.cursor("next", "0");
            ctx.state.save();
            window(ctx, root, limiter, headers);
            from = to;
        }
    }

    /** Pages through the window in the cursor, then moves the watermark to its end. */
    private void window(FeedContext ctx, Path root, RateLimiter limiter, Map<String, String> headers)
            throws InterruptedException, IOException {
        Instant start = ctx.cursorInstant("windowStart");
        Instant end = ctx.cursorInstant("windowEnd");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("lastModStartDate", FeedContext.param(NVD_TIME.format(start)));
        params.put("lastModEndDate", FeedContext.param(NVD_TIME.format(end)));
        Path dir = root.resolve("updates").resolve(DIR_TIME.format(start) + "_" + DIR_TIME.format(end));
        pages(ctx, dir, params, limiter, headers);
        Instant watermark = ctx.cursorInstant("watermark");
        if (watermark == null || end.isAfter(watermark)) {
            ctx.cursor("watermark", end.toString());
        }
        clearPosition(ctx);
        ctx.state.save();
    }

    /**
     * Requests pages from the cursor's {@code next} start index until {@code totalResults} is reached, writing
     * each non-empty page and saving the position after each.
     *
     * @return the start index after the last page
     */
    private int pages(FeedContext ctx, Path dir, Map<String, String> filter, RateLimiter limiter,
                      Map<String, String> headers) throws InterruptedException, IOException {
        int next = Integer.parseInt(ctx.cursor("next") == null ? "0" : ctx.cursor("next"));
        while (true) {
            ctx.deadline.check();
            Map<String, String> params = new LinkedHashMap<>(filter);
            params.put("resultsPerPage", Integer.toString(ctx.config.nvdPageSize));
            params.put("startIndex", Integer.toString(next));
            URI uri = FeedContext.withQuery(ctx.config.nvdUrl, params);
            HttpFetcher.Response r = ctx.http.fetch(HttpFetcher.Get.of(uri, dir, limiter).withHeaders(headers)
                    .retrying(Set.of(403)), ctx.deadline);
            if (!r.ok()) {
                throw new FeedException(uri + ": HTTP " + r.status());
            }
            Page page;
            try {
                page = page(r.body(), uri);
                if (page.count() > 0) {
                    ctx.place(r, dir.resolve(String.format("cves-%09d.json", next)),
                            Checks.format(AdvisoryFormat.NVD));
                }
            } finally {
                MirrorFiles.deleteQuietly(r.body());
            }
            if (page.count() == 0 && next < page.totalResults()) {
                throw new FeedException(uri + ": an empty page at startIndex " + next + " of "
                        + page.totalResults() + " results; the position is kept for the next run");
            }
            next += page.count();
            ctx.cursor("next", Integer.toString(next));
            ctx.state.save();
            if (page.count() == 0 || next >= page.totalResults()) {
                return next;
            }
        }
    }

    /** Reads the envelope of a page (streaming; the CVEs are only counted). */
    static Page page(Path file, URI from) throws IOException {
        int perPage = -1;
        int start = -1;
        int total = -1;
        int count = -1;
        try (InputStream in = Files.newInputStream(file); JsonParser p = JsonInput.parser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notAPage(from);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "resultsPerPage" -> perPage = p.getValueAsInt(-1);
                    case "startIndex" -> start = p.getValueAsInt(-1);
                    case "totalResults" -> total = p.getValueAsInt(-1);
                    case "vulnerabilities" -> {
                        if (v != JsonToken.START_ARRAY) {
                            throw notAPage(from);
                        }
                        count = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            p.skipChildren();
                            count++;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw FeedException.refused(from + ": not valid JSON (" + e.getOriginalMessage() + "); not written");
        } catch (dev.mamori.input.InputException e) {
            throw FeedException.refused(from + ": " + e.getMessage() + "; not written");
        }
        if (count < 0 || total < 0) {
            throw notAPage(from);
        }
        return new Page(perPage, start, total, count);
    }

    private static FeedException notAPage(URI from) {
        return FeedException.refused(from + ": not an NVD CVE API 2.0 response page; not written");
    }

    private static void clearPosition(FeedContext ctx) {
        for (String k : new String[] {"mode", "started", "next", "windowStart", "windowEnd"}) {
            ctx.cursor(k, null);
        }
    }

    /** After a full sync, pages beyond the new total are left over from a larger earlier one. */
    private static void removeStalePages(Path dir, int next) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "cves-*.json")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                try {
                    int index = Integer.parseInt(n.substring(5, n.length() - 5));
                    if (index >= next) {
                        Files.delete(p);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        }
    }
}
