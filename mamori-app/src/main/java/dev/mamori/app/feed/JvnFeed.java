package dev.mamori.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.advisory.AdvisoryFormat;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JVN iPedia (IPA), in two published forms.
 *
 * <ol>
 *   <li><b>Data feeds</b> for the history: {@code checksum.txt} (a JSON list of every feed file with its
 *       {@code sha256}, {@code size} and {@code lastModified}) and the yearly VULDEF detail files
 *       {@code detail/jvndb_detail_YYYY.rdf} it lists. A yearly file is downloaded when its SHA-256 differs from
 *       the one of the copy in the mirror, checked against the manifest (size and SHA-256; a mismatch is refused)
 *       and kept as {@code jvn/feed/jvndb_detail_YYYY.rdf}.</li>
 *   <li><b>MyJVN API 4.0</b> ("OKA") for what changed since: {@code getVulnOverviewList} with
 *       {@code lastModStartDate} / {@code lastModEndDate} (8-digit dates, JST), paged with {@code startItem} /
 *       {@code maxCountItem} (at most 50), then {@code getVulnDetailInfo} ({@code jvncsaf}, one ID per request)
 *       for each entry, kept as {@code jvn/updates/JVNDB-YYYY-NNNNNN.json}. The overview pages themselves are not
 *       kept (the details say more).</li>
 * </ol>
 *
 * The API part starts, once every yearly file is in, where the data feeds end (the oldest {@code lastModified}
 * of the yearly files, less a day); afterwards at the day of the previous sync (dates are whole days, so that day
 * is asked again). The position is saved after every overview page. {@code feed} sorts before {@code updates}, so
 * reading the directory in name order meets a record's API version after its yearly-file version; when a yearly
 * file is refreshed, API copies of that year's records older than the file are removed.
 */
final class JvnFeed implements Feed {
    static final String NAME = "jvn";
    static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final Pattern DETAIL_FILE = Pattern.compile("jvndb_detail_(\\d{4})\\.rdf");
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter CHECKSUM_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    static final int MAX_COUNT_ITEM = 50;

    /** One yearly detail file in {@code checksum.txt}. */
    record FeedFile(String fileName, String year, URI uri, String sha256, long size, Instant lastModified) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void sync(FeedContext ctx) throws InterruptedException, IOException {
        RateLimiter limiter = ctx.perSecond(ctx.config.jvnRequestsPerSecond);
        if (!ctx.config.jvnFeedUrl.isEmpty()) {
            try {
                dataFeeds(ctx, limiter);
            } catch (FeedException e) {
                if (e.stopsSource()) {
                    throw e;
                }
                ctx.record(e);
            }
        }
        api(ctx, limiter);
    }

    // ---- data feeds ------------------------------------------------------------------------------------------

    private void dataFeeds(FeedContext ctx, RateLimiter limiter) throws InterruptedException, IOException {
        URI checksums = URI.create(ctx.config.jvnFeedUrl);
        Path dir = ctx.mirror.resolve(NAME).resolve("feed");
        boolean haveFeeds = MirrorFiles.hasEntries(dir);
        FeedState.Validators v = haveFeeds && !ctx.config.full ? ctx.state.validators(checksums.toString()) : null;
        HttpFetcher.Get get = HttpFetcher.Get.of(checksums, ctx.mirror.resolve(NAME), limiter);
        HttpFetcher.Response r = ctx.http.fetch(v == null || v.isEmpty() ? get : get.conditional(v), ctx.deadline);
        if (r.notModified()) {
            ctx.tally.unchanged();
            return;
        }
        if (!r.ok()) {
            throw new FeedException(checksums + ": HTTP " + r.status());
        }
        List<FeedFile> files;
        try (InputStream in = Files.newInputStream(r.body())) {
            files = feedFiles(JsonInput.readTree(in, checksums.toString()), checksums);
        } catch (InputException e) {
            throw new FeedException(checksums + ": not a JVN data-feed checksum list (" + e.reason() + ")");
        } finally {
            MirrorFiles.deleteQuietly(r.body());
        }
        if (files.isEmpty()) {
            throw new FeedException(checksums + ": lists no jvndb_detail_YYYY.rdf file");
        }
        boolean allOk = true;
        Instant oldest = null;
        for (FeedFile f : files) {
            if (f.lastModified() != null && (oldest == null || f.lastModified().isBefore(oldest))) {
                oldest = f.lastModified();
            }
            allOk &= ctx.attempt(f, file -> yearly(ctx, file, dir, limiter));
        }
        if (allOk) {
            ctx.state.validators(checksums.toString(), r.etag(), r.lastModified());
            if (ctx.cursor("watermark") == null && oldest != null) {
                ctx.cursor("watermark", LocalDate.ofInstant(oldest, JST).minusDays(1).toString());
            }
        }
        ctx.state.save();
    }

