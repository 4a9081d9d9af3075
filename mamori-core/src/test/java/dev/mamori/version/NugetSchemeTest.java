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

final class NugetSchemeTest {
    private final VersionScheme nuget = VersionSchemes.forName("nuget");

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "1.0|1.0.0.0|0",
        "1|1.0.0|0",
        "1.0.01|1.0.1.0|0",
        "01.002.0003|1.2.3|0",
        "1.0.0.1|1.0.0|1",
        "1.0.0-BETA|1.0.0-beta|0",
        "1.0.0-beta+AA|1.0.0-beta+bb|0",
        "1.0.0+meta|1.0.0|0",
        "1.0.0-beta|1.0.0|-1",
        "1.0.0-beta.2|1.0.0-beta.11|-1",
        "1.0.0-beta2|1.0.0-beta11|1",
        "1.0.0-1|1.0.0-alpha|-1",
        "1.0.0-alpha|1.0.0-alpha.1|-1",
        "1.0.0-Alpha.B|1.0.0-alpha.a|1",
        "1.0.0-beta-1|1.0.0-beta1|-1",
        "1.0.0.1-alpha|1.0.0-pre|1",
        "999999999999999999999999999991|999999999999999999999999999999|-1",
        "1.0.0-2147483648|1.0.0-3|1",
        "1.0.0-99999999999|1.0.0-100000000000|1",
    })
    void compare_namedCases_followNuGetVersioning(String a, String b, int expected) {
        assertThat(nuget.compare(a, b)).isEqualTo(expected);
        assertThat(nuget.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3.4.5", "1..2", "1.0-", "1.0+", "1.0.0-01", "1.0.0-a_b", "v1.0", "1.0 ", "a.b",
        "1.0.0-beta..1"})
    void validate_invalid_throws(String v) {
        assertThatThrownBy(() -> nuget.validate(v)).isInstanceOf(VersionException.class)
                .hasMessageContaining("nuget");
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "1.0;1.0;true", "5.0;1.0;true", "0.9;1.0;false", "1.0.0-beta;1.0;false", "1.0;[1.0];true",
        "1.0.1;[1.0];false", "1.0;(1.0,);false", "1.0.0.1;(1.0,);true", "1.0;[1.0,2.0);true", "2.0;[1.0,2.0);false",
        "2.0;[1.0, 2.0];true", "1.0;(,1.0];true", "1.0;(,1.0);false", "2.0.0-rc;(,2.0);true", "1.5;[1.0.0, 2.0.0);true",
        "1.0.0;1.*;true", "0.9;1.*;false", "3.0;1.*;true", "1.2.0;[1.2.*, 2.0);true", "1.1.9;[1.2.*, 2.0);false",
        "1.0.0-beta;1.0.0-*;true", "1.0.0-alpha;1.0.0-beta*;false", "0.0.0;*;true", "1.0;(1.0,1.0);false",
    })
    void parseRange_intervalNotation_containsExpectedVersions(String version, String range, boolean expected) {
        assertThat(nuget.parseRange(range).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "(1.0)", "[1.0)", "(,)", "[1.0,2.0", "[2.0,1.0]", "[1.0,2.0,3.0]", "[1.0,1.0)",
        "1.*.1", "[1.0,2.*]", "x"})
    void parseRange_invalid_throwsNamingTheRange(String range) {
        assertThatThrownBy(() -> nuget.parseRange(range)).isInstanceOf(VersionException.class)
                .hasMessageContaining("nuget");
    }

    @ParameterizedTest
    @ValueSource(strings = {"osv-scalibr/nuget-versions.txt.gz"})
    void osvScalibrComparisons_everyLine_holds(String file) {
        List<VectorFiles.Comparison> lines = VectorFiles.comparisons(file);
        List<String> wrong = new ArrayList<>();
        for (VectorFiles.Comparison c : lines) {
            if (nuget.compare(c.a(), c.b()) != c.expectedSign()) {
                wrong.add(c.toString());
            }
        }
        assertThat(lines).hasSizeGreaterThan(25);
        assertThat(wrong).isEmpty();
    }

    @Test
    void versSpecComparisonTests_everyTest_holds() {
        JsonNode tests = VectorFiles.json("vers-spec/nuget_version_cmp_test.json.gz").get("tests");
        assertThat(tests.size()).isEqualTo(33);
        assertThat(VersSpecCases.check(nuget, tests)).isEmpty();
    }
}
