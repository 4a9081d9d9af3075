package dev.mamori.app.feed;

import dev.mamori.advisory.AdvisoryFormat;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A source published as one file that is replaced in place: the CISA KEV catalogue (JSON) and FIRST's daily EPSS
 * scores (gzip CSV). Kept fresh with conditional requests ({@code ETag} / {@code Last-Modified}); the mirror
 * directory holds exactly the current file.
 */
final class SingleFileFeed implements Feed {
    private final String name;
    private final Function<FeedConfig, String> url;
    private final String defaultFileName;
    private final AdvisoryFormat format;

    private SingleFileFeed(String name, Function<FeedConfig, String> url, String defaultFileName,
                           AdvisoryFormat format) {
        this.name = name;
        this.url = url;
        this.defaultFileName = defaultFileName;
        this.format = format;
    }

    static SingleFileFeed kev() {
        return new SingleFileFeed("kev", c -> c.kevUrl, "known_exploited_vulnerabilities.json", AdvisoryFormat.KEV);
    }

    static SingleFileFeed epss() {
        return new SingleFileFeed("epss", c -> c.epssUrl, "epss_scores-current.csv.gz", AdvisoryFormat.EPSS);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void sync(FeedContext ctx) throws InterruptedException, IOException {
        URI uri = URI.create(url.apply(ctx.config));
        Path dir = ctx.mirror.resolve(name);
        Path target = dir.resolve(fileName(uri));
        FeedContext.Fetched f = ctx.mirrorFile(uri, target, Checks.format(format),
                RateLimiter.unlimited(ctx.clock), true, Map.of());
        if (f == FeedContext.Fetched.MISSING) {
            throw new FeedException(uri + ": HTTP 404, nothing published there");
        }
        if (f == FeedContext.Fetched.WRITTEN) {
            removeOthers(dir, target);
        }
        ctx.state.save();
    }

    /** The last path segment of the URL, when it looks like a file name; the source's usual name otherwise. */
    private String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".") ? MirrorFiles.safeName(last) : defaultFileName;
    }

    /** The directory holds one current file: an older one under another name (a changed URL) goes. */
    private static void removeOthers(Path dir, Path keep) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (!p.equals(keep) && Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                    Files.delete(p);
                }
            }
        }
    }
}
