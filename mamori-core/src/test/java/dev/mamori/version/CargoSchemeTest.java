package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class CargoSchemeTest {
    private final VersionScheme cargo = VersionSchemes.forName("cargo");

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "1.0.0-alpha|1.0.0-alpha.1|-1", "1.0.0-beta.11|1.0.0-rc.1|-1", "1.0.0|1.0.0+build|0", "0.10.0|0.9.0|1",
        "18446744073709551615.0.0|18446744073709551614.0.0|1",
    })
    void compare_namedCases_followSemVerPrecedence(String a, String b, int expected) {
        assertThat(cargo.compare(a, b)).isEqualTo(expected);
        assertThat(cargo.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1.2.3", "1.2", "01.2.3", "1.2.3-01", "18446744073709551616.0.0", " 1.2.3"})
    void validate_invalid_throws(String v) {
        assertThatThrownBy(() -> cargo.validate(v)).isInstanceOf(VersionException.class)
                .hasMessageContaining("cargo");
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        // caret, also the default operator
        "1.2.3;^1.2.3;true", "1.9.0;^1.2.3;true", "2.0.0;^1.2.3;false", "1.2.2;1.2.3;false", "1.9.0;1.2.3;true",
        "0.2.9;^0.2.3;true", "0.3.0;^0.2.3;false", "0.0.3;^0.0.3;true", "0.0.4;^0.0.3;false", "0.0.9;^0.0;true",
        "0.1.0;^0.0;false", "0.9.0;^0;true", "1.0.0;^0;false", "1.5.0;^1;true", "0.1.5;^0.1;true", "0.2.0;^0.1;false",
        // tilde
        "1.2.9;~1.2.3;true", "1.3.0;~1.2.3;false", "1.2.0;~1.2;true", "1.3.0;~1.2;false", "1.9.0;~1;true",
        // wildcards and partial comparators
        "5.0.0;*;true", "1.9.9;1.*;true", "2.0.0;1.*;false", "1.2.7;1.2.*;true", "1.3.0;1.2.*;false",
        "1.2.7;=1.2;true", "1.3.0;=1.2;false", "1.3.0;>1.2;true", "1.2.9;>1.2;false", "1.9.9;<=1;true",
        "2.0.0;<=1;false", "1.1.9;<1.2;true", "1.2.0;<1.2;false", "1.2.0;>=1.2;true",
        // comparator lists
        "1.5.0;>=1.2, <1.8;true", "1.8.0;>=1.2, <1.8;false", "1.5.0;>= 1.2 ,< 1.8;true", "1.2.3;=1.2.3;true",
        // prerelease rule
        "1.2.3-beta.2;^1.2.3-beta.1;true", "1.2.4-beta;^1.2.3-beta.1;false", "1.3.0-alpha;>=1.2.0;false",
        "2.0.0-alpha;<2.0.0;false", "1.0.0-alpha;*;false", "1.2.3-alpha;>=1.2.3-alpha, <1.2.3;true",
        "1.5.0-beta;=1, >=1.5.0-alpha;false", "1.2.3-beta;~1.2.3-alpha;true", "1.2.3-alpha;~1.2.3;false",
    })
    void parseRange_cargoRequirements_matchCargoSemantics(String v, String req, boolean expected) {
        assertThat(cargo.parseRange(req).contains(v)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",", "1.2.3 || 2.0.0", "~>1.2", "*, <2", "1.*.3", "v1.2.3", "1.2-beta", ">=01.2",
        ">= 1.2, ", "1.2.3.4", "* 1"})
    void parseRange_invalid_throwsNamingTheRequirement(String req) {
        assertThatThrownBy(() -> cargo.parseRange(req)).isInstanceOf(VersionException.class)
                .hasMessageContaining("cargo");
    }

    /** Cargo orders by SemVer precedence; node-semver labels real RustSec versions. */
    @Test
    void oracleVectors_everyPair_matchesSemVerPrecedence() {
        List<String[]> rows = VectorFiles.tsv("cargo.tsv.gz");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            if (cargo.compare(r[0], r[1]) != Integer.parseInt(r[2])) {
                wrong.add(r[0] + " vs " + r[1]);
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(wrong).isEmpty();
    }
}
