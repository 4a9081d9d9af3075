package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class AlpmSchemeTest {
    private final VersionScheme alpm = VersionSchemes.forName("alpm");

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "1.5.0|1.5.1|-1",
        "1.5|1.5.1|-1",
        "1.5|1.5.a|-1",
        "1.5.a|1.5.b|-1",
        "1.5.b|1.5.1|-1",
        // a trailing letter segment is older than the end, a trailing separator+letter newer
        "1.0a|1.0|-1",
        "1.0a|1.0alpha|-1",
        "1.0alpha|1.0b|-1",
        "1.0beta|1.0rc|-1",
        "1.0rc|1.0|-1",
        "1.0|1.0.a|-1",
        // separator runs of different length
        "1.0..1|1.0.1|1",
        "1_0|1.0|0",
        // epochs
        "0:1.0|1.0|0",
        "1:1.0|2.0|1",
        "1:1.0|2:0.1|-1",
        // release compared only when both have one
        "1.5|1.5-1|0",
        "1.5-1|1.5-2|-1",
        "1.5-2|1.5.1-1|-1",
        "1.5b-1|1.5-1|-1",
        "1.1-1|1.1|0",
        "2.38-3|2.38.1-1|-1",
        "20230101-1|20230102-1|-1",
    })
    void compare_namedCases_followVercmp(String a, String b, int expected) {
        assertThat(alpm.compare(a, b)).isEqualTo(expected);
        assertThat(alpm.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.0 ", ":1.0", "1:", "1.0-", "-1"})
    void validate_invalid_throwsNamingTheVersion(String v) {
        assertThatThrownBy(() -> alpm.validate(v)).isInstanceOf(VersionException.class)
                .hasMessageContaining("pacman version");
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "1.5-1;=1.5;true",
        "1.5-2;=1.5;true",
        "1.5-2;=1.5-1;false",
        "1.5.1-1;>=1.5 <2.0;true",
        "2.0-1;>=1.5, <2.0;false",
        "1:0.1-1;>2.0;true",
        "0.9-1;<1.0 || >=3.0;true",
        "2.0-1;<1.0 || >=3.0;false",
    })
    void parseRange_dependencyOperators_containExpectedVersions(String version, String range, boolean expected) {
        assertThat(alpm.parseRange(range).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.0", ">=", "!=1.0", ">=1.0 | <0.5"})
    void parseRange_invalid_throwsNamingTheRange(String range) {
        assertThatThrownBy(() -> alpm.parseRange(range)).isInstanceOf(VersionException.class)
                .hasMessageContaining("alpm range");
    }

    @Test
    void versSpecComparisonTests_everyTest_holds() {
        JsonNode tests = VectorFiles.json("vers-spec/alpm_version_cmp_test.json.gz").get("tests");
        assertThat(tests.size()).isEqualTo(42);
        assertThat(VersSpecCases.check(alpm, tests, (a, b, sign) -> a.equals(b) ? 0 : sign)).isEmpty();
    }
}
