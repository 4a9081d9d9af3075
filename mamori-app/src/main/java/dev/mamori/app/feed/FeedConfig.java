package dev.mamori.app.feed;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where each source is fetched from and how politely. Every URL can be replaced, so a site can sync from its own
 * mirror of the public endpoints; the defaults are the public data-source endpoints (none of them is a package
 * registry).
 */
public final class FeedConfig {
    /** OSV's public export: {@code <base>/<Ecosystem>/all.zip}, {@code modified_id.csv}, {@code <ID>.json}. */
    public static final String OSV_BASE = "https://osv-vulnerabilities.storage.googleapis.com";
    /** NVD CVE API 2.0. */
    public static final String NVD_CVE_API = "https://services.nvd.nist.gov/rest/json/cves/2.0";
    /** CISA Known Exploited Vulnerabilities catalogue, JSON. */
    public static final String KEV_JSON =
            "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";
    /** FIRST EPSS daily scores, gzip CSV. */
    public static final String EPSS_CSV = "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz";
    /** MyJVN API (JVN iPedia, IPA). */
    public static final String MYJVN_API = "https://jvndb.jvn.jp/myjvn";
    /** The JVN iPedia data-feed manifest listing the yearly detail files with their SHA-256. */
    public static final String JVN_FEED_CHECKSUMS = "https://jvndb.jvn.jp/ja/feed/checksum.txt";
    /** The OSV ecosystems synced when none are named: the ones Mamori has version orders for. */
    public static final List<String> DEFAULT_OSV_ECOSYSTEMS = List.of("Go", "PyPI", "npm", "Maven", "crates.io",
            "NuGet", "RubyGems", "Packagist", "Hex", "Pub", "Debian", "Ubuntu", "Alpine", "AlmaLinux", "Rocky Linux",
            "Red Hat", "Wolfi", "Chainguard", "Bitnami");
    /** The names accepted by {@code --url SOURCE=URL}. */
    public static final List<String> URL_KEYS = List.of("osv", "nvd", "kev", "epss", "jvn", "jvn-feed", "csaf");
    /** NVD's longest allowed lastModStartDate–lastModEndDate range. */
    public static final Duration NVD_MAX_WINDOW = Duration.ofDays(120);

    final String osvBase;
    final List<String> osvEcosystems;
    final int osvIncrementalLimit;
    final String nvdUrl;
    final String nvdApiKey;
    final int nvdPageSize;
    final Duration nvdWindow;
    final Integer nvdRequestsPerWindow;
    final Duration nvdRateWindow;
    final String kevUrl;
    final String epssUrl;
    final String jvnApiUrl;
    final String jvnFeedUrl;
    final String jvnLang;
    final int jvnInitialDays;
    final int jvnRequestsPerSecond;
    final List<String> csafProviders;
    final CsafSignatures csafSignatures;
    final List<Path> csafKeys;
    final int politeRequestsPerSecond;
    final Duration connectTimeout;
    final Duration requestTimeout;
    final Duration sourceTimeout;
    final int maxAttempts;
    final Duration initialBackoff;
    final Duration maxBackoff;
    final Duration maxRetryAfter;
    final int maxConsecutiveFailures;
    final Instant since;
    final boolean full;
    final String userAgent;

    private FeedConfig(Builder b) {
        osvBase = stripSlash(b.osvBase);
        osvEcosystems = List.copyOf(b.osvEcosystems);
        osvIncrementalLimit = b.osvIncrementalLimit;
        nvdUrl = b.nvdUrl;
        nvdApiKey = b.nvdApiKey == null || b.nvdApiKey.isBlank() ? null : b.nvdApiKey.strip();
        nvdPageSize = b.nvdPageSize;
        nvdWindow = b.nvdWindow;
        nvdRequestsPerWindow = b.nvdRequestsPerWindow;
        nvdRateWindow = b.nvdRateWindow;
        kevUrl = b.kevUrl;
        epssUrl = b.epssUrl;
        jvnApiUrl = b.jvnApiUrl;
        jvnFeedUrl = b.jvnFeedUrl;
        jvnLang = b.jvnLang;
        jvnInitialDays = b.jvnInitialDays;
        jvnRequestsPerSecond = b.jvnRequestsPerSecond;
        csafProviders = List.copyOf(b.csafProviders);
        csafSignatures = b.csafSignatures;
        csafKeys = List.copyOf(b.csafKeys);
        politeRequestsPerSecond = b.politeRequestsPerSecond;
        connectTimeout = b.connectTimeout;
        requestTimeout = b.requestTimeout;
        sourceTimeout = b.sourceTimeout;
        maxAttempts = b.maxAttempts;
        initialBackoff = b.initialBackoff;
        maxBackoff = b.maxBackoff;
        maxRetryAfter = b.maxRetryAfter;
        maxConsecutiveFailures = b.maxConsecutiveFailures;
        since = b.since;
        full = b.full;
        userAgent = b.userAgent;
    }

