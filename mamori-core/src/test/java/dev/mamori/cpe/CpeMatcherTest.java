package dev.mamori.cpe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** CPE name matching, NISTIR 7696: the attribute comparison table (Table 6-2) and the name comparison (§6.2). */
final class CpeMatcherTest {

    /**
     * Reads a test value: {@code ANY}, {@code NA}, else a WFN value string (quoted characters with '\', unquoted
     * '*' and '?' are wildcards).
     */
    private static CpeValue v(String s) {
        return switch (s) {
            case "ANY" -> CpeValue.ANY;
            case "NA" -> CpeValue.NA;
            default -> CpeValue.wfn(s);
        };
    }

    /** Every row of NISTIR 7696 Table 6-2 (source × target: ANY, NA, value i/k, value with wildcards m). */
    @ParameterizedTest(name = "row {0}: {1} vs {2} = {3}")
    @CsvSource(delimiter = '|', value = {
            "1|ANY|ANY|EQUAL",
            "2|ANY|NA|SUPERSET",
            "3|ANY|7\\.0|SUPERSET",
            "4|ANY|7\\.*|UNDEFINED",
            "5|NA|ANY|SUBSET",
            "6|NA|NA|EQUAL",
            "7|NA|7\\.0|DISJOINT",
            "8|NA|7\\.*|UNDEFINED",
            "9|7\\.0|ANY|SUBSET",
            "10|7\\.0|NA|DISJOINT",
            "11|7\\.0|8\\.0|DISJOINT",
            "12|7\\.0|7\\.0|EQUAL",
            "13|7\\.0|7\\.*|UNDEFINED",
            "14|7\\.*|ANY|SUBSET",
            "15|7\\.*|NA|DISJOINT",
            "16|7\\.*|7\\.0\\.1|SUPERSET",
            "17|7\\.*|8\\.0|DISJOINT",
            "18|7\\.*|7\\.*|UNDEFINED",
    })
    void compare_table62Row_givesRelation(int row, String source, String target, CpeRelation expected) {
        assertThat(CpeMatcher.compare(v(source), v(target))).isEqualTo(expected);
    }