    private void yearly(FeedContext ctx, FeedFile f, Path dir, RateLimiter limiter)
            throws InterruptedException, IOException {
        Path target = dir.resolve(f.fileName());
        String key = "feed." + f.fileName();
        if (!ctx.config.full && f.sha256().equalsIgnoreCase(String.valueOf(ctx.cursor(key))) && Files.exists(target)) {
            ctx.tally.unchanged();
            return;
        }
        HttpFetcher.Response r = ctx.http.fetch(HttpFetcher.Get.of(f.uri(), dir, limiter), ctx.deadline);
        if (!r.ok()) {
            throw new FeedException(f.uri() + ": HTTP " + r.status());
        }
        ctx.place(r, target, (file, from) -> {
            try {
                long size = Files.size(file);
                if (f.size() >= 0 && size != f.size()) {
                    throw FeedException.refused(from + ": " + size + " bytes, checksum.txt says " + f.size()
                            + "; not written");
                }
                String sha = Checks.digest(file, "SHA-256");
                if (!sha.equalsIgnoreCase(f.sha256())) {
                    throw FeedException.refused(from + ": SHA-256 " + sha + " differs from checksum.txt ("
                            + f.sha256() + "); not written");
                }
            } catch (IOException e) {
                throw new FeedException(from + ": cannot check the download: " + e.getMessage(), e);
            }
            Checks.format(AdvisoryFormat.JVN_VULDEF).verify(file, from);
        });
        ctx.cursor(key, f.sha256().toLowerCase(java.util.Locale.ROOT));
        if (f.lastModified() != null) {
            removeOlderUpdates(ctx.mirror.resolve(NAME).resolve("updates"), f.year(), f.lastModified());
        }
        ctx.state.save();
    }

    /** The yearly detail files listed in {@code checksum.txt}, resolved against its URL (so a mirror works). */
    static List<FeedFile> feedFiles(JsonNode list, URI checksums) {
        List<FeedFile> out = new ArrayList<>();
        if (!list.isArray()) {
            throw new FeedException(checksums + ": not a JSON list of feed files");
        }
        for (JsonNode e : list) {
            String url = e.path("url").asText("");
            String name = e.path("filename").asText("");
            if (name.isEmpty()) {
                name = url.substring(url.lastIndexOf('/') + 1);
            }
            Matcher m = DETAIL_FILE.matcher(name);
            String sha = e.path("sha256").asText("");
            if (!m.matches() || !sha.matches("[0-9a-fA-F]{64}")) {
                continue;
            }
            int feedAt = url.indexOf("/feed/");
            String relative = feedAt >= 0 ? url.substring(feedAt + "/feed/".length()) : "detail/" + name;
            out.add(new FeedFile(name, m.group(1), checksums.resolve(relative), sha,
                    e.path("size").asLong(-1), checksumTime(e.path("lastModified").asText(""))));
        }
        return out;
    }

    private static Instant checksumTime(String text) {
        try {
            return LocalDateTime.parse(text, CHECKSUM_TIME).atZone(JST).toInstant();
        } catch (DateTimeParseException e) {
            return FeedConfig.parseTime(text);
        }
    }

