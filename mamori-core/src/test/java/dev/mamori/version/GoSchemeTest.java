package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class GoSchemeTest {
    private final VersionScheme go = VersionSchemes.forName("golang");

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "v1.2.3|1.2.3|0",
        "v1|v1.0.0|0",
        "v1.2|1.2.0|0",
        "v2.0.0+incompatible|v2.0.0|0",
        "v2.0.0+incompatible|v1.9.9|1",
        // pseudo-version forms: no tag, after a prerelease tag, after a release tag
        "v0.0.0-20191109021931-daa7c04131f5|v0.0.0-20200101000000-aaaaaaaaaaaa|-1",
        "v0.0.0-20191109021931-daa7c04131f5|v0.0.1|-1",
        "v1.2.3-pre.0.20191109021931-daa7c04131f5|v1.2.3-pre|1",
        "v1.2.3-pre.0.20191109021931-daa7c04131f5|v1.2.3-pre.1|-1",
        "v1.2.4-0.20191109021931-daa7c04131f5|v1.2.3|1",
        "v1.2.4-0.20191109021931-daa7c04131f5|v1.2.4-alpha|-1",
        "v1.2.4-0.20191109021931-daa7c04131f5|v1.2.4|-1",
        "0.0.0-20180523222229-09b5706aa936|v0.0.0-20180523222229-09b5706aa936|0",
        "v1.0.0-rc.10|v1.0.0-rc.9|1",
    })
    void compare_namedCases_followGoModuleOrder(String a, String b, int expected) {
        assertThat(go.compare(a, b)).isEqualTo(expected);
        assertThat(go.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v0.0.0-20191109021931-daa7c04131f5|true", "v1.2.3-pre.0.20191109021931-daa7c04131f5|true",
        "v1.2.4-0.20191109021931-daa7c04131f5|true", "1.2.4-0.20191109021931-daa7c04131f5+incompatible|true",
        "v1.2.3|false", "v1.2.3-0.2019|false", "v1.0.0-20191109021931-daa7c04131f5|true", "v1.2.0-20191109021931-daa7c04131f5|false",
    })
    void pseudoVersion_forms_areRecognised(String v, boolean pseudo) {
        assertThat(GoPseudoVersion.is(v)).isEqualTo(pseudo);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v", "V1.2.3", "v01.2.3", "v1.2.3-01", "v1.2-pre", "v1.2.3.4", "vv1.2.3", "latest"})
    void validate_invalid_throws(String v) {
        assertThatThrownBy(() -> go.validate(v)).isInstanceOf(VersionException.class)
                .hasMessageContaining("golang");
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "v1.2.4-0.20191109021931-daa7c04131f5;>=v1.2.3 <v1.2.4;true", "v1.2.4;>=v1.2.3 <v1.2.4;false",
        "v0.0.0-20191109021931-daa7c04131f5;<0.0.0-20200101000000-aaaaaaaaaaaa;true", "1.5.0-rc.1;>=1.0.0 <2.0.0;true",
        "v2.1.0+incompatible;>=2.0.0 <2.1.1;true", "v1.9.0;^v1.2;true",
    })
    void parseRange_comparatorSyntax_usesPlainIntervals(String v, String range, boolean expected) {
        assertThat(go.parseRange(range).contains(v)).isEqualTo(expected);
    }

    /** Go orders module versions by SemVer precedence; node-semver labels real osv-go versions. */
    @Test
    void oracleVectors_everyPair_matchesSemVerPrecedence() {
        List<String[]> rows = VectorFiles.tsv("golang.tsv.gz");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            if (go.compare(r[0], r[1]) != Integer.parseInt(r[2])) {
                wrong.add(r[0] + " vs " + r[1]);
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(wrong).isEmpty();
    }
}
