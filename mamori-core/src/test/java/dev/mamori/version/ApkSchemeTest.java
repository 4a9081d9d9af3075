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

final class ApkSchemeTest {
    private final VersionScheme apk = VersionSchemes.forName("apk");

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        // suffix order: _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p
        "1.2.3_alpha1|1.2.3_beta1|-1",
        "1.2.3_beta9|1.2.3_pre1|-1",
        "1.2.3_pre2|1.2.3_rc1|-1",
        "1.2.3_rc9|1.2.3|-1",
        "1.2.3|1.2.3_cvs1|-1",
        "1.2.3_cvs9|1.2.3_svn1|-1",
        "1.2.3_svn9|1.2.3_git1|-1",
        "1.2.3_git9|1.2.3_hg1|-1",
        "1.2.3_hg9|1.2.3_p1|-1",
        "1.2_alpha|1.2_alpha0|-1",
        "0.1.0_alpha_pre2|0.1.0_alpha|-1",
        "1.3_alpha2|1.3_alpha10|-1",
        // letter after the numbers
        "1.2|1.2a|-1",
        "1.2a|1.2b|-1",
        "1.2z|1.2.1|-1",
        "2.3.0b-r1|2.3.0b-r2|-1",
        "6.6.2p1|6.6.2p2|-1",
        "6.6.2p1|6.6.2_p1|1",
        "1.9.5p1-r1|1.9.5p2-r1|-1",
        // revisions
        "1.0|1.0-r0|-1",
        "1.0-r0|1.0-r1|-1",
        "1.0-r1|1.0-r01|0",
        "1.0-r9|1.0-r10|-1",
        "1.0_p1-r9|1.0_p2|-1",
        // numbers: first numerically, later ones as strings when either has a leading zero
        "006|1.0.0|1",
        "021109-r3|20060512|-1",
        "1.01|1.1|-1",
        "1.02|1.1|-1",
        "8.2.0|8.2.001|-1",
        "8.2.0015|8.2.002|-1",
        "1.10|1.9|1",
        "0.9.8|0.10.0|-1",
        "99999999999999999999999|99999999999999999999998|1",
        "2.01.01_alpha10|0.94|1",
        // commit hashes
        "1.0~1234|1.0~2345|-1",
        "1.0~1234-r1|1.0~2345-r0|-1",
        "1.0~1234-r1|1.0~1234-r0|1",
        "1.0|1.0~abc|-1",
    })
    void compare_namedCases_followApkTools(String a, String b, int expected) {
        assertThat(apk.compare(a, b)).isEqualTo(expected);
        assertThat(apk.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", ".1", "1.", "1..2", "1.0bc", "1.2_blah", "1.2_", "1-r", "1-r-1", "1-ruff",
        "1-r0-1", "1-1", "1.2.0A", "0.r1", "1.0~", "1.0~XYZ", "1.0-r1_p1", "1.0-r1~abc", "1.0~ab~cd", "1.0 ", "1_1",
        "0..8", "1--ruff1", "23_foo"})
    void validate_invalid_throwsNamingTheVersion(String v) {
        assertThatThrownBy(() -> apk.validate(v)).isInstanceOf(VersionException.class)
                .hasMessageContaining("apk version");
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "1.2.3-r0;>=1.2.3-r0;true",
        "1.2.2-r9;>=1.2.3-r0;false",
        "1.5;>=1.2, <2.0;true",
        "2.0_rc1;>=1.2, <2.0;true",
        "2.0;>=1.2, <2.0;false",
        "1.2;<= 1.2;true",
        "1.2-r1;<= 1.2;false",
        "1.2.1;> 1.2;true",
        "1.2-r0;= 1.2;false",
        "1.2;= 1.2;true",
        // fuzzy: the pattern's tokens are a prefix of the version's
        "3.6.0;~3.6;true",
        "3.6.9;~3.6;true",
        "3.6_pre1;~3.6;true",
        "3.6.0_pre1;~3.6;true",
        "3.6a-r2;~3.6;true",
        "3.6;~3.6.0;false",
        "3.60;~3.6;false",
        "3.8;~3.8.1;false",
        "3.8.0.1;~3.8.1;false",
        "3.5;<~3.6;true",
        "3.6.9;<~3.6;true",
        "3.7;<~3.6;false",
        "3.7;>~3.6;true",
        "3.6.2;>~3.6;true",
        "3.5;>~3.6;false",
    })
    void parseRange_comparators_containExpectedVersions(String version, String range, boolean expected) {
        assertThat(apk.parseRange(range).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2", ">=", ">=1.2 <2.0", ">=1.2 || <1.0", "!=1.2", ">=1.2,", "~", "=~1.2", ">=a"})
    void parseRange_invalid_throwsNamingTheRange(String range) {
        assertThatThrownBy(() -> apk.parseRange(range)).isInstanceOf(VersionException.class)
                .hasMessageContaining("apk range");
    }

    @Test
    void osvScalibrHandWritten_everyLine_holdsIncludingInvalidVersions() {
        List<VectorFiles.Comparison> lines = VectorFiles.comparisons("osv-scalibr/alpine-versions.txt.gz");
        List<String> wrong = new ArrayList<>();
        int invalidLines = 0;
        for (VectorFiles.Comparison c : lines) {
            if (!valid(c.a()) || !valid(c.b())) {
                invalidLines++;
            }
            if (Integer.signum(apk.compare(c.a(), c.b())) != c.expectedSign()
                    || Integer.signum(apk.compare(c.b(), c.a())) != -c.expectedSign()) {
                wrong.add(c.toString());
            }
        }
        assertThat(lines).hasSize(778);
        assertThat(wrong).isEmpty();
        // lines 2-74 of the file record how "apk version -t" orders strings apk-tools rejects as versions
        // ("1-ruff", "0..8", ".1", "a", "1.2_blah", "1.0bc", ...): compare orders them, validate rejects them
        assertThat(invalidLines).isEqualTo(33);
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        // apk-tools 3: an invalid rest ranks below everything but a pre-release suffix; two invalid rests are equal
        "1|1-ruff|1", "1-ruff2|1--ruff1|0", "1-r-0|1-r0|-1", "1.2.0A|1.2.0d|-1", "1.2|1.2_blah|1",
        "1.2_alpha|1.2_blah|-1", "1.2_svn1|1.2_csv2|1", "1.0|1.0bc|-1", "1.0bc|1.0b|-1", "'1.0 '|1.0|-1",
        // apk-tools 2: an empty revision number is r0
        "1-r|1-r0|0", "1-r0-1|1-r-2|0", "1-r2|1-r-1|1",
        // a missing number ranks below every valid token but the rest still counts
        "0..1..0|0..1..1|-1", "0..8|0...8|1", "0.r1|0r2|-1", "0.8.21.r2|0.8.21r2|-1", ".2|.1|1", ".1|1|-1", "a|b|-1",
        "c|c|0", "1.|1|-1", "1.|1-ruff|1",
    })
    void compare_invalidText_isOrderedAsApkVersionTest(String a, String b, int expected) {
        assertThat(apk.compare(a, b)).isEqualTo(expected);
        assertThat(apk.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42})
    void compare_randomValidAndInvalidText_isTotalPreorder(long seed) {
        String[] pieces = {"0", "1", "2", "01", "10", ".", "..", "a", "b", "r", "A", "_alpha", "_p", "_rc", "_blah",
            "_", "-r", "-r1", "-", "~ab", "~", " ", "x", "-ruff"};
        LangPropertyChecks.assertOrderLaws(apk, r -> {
            StringBuilder s = new StringBuilder();
            int n = 1 + r.nextInt(5);
            for (int i = 0; i < n; i++) {
                s.append(pieces[r.nextInt(pieces.length)]);
            }
            return s.toString();
        }, seed);
    }

    @Test
    void compare_emptyText_throws() {
        assertThatThrownBy(() -> apk.compare("", "1.0")).isInstanceOf(VersionException.class)
                .hasMessageContaining("empty apk version");
    }

    @Test
    void parseRange_invalidCandidate_throws() {
        assertThatThrownBy(() -> apk.parseRange(">=1.0").contains("1.0bc")).isInstanceOf(VersionException.class)
                .hasMessageContaining("1.0bc");
    }

    @Test
    void osvScalibrGenerated_everyLine_holds() {
        List<VectorFiles.Comparison> lines = VectorFiles.comparisons("osv-scalibr/alpine-versions-generated.txt.gz");
        List<String> wrong = new ArrayList<>();
        for (VectorFiles.Comparison c : lines) {
            if (Integer.signum(apk.compare(c.a(), c.b())) != c.expectedSign()) {
                wrong.add(c.toString());
            }
        }
        assertThat(lines).hasSize(13_979);
        assertThat(wrong).isEmpty();
    }

    @Test
    void versSpecComparisonTests_everyTest_holds() {
        JsonNode tests = VectorFiles.json("vers-spec/alpine_version_cmp_test.json.gz").get("tests");
        assertThat(tests.size()).isEqualTo(716);
        assertThat(VersSpecCases.check(apk, tests)).isEmpty();
    }

    private boolean valid(String v) {
        try {
            apk.validate(v);
            return true;
        } catch (VersionException e) {
            return false;
        }
    }
}