    /** API copies of a year's records fetched before the refreshed yearly file was made are superseded by it. */
    private static void removeOlderUpdates(Path updates, String year, Instant fileTime) throws IOException {
        if (!Files.isDirectory(updates)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(updates, "JVNDB-" + year + "-*.json")) {
            for (Path p : s) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(fileTime)) {
                    Files.delete(p);
                }
            }
        }
    }

    // ---- MyJVN API --------------------------------------------------------------------------------------------

    private void api(FeedContext ctx, RateLimiter limiter) throws InterruptedException, IOException {
        FeedConfig cfg = ctx.config;
        LocalDate today = LocalDate.ofInstant(ctx.clock.instant(), JST);
        if (cfg.since != null || cfg.full) {
            ctx.cursor("api.from", null);
            ctx.cursor("api.to", null);
            ctx.cursor("api.next", null);
        }
        if (ctx.cursor("api.from") == null) {
            LocalDate from;
            if (cfg.since != null) {
                from = LocalDate.ofInstant(cfg.since, JST);
            } else if (ctx.cursor("watermark") != null) {
                from = LocalDate.parse(ctx.cursor("watermark"));
            } else if (cfg.jvnFeedUrl.isEmpty()) {
                from = today.minusDays(cfg.jvnInitialDays);
            } else {
                ctx.tally.note("the MyJVN API part starts once the yearly data feeds are in the mirror");
                return;
            }
            ctx.cursor("api.from", from.toString());
            ctx.cursor("api.to", today.toString());
            ctx.cursor("api.next", "1");
            ctx.state.save();
        }
        LocalDate from = LocalDate.parse(ctx.cursor("api.from"));
        LocalDate to = LocalDate.parse(ctx.cursor("api.to"));
        Path updates = ctx.mirror.resolve(NAME).resolve("updates");
        int next = Integer.parseInt(ctx.cursor("api.next"));
        while (true) {
            ctx.deadline.check();
            Map<String, String> p = new LinkedHashMap<>();
            p.put("method", "getVulnOverviewList");
            p.put("feed", "oka");
            p.put("lastModStartDate", YMD.format(from));
            p.put("lastModEndDate", YMD.format(to));
            p.put("startItem", Integer.toString(next));
            p.put("maxCountItem", Integer.toString(MAX_COUNT_ITEM));
            p.put("lang", cfg.jvnLang);
            URI uri = FeedContext.withQuery(cfg.jvnApiUrl, p);
            String text = ctx.http.text(HttpFetcher.Get.of(uri, updates, limiter), ctx.deadline);
            if (text == null) {
                throw new FeedException(uri + ": HTTP 404");
            }
            JsonNode root = myjvn(text, uri);
            List<String> ids = new ArrayList<>();
            for (JsonNode e : root.path("feed").path("entry")) {
                String id = e.path("id").asText("");
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
            int total = root.path("status").path("totalRes").asInt(0);
            for (String id : ids) {
                if (!ctx.attempt(id, i -> detail(ctx, i, updates, limiter))) {
                    return; // the page is asked again next time
                }
            }
            next += ids.size();
            ctx.cursor("api.next", Integer.toString(next));
            ctx.state.save();
            if (ids.isEmpty() || next > total) {
                break;
            }
        }
        if (ctx.tally.fetched == 0) {
            ctx.tally.unchanged();
        }
        ctx.cursor("watermark", to.toString());
        ctx.cursor("api.from", null);
        ctx.cursor("api.to", null);
        ctx.cursor("api.next", null);
        ctx.state.save();
    }

    private void detail(FeedContext ctx, String id, Path updates, RateLimiter limiter)
            throws InterruptedException, IOException {
        if (!id.matches("JVNDB-\\d{4}-\\d{4,}")) {
            throw new FeedException("MyJVN listed '" + id + "', which is not a JVNDB id");
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", "getVulnDetailInfo");
        p.put("feed", "oka");
        p.put("vulnId", id);
        p.put("lang", ctx.config.jvnLang);
        URI uri = FeedContext.withQuery(ctx.config.jvnApiUrl, p);
        HttpFetcher.Response r = ctx.http.fetch(HttpFetcher.Get.of(uri, updates, limiter), ctx.deadline);
        if (!r.ok()) {
            throw new FeedException(uri + ": HTTP " + r.status());
        }
        ctx.place(r, updates.resolve(id + ".json"), (file, from) -> {
            try (InputStream in = Files.newInputStream(file)) {
                myjvn(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), from);
            } catch (IOException e) {
                throw new FeedException(from + ": cannot check the download: " + e.getMessage(), e);
            }
            Checks.format(AdvisoryFormat.JVN_JSON).verify(file, from);
        });
    }

    /** Parses a MyJVN API 4.0 response; an error status ({@code retCd} not 0) fails with its message. */
    private static JsonNode myjvn(String text, URI uri) {
        JsonNode root;
        try {
            root = JsonInput.mapper().readTree(text);
        } catch (IOException e) {
            throw FeedException.refused(uri + ": not a MyJVN API JSON response; not written");
        }
        JsonNode status = root.path("status");
        if (status.has("retCd") && status.path("retCd").asInt(0) != 0) {
            throw new FeedException(uri + ": MyJVN API error " + status.path("errCd").asText("") + ": "
                    + status.path("errMsg").asText(""));
        }
        return root;
    }
}
