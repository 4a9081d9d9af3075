package dev.mamori.app.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class FeedConfigTest {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "2024-05-01, 2024-05-01T00:00:00Z",
        "2024-05-01T12:30:00Z, 2024-05-01T12:30:00Z",
        "2024-05-01T21:30:00+09:00, 2024-05-01T12:30:00Z",
        "2024-05-01T12:30:00, 2024-05-01T12:30:00Z",
        "7d, 2025-05-25T12:00:00Z",
        "12h, 2025-06-01T00:00:00Z",
        "30m, 2025-06-01T11:30:00Z",
        "P2D, 2025-05-30T12:00:00Z",
        "PT1H, 2025-06-01T11:00:00Z",
    })
    void parseSince_datesTimesAndAges_giveTheInstant(String text, String expected) {
        assertThat(FeedConfig.parseSince(text, NOW)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2024-13-01", "7w", "P", "''"})
    void parseSince_somethingElse_isRefusedNamingIt(String text) {
        assertThatThrownBy(() -> FeedConfig.parseSince(text, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--since");
    }

    @Test
    void url_setsEachSource_andCsafAccumulates() {
        FeedConfig c = FeedConfig.builder()
                .url("osv", "https://mirror.example/osv/")
                .url("NVD", "https://mirror.example/nvd")
                .url("kev", "https://mirror.example/kev.json")
                .url("epss", "https://mirror.example/epss.csv.gz")
                .url("jvn", "https://mirror.example/myjvn")
                .url("jvn-feed", "")
                .url("csaf", "vendor.example")
                .url("csaf", "https://other.example/.well-known/csaf/provider-metadata.json")
                .build();

        assertThat(c.osvBase).isEqualTo("https://mirror.example/osv");
        assertThat(c.nvdUrl).isEqualTo("https://mirror.example/nvd");
        assertThat(c.kevUrl).isEqualTo("https://mirror.example/kev.json");
        assertThat(c.epssUrl).isEqualTo("https://mirror.example/epss.csv.gz");
        assertThat(c.jvnApiUrl).isEqualTo("https://mirror.example/myjvn");
        assertThat(c.jvnFeedUrl).isEmpty();
        assertThat(c.csafProviders()).containsExactly("vendor.example",
                "https://other.example/.well-known/csaf/provider-metadata.json");
    }

    @Test
    void url_unknownSourceOrBadUrl_isRefused() {
        assertThatThrownBy(() -> FeedConfig.builder().url("ghsa", "https://x.example"))
                .hasMessageContaining("unknown source 'ghsa'");
        assertThatThrownBy(() -> FeedConfig.builder().url("nvd", "file:///etc/passwd"))
                .hasMessageContaining("not an http(s) URL");
        assertThatThrownBy(() -> FeedConfig.builder().url("csaf", "not a domain"))
                .hasMessageContaining("neither a URL nor a domain");
    }

    @Test
    void defaults_arePublicEndpoints_andNvdLimitsFollowTheKey() {
        FeedConfig plain = FeedConfig.defaults();
        assertThat(plain.nvdUrl).isEqualTo("https://services.nvd.nist.gov/rest/json/cves/2.0");
        assertThat(plain.nvdRequestsPerWindow()).isEqualTo(5);
        assertThat(plain.nvdPageSize).isEqualTo(2000);
        assertThat(plain.nvdWindow).isEqualTo(Duration.ofDays(120));
        assertThat(FeedConfig.builder().nvdApiKey("k").build().nvdRequestsPerWindow()).isEqualTo(50);
        assertThat(FeedConfig.builder().nvdApiKey("  ").build().hasNvdApiKey()).isFalse();
    }

    @Test
    void nvdLimits_beyondTheApisMaximum_areRefused() {
        assertThatThrownBy(() -> FeedConfig.builder().nvdPageSize(2001)).hasMessageContaining("2000");
        assertThatThrownBy(() -> FeedConfig.builder().nvdWindow(Duration.ofDays(121))).hasMessageContaining("120");
    }
}
