package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class EventRangeTest {
    private static final VersionScheme SEMVER = VersionSchemes.forName("semver");

    private static EventRange range(String spec) {
        // "introduced:1.0 fixed:2.0 …"
        return new EventRange(java.util.Arrays.stream(spec.split(" ")).map(t -> {
            String[] kv = t.split(":", 2);
            return new EventRange.Event(EventRange.Kind.valueOf(kv[0].toUpperCase(java.util.Locale.ROOT)), kv[1]);
        }).toList());
    }

    @ParameterizedTest(name = "{0} in [{1}] = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0.9.0 | introduced:1.0.0 fixed:2.0.0                                   | false
            1.0.0 | introduced:1.0.0 fixed:2.0.0                                   | true
            1.9.9 | introduced:1.0.0 fixed:2.0.0                                   | true
            2.0.0 | introduced:1.0.0 fixed:2.0.0                                   | false
            0.0.1 | introduced:0 fixed:1.0.0                                       | true
            1.5.0 | introduced:0 last_affected:1.5.0                               | true
            1.5.1 | introduced:0 last_affected:1.5.0                               | false
            1.5.0 | introduced:1.0.0 fixed:1.2.0 introduced:1.4.0 fixed:1.6.0      | true
            1.3.0 | introduced:1.0.0 fixed:1.2.0 introduced:1.4.0 fixed:1.6.0      | false
            1.5.0 | fixed:1.6.0 introduced:1.4.0 fixed:1.2.0 introduced:1.0.0      | true
            1.3.0 | fixed:1.6.0 introduced:1.4.0 fixed:1.2.0 introduced:1.0.0      | false
            3.0.0 | introduced:1.0.0                                               | true
            3.0.0 | introduced:1.0.0 limit:2.0.0                                   | false
            1.0.0-rc1 | introduced:0 fixed:1.0.0                                   | true
            """)
    void contains_osvEvents_followsOsvEvaluation(String version, String events, boolean expected) {
        assertThat(range(events).contains(SEMVER, version)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void fixedVersions_listsFixedEventsOnly() {
        assertThat(range("introduced:0 fixed:1.2.0 introduced:1.4.0 fixed:1.6.0 last_affected:1.9.0").fixedVersions())
                .isEqualTo(List.of("1.2.0", "1.6.0"));
    }
}