    /** Wildcard semantics of compare_strings: '*' any run, a run of n '?' at most n characters, at either end. */
    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "7\\.*|7\\.|SUPERSET",
            "7\\.*|7|DISJOINT",
            "7\\.*|17\\.0|DISJOINT",
            "*\\.0|7\\.0|SUPERSET",
            "*\\.0|7\\.0\\.1|DISJOINT",
            "*bar*|foobarbaz|SUPERSET",
            "*bar*|bar|SUPERSET",
            "*bar*|foobaz|DISJOINT",
            "sp?|sp1|SUPERSET",
            "sp?|sp|SUPERSET",
            "sp?|sp12|DISJOINT",
            "sp?|xsp1|DISJOINT",
            "??1|x1|SUPERSET",
            "??1|xy1|SUPERSET",
            "??1|xyz1|DISJOINT",
            "?1?|a1b|SUPERSET",
            "?1?|ab1|DISJOINT",
            "*1??|x1yz|SUPERSET",
            "*1??|x1yzw|DISJOINT",
            "Microsoft|microsoft|EQUAL",
            "internet_explorer|Internet_Explorer|EQUAL",
            "MICRO*|microsoft|SUPERSET",
            "big\\$money*|big\\$money_2010|SUPERSET",
            "big\\$money*|bigmoney_2010|DISJOINT",
            "a\\*|a\\*|EQUAL",
            "a\\*|ab|DISJOINT",
            "\\?*|\\?x|SUPERSET",
            "events_calendar*|events_calendar|SUPERSET",
            "events_calendar*|events_calendar_pro|SUPERSET",
            "events_calendar*|event_calendar|DISJOINT",
            "illi_link_party\\!*|illi_link_party\\!|SUPERSET",
            "illi_link_party\\!*|illi_link_party|DISJOINT",
            "8\\.0\\.6001|8\\.0\\.6002|DISJOINT",
            "1\\.0|1\\.00|DISJOINT",
    })
    void compare_wildcardsAndCase_followCompareStrings(String source, String target, CpeRelation expected) {
        assertThat(CpeMatcher.compare(v(source), v(target))).isEqualTo(expected);
    }

    @Test
    void compare_targetWithWildcards_isUndefinedEvenAgainstAny() {
        assertThat(CpeMatcher.compare(CpeValue.ANY, v("*x"))).isEqualTo(CpeRelation.UNDEFINED);
        assertThat(CpeMatcher.compare(v("x"), v("x?"))).isEqualTo(CpeRelation.UNDEFINED);
    }

    // ---------------------------------------------------------------- name comparison

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "cpe:2.3:a:microsoft:internet_explorer:*:*:*:*:*:*:*:*|cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*|SUPERSET",
            "cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*|cpe:2.3:a:microsoft:internet_explorer:*:*:*:*:*:*:*:*|SUBSET",
            "cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*|cpe:/a:Microsoft:Internet_Explorer:8.0.6001:beta|EQUAL",
            // the CPE reference implementation's example: edition "palmos" against NA
            "cpe:2.3:a:adobe:*:9.*:*:PalmOS:*:*:*:*:*|cpe:/a::Reader:9.3.2:-:-|DISJOINT",
            "cpe:2.3:a:adobe:*:9.*:*:*:*:*:*:*:*|cpe:/a::Reader:9.3.2:-:-|UNDEFINED",
            "cpe:2.3:a:adobe:reader:9.*:*:*:*:*:*:*:*|cpe:/a:adobe:reader:9.3.2:-:-|SUPERSET",
            "cpe:2.3:a:x:*:1.0:*:*:*:*:*:*:*|cpe:2.3:a:*:y:1.0:*:*:*:*:*:*:*|UNDEFINED",
            "cpe:2.3:a:x:y:*:*:*:*:*:*:*:*|cpe:2.3:a:x:y:1.*:*:*:*:*:*:*:*|UNDEFINED",
            "cpe:2.3:a:x:y:1.0:*:*:*:*:*:*:*|cpe:2.3:o:x:y:1.0:*:*:*:*:*:*:*|DISJOINT",
            "cpe:2.3:o:apple:macos:-:*:*:*:*:*:*:*|cpe:2.3:o:apple:macos:-:*:*:*:*:*:*:*|EQUAL",
            "cpe:2.3:o:apple:macos:-:*:*:*:*:*:*:*|cpe:2.3:o:apple:macos:10.15:*:*:*:*:*:*:*|DISJOINT",
            "cpe:2.3:a:balabit:syslog-ng:*:*:*:*:open_source:*:*:*|cpe:2.3:a:balabit:syslog-ng:1.4:*:*:*:*:*:*:*|UNDEFINED",
            "cpe:2.3:a:balabit:syslog-ng:*:*:*:*:open_source:*:*:*|cpe:2.3:a:balabit:syslog-ng:1.4:*:*:*:open_source:*:*:*|SUPERSET",
            "cpe:2.3:*:*:*:*:*:*:*:*:*:*:*|cpe:2.3:h:espressif:esp32:-:*:*:*:*:*:*:*|SUPERSET",
    })
    void compare_names_givesNameRelation(String source, String target, CpeRelation expected) {
        Cpe s = Cpe.parse(source);
        Cpe t = Cpe.parse(target);
        assertThat(CpeMatcher.compare(s, t)).isEqualTo(expected);
        assertThat(s.matches(t)).isEqualTo(expected == CpeRelation.SUPERSET || expected == CpeRelation.EQUAL);
    }

    @Test
    void compareAttributes_perAttribute_inWfnOrder() {
        CpeRelation[] r = CpeMatcher.compareAttributes(
                Cpe.parse("cpe:2.3:a:adobe:*:9.*:*:PalmOS:*:*:*:*:*"), Cpe.parseUri("cpe:/a::Reader:9.3.2:-:-"));
        assertThat(r).containsExactly(CpeRelation.EQUAL, CpeRelation.SUBSET, CpeRelation.SUPERSET,
                CpeRelation.SUPERSET, CpeRelation.SUPERSET, CpeRelation.DISJOINT, CpeRelation.EQUAL,
                CpeRelation.EQUAL, CpeRelation.EQUAL, CpeRelation.EQUAL, CpeRelation.EQUAL);
    }
}
