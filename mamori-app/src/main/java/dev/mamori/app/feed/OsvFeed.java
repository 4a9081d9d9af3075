package dev.mamori.app.feed;

import dev.mamori.advisory.AdvisoryFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * OSV's export, per ecosystem: {@code <base>/<Ecosystem>/all.zip} (every record),
 * {@code <base>/<Ecosystem>/modified_id.csv} ({@code <RFC 3339 modified>,<ID>} per record, newest first) and
 * {@code <base>/<Ecosystem>/<ID>.json}.
 *
 * <p>The first sync (or {@code --full}) downloads {@code all.zip} into {@code osv/<Ecosystem>/all.zip}, after
 * reading the newest time in {@code modified_id.csv}, which becomes the watermark. Later syncs read
 * {@code modified_id.csv} (a 304 means nothing changed) and download only the records modified after the
 * watermark, into {@code osv/<Ecosystem>/updates/<ID>.json}, oldest first, moving the watermark after each; when
 * more records changed than {@link FeedConfig.Builder#osvIncrementalLimit} the whole archive is downloaded again
 * (and the updates directory, now contained in it, is emptied). File names sort so that {@code all.zip} comes
 * before {@code updates/}: reading the directory in name order meets each record's newest version last.
 */
final class OsvFeed implements Feed {
    static final String NAME = "osv";

    /** One line of {@code modified_id.csv}. */
    record Change(Instant modified, String id) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void sync(FeedContext ctx) throws InterruptedException, IOException {
        RateLimiter polite = ctx.perSecond(ctx.config.politeRequestsPerSecond);
        for (String ecosystem : ctx.config.osvEcosystems) {
            try {
                ecosystem(ctx, ecosystem, polite);
            } catch (FeedException e) {
                if (e.stopsSource()) {
                    throw e;
                }
                ctx.record(e);
            }
        }
    }

    private void ecosystem(FeedContext ctx, String ecosystem, RateLimiter polite)
            throws InterruptedException, IOException {
        Path dir = ctx.mirror.resolve(NAME).resolve(MirrorFiles.safeName(ecosystem));
        String key = "watermark." + ecosystem;
        Instant watermark = ctx.cursorInstant(key);
        Instant since = ctx.config.since != null ? ctx.config.since : watermark;
        if (ctx.config.full || since == null || !Files.exists(dir.resolve("all.zip"))) {
            full(ctx, ecosystem, dir, key, polite);
            return;
        }
        URI csv = uri(ctx, ecosystem, "modified_id.csv");
        FeedState.Validators v = ctx.config.since == null ? ctx.state.validators(csv.toString()) : null;
        HttpFetcher.Get get = HttpFetcher.Get.of(csv, dir, polite);
        HttpFetcher.Response r = ctx.http.fetch(v == null || v.isEmpty() ? get : get.conditional(v), ctx.deadline);
        if (r.notModified()) {
            ctx.tally.unchanged();
            return;
        }
        if (r.missing()) {
            throw new FeedException(csv + ": HTTP " + r.status() + " (is '" + ecosystem + "' an OSV ecosystem?)");
        }
        List<Change> changes;
        try {
            changes = changesAfter(r.body(), since, ctx.config.osvIncrementalLimit);
        } finally {
            MirrorFiles.deleteQuietly(r.body());
        }
        if (changes == null) {
            ctx.tally.note(ecosystem + ": more than " + ctx.config.osvIncrementalLimit
                    + " records changed, the whole archive was downloaded instead");
            full(ctx, ecosystem, dir, key, polite);
            return;
        }
        if (changes.isEmpty()) {
            ctx.tally.unchanged();
        }
        changes.sort(Comparator.comparing(Change::modified));
        Path updates = dir.resolve("updates");
        boolean allOk = ctx.inOrder(changes, Change::modified, c -> record(ctx, ecosystem, c, updates, polite), t -> {
            Instant current = ctx.cursorInstant(key);
            if (current == null || t.isAfter(current)) {
                ctx.cursor(key, t.toString());
            }
        });
        if (allOk) {
            ctx.state.validators(csv.toString(), r.etag(), r.lastModified());
            ctx.state.save();
        }
    }

    private void record(FeedContext ctx, String ecosystem, Change c, Path updates, RateLimiter polite)
            throws InterruptedException, IOException {
        URI uri = uri(ctx, ecosystem, c.id() + ".json");
        Path target = updates.resolve(MirrorFiles.safeName(c.id()) + ".json");
        FeedContext.Fetched f = ctx.mirrorFile(uri, target, Checks.format(AdvisoryFormat.OSV), polite, false,
                Map.of());
        if (f == FeedContext.Fetched.MISSING) {
            Files.deleteIfExists(target);
            ctx.tally.note(ecosystem + ": records listed as modified but no longer published were skipped (e.g. "
                    + c.id() + ")");
        }
    }

    /** The archive, after reading the newest modification time, so no change made meanwhile is missed. */
    private void full(FeedContext ctx, String ecosystem, Path dir, String key, RateLimiter polite)
            throws InterruptedException, IOException {
        URI csv = uri(ctx, ecosystem, "modified_id.csv");
        HttpFetcher.Response list = ctx.http.fetch(HttpFetcher.Get.of(csv, dir, polite), ctx.deadline);
        Instant newest = null;
        if (list.ok()) {
            try {
                newest = newest(list.body());
            } finally {
                MirrorFiles.deleteQuietly(list.body());
            }
        }
        URI zip = uri(ctx, ecosystem, "all.zip");
        FeedContext.Fetched f = ctx.mirrorFile(zip, dir.resolve("all.zip"), Checks.osvArchive(), polite, true,
                Map.of());
        if (f == FeedContext.Fetched.MISSING) {
            throw new FeedException(zip + ": HTTP 404 (is '" + ecosystem + "' an OSV ecosystem?)");
        }
        if (f == FeedContext.Fetched.WRITTEN) {
            MirrorFiles.deleteTree(dir.resolve("updates"));
        }
        if (newest != null) {
            ctx.cursor(key, newest.toString());
            ctx.state.validators(csv.toString(), list.etag(), list.lastModified());
        } else {
            ctx.cursor(key, null);
            ctx.tally.note(ecosystem + ": no modified_id.csv, so the next sync downloads the archive again");
        }
        ctx.state.save();
    }

    private static URI uri(FeedContext ctx, String ecosystem, String file) {
        return URI.create(ctx.config.osvBase + "/" + FeedContext.segment(ecosystem) + "/"
                + FeedContext.segment(file));
    }

    /**
     * The records modified after {@code since}, or null when there are more than {@code limit}. Lines are
     * {@code <modified>,<ID>} or {@code <modified>,<Ecosystem>/<ID>} (the all-ecosystems list); a header line or
     * a line without a readable time is skipped. The whole list is read, so its order does not matter.
     */
    static List<Change> changesAfter(Path file, Instant since, int limit) throws IOException {
        List<Change> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                Change c = parse(line);
                if (c != null && c.modified().isAfter(since)) {
                    if (out.size() == limit) {
                        return null;
                    }
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The newest modification time in the list, or null when it lists nothing. */
    static Instant newest(Path file) throws IOException {
        Instant newest = null;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                Change c = parse(line);
                if (c != null && (newest == null || c.modified().isAfter(newest))) {
                    newest = c.modified();
                }
            }
        }
        return newest;
    }

    private static Change parse(String line) {
        int comma = line.indexOf(',');
        if (comma < 0) {
            return null;
        }
        Instant t = FeedConfig.parseTime(line.substring(0, comma));
        String id = line.substring(comma + 1).strip();
        id = id.substring(id.lastIndexOf('/') + 1);
        if (t == null || id.isEmpty()) {
            return null;
        }
        return new Change(t, id);
    }
}
