package dev.mamori.app.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Syncs vulnerability sources over HTTP into a local mirror directory that {@code AdvisorySources.read} can import
 * as it is (every file in it is in a format recognised by content; bookkeeping files are hidden), and that can be
 * copied to a site without network access and imported there.
 *
 * <pre>
 * mirror/
 *   .feed-state.json                 validators, positions, last run per source (hidden)
 *   osv/&lt;Ecosystem&gt;/all.zip            + updates/&lt;ID&gt;.json
 *   nvd/full/cves-&lt;startIndex&gt;.json    + updates/&lt;start&gt;_&lt;end&gt;/cves-&lt;startIndex&gt;.json
 *   kev/known_exploited_vulnerabilities.json
 *   epss/epss_scores-current.csv.gz
 *   jvn/feed/jvndb_detail_YYYY.rdf   + updates/JVNDB-YYYY-NNNNNN.json
 *   csaf/&lt;host&gt;/&lt;path&gt;.json            + .ledger.tsv (hidden)
 * </pre>
 *
 * One sync runs on a mirror at a time (a lock file guards it).
 */
public final class FeedSync {
    /** Every source, in the order they are synced. */
    public static final List<String> SOURCES = List.of("osv", "nvd", "kev", "epss", "jvn", "csaf");
    static final String LOCK = ".feed-lock";

    private final FeedConfig config;
    private final Path mirror;
    private final HttpClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random random;

    /** A sync with the system clock and a new HTTP client per run. */
    public FeedSync(FeedConfig config, Path mirror) {
        this(config, mirror, null, Clock.systemUTC(), Sleeper.REAL, new SecureRandom());
    }

    FeedSync(FeedConfig config, Path mirror, HttpClient client, Clock clock, Sleeper sleeper, Random random) {
        this.config = config;
        this.mirror = mirror;
        this.client = client;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    public Path mirror() {
        return mirror;
    }

    /**
     * The named sources, validated and in sync order; {@code all} means every source.
     *
     * @throws IllegalArgumentException naming an unknown source
     */
    public static List<String> sources(Collection<String> names) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String n : names) {
            for (String part : n.split(",")) {
                String s = part.strip().toLowerCase(Locale.ROOT);
                if (s.isEmpty()) {
                    continue;
                }
                if (s.equals("all")) {
                    wanted.addAll(SOURCES);
                } else if (SOURCES.contains(s)) {
                    wanted.add(s);
                } else {
                    throw new IllegalArgumentException("unknown source '" + part.strip() + "' (known: "
                            + String.join(", ", SOURCES) + ", all)");
                }
            }
        }
        if (wanted.isEmpty()) {
            wanted.addAll(SOURCES);
        }
        return SOURCES.stream().filter(wanted::contains).toList();
    }

    /**
     * Syncs the named sources one after the other. A failing source does not stop the others; what it fetched
     * before failing stays, and its position is saved.
     *
     * @return one result per source, in sync order
     * @throws IllegalArgumentException for an unknown source name
     * @throws IllegalStateException when another sync holds the mirror
     * @throws UncheckedIOException when the mirror directory cannot be created or locked
     */
    public List<FeedResult> run(Collection<String> names) {
        List<String> sources = sources(names);
        try {
            Files.createDirectories(mirror);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the mirror directory " + mirror + ": " + e.getMessage(), e);
        }
        try (FileChannel channel = FileChannel.open(mirror.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException("another feed sync is using " + mirror);
            }
            MirrorFiles.removeLeftovers(mirror);
            FeedState state = FeedState.load(mirror);
            HttpClient http = client != null ? client : newClient(config);
            try {
                HttpFetcher fetcher = new HttpFetcher(http, config, clock, sleeper, random);
                List<FeedResult> results = new ArrayList<>();
                for (String source : sources) {
                    results.add(runOne(feed(source), fetcher, state));
                    if (Thread.currentThread().isInterrupted()) {
                        break;
                    }
                }
                return results;
            } finally {
                if (client == null) {
                    http.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the mirror directory " + mirror + ": " + e.getMessage(), e);
        }
    }

    private FeedResult runOne(Feed feed, HttpFetcher fetcher, FeedState state) {
        FeedResult.Tally tally = new FeedResult.Tally(feed.name());
        FeedContext ctx = new FeedContext(feed.name(), config, fetcher, state, mirror, clock, sleeper, tally);
        try {
            feed.sync(ctx);
        } catch (FeedException e) {
            ctx.record(e);
        } catch (IOException | UncheckedIOException e) {
            tally.error("cannot write to the mirror " + mirror + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.error("interrupted; the position is saved, run the sync again to continue");
        } catch (RuntimeException e) {
            tally.error("internal error: " + e);
        }
        FeedResult result = tally.result();
        if (result.outcome() != FeedResult.Outcome.SKIPPED) {
            state.finished(feed.name(), clock.instant(), result.failed() ? String.join("; ", result.errors()) : null);
            state.save();
        }
        return result;
    }

    private static Feed feed(String source) {
        return switch (source) {
            case "osv" -> new OsvFeed();
            case "nvd" -> new NvdFeed();
            case "kev" -> SingleFileFeed.kev();
            case "epss" -> SingleFileFeed.epss();
            case "jvn" -> new JvnFeed();
            case "csaf" -> new CsafFeed();
            default -> throw new IllegalArgumentException("unknown source " + source);
        };
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    static HttpClient newClient(FeedConfig config) {
        return HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }
}