    /** The defaults: public endpoints, polite limits. */
    public static FeedConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The NVD request budget per {@link #nvdRateWindow}: 50 with an API key, 5 without, unless set. */
    int nvdRequestsPerWindow() {
        if (nvdRequestsPerWindow != null) {
            return nvdRequestsPerWindow;
        }
        return nvdApiKey == null ? 5 : 50;
    }

    public List<String> osvEcosystems() {
        return osvEcosystems;
    }

    public List<String> csafProviders() {
        return csafProviders;
    }

    /**
     * What a CSAF sync does with the providers' OpenPGP signatures ({@code --csaf-signatures}).
     */
    public enum CsafSignatures {
        /** A published signature must verify with a trusted key, else the document is refused; unsigned is kept. */
        VERIFY,
        /** As VERIFY, and a document without a signature is refused too. */
        REQUIRE,
        /** Signatures are not fetched. */
        OFF;

        /** Parses {@code verify}, {@code require} or {@code off}. */
        public static CsafSignatures parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--csaf-signatures is verify, require or off, not '" + text + "'");
            }
        }
    }

    public boolean hasNvdApiKey() {
        return nvdApiKey != null;
    }

    /**
     * Reads a {@code --since} value: a date ({@code 2024-05-01}, midnight UTC), a date and time with or without an
     * offset ({@code 2024-05-01T12:00:00Z}), or an age counted back from {@code now}: {@code 7d}, {@code 12h},
     * {@code 30m} or an ISO-8601 duration ({@code P7D}, {@code PT12H}).
     *
     * @throws IllegalArgumentException naming the value when it is none of these
     */
    public static Instant parseSince(String text, Instant now) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("--since needs a value");
        }
        try {
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.matches("\\d+[dhm]")) {
                long n = Long.parseLong(lower.substring(0, lower.length() - 1));
                Duration d = switch (lower.charAt(lower.length() - 1)) {
                    case 'd' -> Duration.ofDays(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofMinutes(n);
                };
                return now.minus(d);
            }
            if (lower.startsWith("p")) {
                return now.minus(Duration.parse(t.toUpperCase(Locale.ROOT)));
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("--since: '" + text + "' is not a date, a time or an age such as 7d");
        }
        Instant at = parseTime(t);
        if (at == null) {
            throw new IllegalArgumentException("--since: '" + text + "' is not a date (2024-05-01), a date and time "
                    + "(2024-05-01T12:00:00Z) or an age (7d, 12h, P7D)");
        }
        return at;
    }

    /** An RFC 3339 / ISO-8601 instant, offset date-time, local date-time (UTC) or date; null when it is none. */
    static Instant parseTime(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // try the other shapes
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String stripSlash(String s) {
        String r = s;
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    static void checkHttpUrl(String what, String url) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": '" + url + "' is not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new IllegalArgumentException(what + ": '" + url + "' is not an http(s) URL");
        }
    }

    /** Builds a {@link FeedConfig}; every value starts at its default. */
    public static final class Builder {
        private String osvBase = OSV_BASE;
        private List<String> osvEcosystems = DEFAULT_OSV_ECOSYSTEMS;
        private int osvIncrementalLimit = 5000;
        private String nvdUrl = NVD_CVE_API;
        private String nvdApiKey;
        private int nvdPageSize = 2000;
        private Duration nvdWindow = NVD_MAX_WINDOW;
        private Integer nvdRequestsPerWindow;
        private Duration nvdRateWindow = Duration.ofSeconds(30);
        private String kevUrl = KEV_JSON;
        private String epssUrl = EPSS_CSV;
        private String jvnApiUrl = MYJVN_API;
        private String jvnFeedUrl = JVN_FEED_CHECKSUMS;
        private String jvnLang = "ja";
        private int jvnInitialDays = 30;
        private int jvnRequestsPerSecond = 1;
        private final List<String> csafProviders = new ArrayList<>();
        private CsafSignatures csafSignatures = CsafSignatures.VERIFY;
        private final List<Path> csafKeys = new ArrayList<>();
        private int politeRequestsPerSecond = 10;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofMinutes(10);
        private Duration sourceTimeout = Duration.ofHours(2);
        private int maxAttempts = 6;
        private Duration initialBackoff = Duration.ofSeconds(2);
        private Duration maxBackoff = Duration.ofMinutes(2);
        private Duration maxRetryAfter = Duration.ofMinutes(15);
        private int maxConsecutiveFailures = 5;
        private Instant since;
        private boolean full;
        private String userAgent = "mamori";

        private Builder() {}

        /**
         * Sets the URL of one source by its {@code --url} name: {@code osv} (the export base), {@code nvd} (the CVE
         * API), {@code kev}, {@code epss}, {@code jvn} (the MyJVN API), {@code jvn-feed} (the data-feed
         * {@code checksum.txt}; an empty value turns the data feeds off) or {@code csaf} (adds a provider: a
         * {@code provider-metadata.json} URL, a site URL or a domain; may be given several times).
         *
         * @throws IllegalArgumentException for an unknown name or a malformed URL
         */
        public Builder url(String source, String url) {
            String key = source.strip().toLowerCase(Locale.ROOT);
            String value = url.strip();
            switch (key) {
                case "osv" -> osvBase(value);
                case "nvd" -> nvdUrl(value);
                case "kev" -> kevUrl(value);
                case "epss" -> epssUrl(value);
                case "jvn" -> jvnApiUrl(value);
                case "jvn-feed" -> jvnFeedUrl(value);
                case "csaf" -> addCsafProvider(value);
                default -> throw new IllegalArgumentException("--url: unknown source '" + source + "' (known: "
                        + String.join(", ", URL_KEYS) + ")");
            }
            return this;
        }

        public Builder osvBase(String url) {
            checkHttpUrl("osv", url);
            this.osvBase = url;
            return this;
        }

        public Builder osvEcosystems(List<String> ecosystems) {
            List<String> clean = ecosystems.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
            if (clean.isEmpty()) {
                throw new IllegalArgumentException("name at least one OSV ecosystem");
            }
            for (String e : clean) {
                if (e.contains("/") || e.contains("..")) {
                    throw new IllegalArgumentException("'" + e + "' is not an OSV ecosystem name");
                }
            }
            this.osvEcosystems = clean;
            return this;
        }

        public Builder osvIncrementalLimit(int limit) {
            this.osvIncrementalLimit = positive("osvIncrementalLimit", limit);
            return this;
        }

        public Builder nvdUrl(String url) {
            checkHttpUrl("nvd", url);
            this.nvdUrl = url;
            return this;
        }

        public Builder nvdApiKey(String key) {
            this.nvdApiKey = key;
            return this;
        }

        public Builder nvdPageSize(int size) {
            if (size < 1 || size > 2000) {
                throw new IllegalArgumentException("the NVD page size is 1 to 2000 (NVD's maximum), not " + size);
            }
            this.nvdPageSize = size;
            return this;
        }

        public Builder nvdWindow(Duration window) {
            if (!window.isPositive() || window.compareTo(NVD_MAX_WINDOW) > 0) {
                throw new IllegalArgumentException("the NVD lastMod window is at most 120 days, not " + window);
            }
            this.nvdWindow = window;
            return this;
        }

        /** Overrides NVD's request budget (5 or 50 per 30 s). */
        public Builder nvdRateLimit(int requests, Duration window) {
            this.nvdRequestsPerWindow = positive("nvd requests per window", requests);
            this.nvdRateWindow = Objects.requireNonNull(window);
            return this;
        }

        public Builder kevUrl(String url) {
            checkHttpUrl("kev", url);
            this.kevUrl = url;
            return this;
        }

        public Builder epssUrl(String url) {
            checkHttpUrl("epss", url);
            this.epssUrl = url;
            return this;
        }

        public Builder jvnApiUrl(String url) {
            checkHttpUrl("jvn", url);
            this.jvnApiUrl = url;
            return this;
        }

        /** The data-feed {@code checksum.txt}; empty turns the yearly data feeds off (API only). */
        public Builder jvnFeedUrl(String url) {
            if (!url.isEmpty()) {
                checkHttpUrl("jvn-feed", url);
            }
            this.jvnFeedUrl = url;
            return this;
        }

        public Builder jvnLang(String lang) {
            if (!lang.equals("ja") && !lang.equals("en")) {
                throw new IllegalArgumentException("the JVN language is ja or en, not '" + lang + "'");
            }
            this.jvnLang = lang;
            return this;
        }

        /** How far back the first API run goes when the data feeds are off and no --since is given. */
        public Builder jvnInitialDays(int days) {
            this.jvnInitialDays = positive("jvnInitialDays", days);
            return this;
        }

        public Builder jvnRequestsPerSecond(int n) {
            this.jvnRequestsPerSecond = positive("jvnRequestsPerSecond", n);
            return this;
        }

        public Builder addCsafProvider(String provider) {
            String p = provider.strip();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("csaf: give a provider-metadata.json URL, a site URL or a domain");
            }
            if (p.contains("://")) {
                checkHttpUrl("csaf", p);
            } else if (!p.matches("[A-Za-z0-9.-]+(:\\d+)?")) {
                throw new IllegalArgumentException("csaf: '" + p + "' is neither a URL nor a domain");
            }
            csafProviders.add(p);
            return this;
        }

        public Builder csafSignatures(CsafSignatures policy) {
            this.csafSignatures = Objects.requireNonNull(policy);
            return this;
        }

        /**
         * Pins an OpenPGP public key file as trusted for CSAF signatures. With pinned keys, only they are trusted
         * and the keys a provider's metadata lists are ignored.
         */
        public Builder addCsafKey(Path keyFile) {
            csafKeys.add(Objects.requireNonNull(keyFile));
            return this;
        }

        /** Requests per second to one source for per-record downloads (OSV records, CSAF documents). */
        public Builder politeRequestsPerSecond(int n) {
            this.politeRequestsPerSecond = positive("politeRequestsPerSecond", n);
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive("connectTimeout", d);
            return this;
        }

        /** The longest one request may take, body included. */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = positive("requestTimeout", d);
            return this;
        }

        /** The time budget of one source's run; when spent, the run stops at a saved point and can be continued. */
        public Builder sourceTimeout(Duration d) {
            this.sourceTimeout = positive("sourceTimeout", d);
            return this;
        }

        /** Attempts per request (the first one included) on 429, 5xx and I/O errors. */
        public Builder maxAttempts(int n) {
            this.maxAttempts = positive("maxAttempts", n);
            return this;
        }

        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = positive("initial backoff", initial);
            this.maxBackoff = positive("max backoff", max);
            return this;
        }

        /** The longest {@code Retry-After} honoured; a server asking for more fails the request. */
        public Builder maxRetryAfter(Duration d) {
            this.maxRetryAfter = positive("maxRetryAfter", d);
            return this;
        }

        /** Per-record failures in a row after which a source stops (the server is likely down). */
        public Builder maxConsecutiveFailures(int n) {
            this.maxConsecutiveFailures = positive("maxConsecutiveFailures", n);
            return this;
        }

        /** Fetch what changed since this instant, instead of since the last sync. */
        public Builder since(Instant since) {
            this.since = since;
            return this;
        }

        /** Ignore the saved positions and fetch everything again (full archives, all NVD pages). */
        public Builder full(boolean full) {
            this.full = full;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent);
            return this;
        }

        public FeedConfig build() {
            return new FeedConfig(this);
        }

        private static int positive(String what, int n) {
            if (n < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, not " + n);
            }
            return n;
        }

        private static Duration positive(String what, Duration d) {
            if (d == null || !d.isPositive()) {
                throw new IllegalArgumentException(what + " must be a positive duration");
            }
            return d;
        }
    }
}
