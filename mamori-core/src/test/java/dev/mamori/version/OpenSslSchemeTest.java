package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class OpenSslSchemeTest {
    private final VersionScheme openssl = VersionSchemes.forName("openssl");

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "1.0.2|1.0.2a|-1",
        "1.0.2a|1.0.2b|-1",
        "1.0.2y|1.0.2z|-1",
        "1.0.2z|1.0.2za|-1",
        "1.0.2za|1.0.2zb|-1",
        "1.0.2zb|1.0.2zi|-1",
        "1.0.2zk|1.0.3|-1",
        "0.9.8|0.9.8a|-1",
        "0.9.8zh|1.0.0|-1",
        "1.1.1w|3.0.0|-1",
        "1.1.1|1.1.1a|-1",
        "3.0.9|3.0.13|-1",
        "3.0.13|3.1.0|-1",
        "3.0|3.0.0|0",
        "3.0.0-alpha1|3.0.0-alpha17|-1",
        "3.0.0-alpha17|3.0.0-beta1|-1",
        "3.0.0-beta2|3.0.0|-1",
        "1.1.0-pre5|1.1.0|-1",
        "1.1.0-pre1|1.1.0-pre2|-1",
        "3.2.0-dev|3.2.0-alpha1|-1",
        "3.0.0|3.0.0-rc1|1",
        "1.0.1g|1.0.1h|-1",
        "0.9.6m|0.9.7|-1",
    })
    void compare_namedCases_followOpenSslReleases(String a, String b, int expected) {
        assertThat(openssl.compare(a, b)).isEqualTo(expected);
        assertThat(openssl.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1.0.2", "1.0.2K", "1..2", "1.0.2-", "1.0.2-fips", "1.0.2 a", "1.2.3.4.5", "a",
        "3.0.0-beta1a", ".1"})
    void validate_invalid_throwsNamingTheVersion(String v) {
        assertThatThrownBy(() -> openssl.validate(v)).isInstanceOf(VersionException.class)
                .hasMessageContaining("OpenSSL version");
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "1.0.2a;>= 1.0.2 < 1.0.2zg;true",
        "1.0.2zf;>= 1.0.2 < 1.0.2zg;true",
        "1.0.2zg;>= 1.0.2 < 1.0.2zg;false",
        "1.0.1z;>= 1.0.2 < 1.0.2zg;false",
        "1.0.2c;>= 1.0.2, < 1.0.2zg;true",
        "1.1.1k;>= 1.0.2 < 1.0.2zg | >= 1.1.1 < 1.1.1l;true",
        "3.0.1;>= 1.0.2 < 1.0.2zg || >= 3.0.0 < 3.0.2;true",
        "3.0.2;>= 1.0.2 < 1.0.2zg || >= 3.0.0 < 3.0.2;false",
        "3.0.0;3.0.0, 1.0.1b;true",
        "1.0.1b;3.0.0, 1.0.1b;true",
        "1.0.1c;3.0.0, 1.0.1b;false",
        "1.1.1;= 1.1.1;true",
        "1.1.1a;== 1.1.1;false",
        "1.1.1a;>= 1.1.1 != 1.1.1a;false",
        "1.1.1b;>= 1.1.1 != 1.1.1a;true",
        "1.1.1;>= 1.1.1 != 1.1.1a;true",
    })
    void parseRange_comparators_containExpectedVersions(String version, String range, boolean expected) {
        assertThat(openssl.parseRange(range).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ">=", ">= 1.0.2 <", "=> 1.0.2", ">= 1.0.2K", ">= 1.0.2,", "|| 1.0"})
    void parseRange_invalid_throwsNamingTheRange(String range) {
        assertThatThrownBy(() -> openssl.parseRange(range)).isInstanceOf(VersionException.class)
                .hasMessageContaining("openssl range");
    }

    @Test
    void parseRange_listOfVersions_isUnionOfExactVersions() {
        IntervalRange r = (IntervalRange) openssl.parseRange("3.0.0, 1.0.1b");
        assertThat(r.intervals()).containsExactly(Interval.exactly("3.0.0"), Interval.exactly("1.0.1b"));
    }

    @Test
    void versSpecComparisonTests_everyTest_holds() {
        JsonNode tests = VectorFiles.json("vers-spec/openssl_version_cmp_test.json.gz").get("tests");
        assertThat(tests.size()).isEqualTo(44);
        // two identical inputs "sort" to themselves: expected equal, not less
        assertThat(VersSpecCases.check(openssl, tests, (a, b, sign) -> a.equals(b) ? 0 : sign)).isEmpty();
    }

    /** vers-spec's native openssl ranges: each listed version (and nothing else) is in the range. */
    @Test
    void versSpecNativeRanges_listedVersions_areExactlyContained() {
        JsonNode tests = VectorFiles.json("vers-spec/openssl_range_from_native_test.json.gz").get("tests");
        List<String> wrong = new ArrayList<>();
        for (JsonNode t : tests) {
            String nativeRange = t.get("input").get("native_range").asText();
            String vers = t.get("expected_output").asText();
            List<String> listed = List.of(vers.substring(vers.indexOf('/') + 1).split("\\|"));
            VersionRange range = openssl.parseRange(nativeRange);
            for (String v : listed) {
                if (!range.contains(v)) {
                    wrong.add(nativeRange + " should contain " + v);
                }
            }
            IntervalRange ir = (IntervalRange) range;
            if (ir.intervals().size() != listed.size()
                    || !ir.intervals().stream().allMatch(i -> i.lower() != null && i.lower().equals(i.upper()))) {
                wrong.add(nativeRange + " is not the exact versions " + listed + ": " + ir.intervals());
            }
        }
        assertThat(tests.size()).isEqualTo(8);
        assertThat(wrong).isEmpty();
    }
}
