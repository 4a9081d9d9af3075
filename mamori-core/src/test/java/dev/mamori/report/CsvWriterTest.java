package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class CsvWriterTest {

    /** An RFC 4180 reader: records of fields, CRLF-separated, quoted fields may hold commas, quotes and line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("bare LF or CR outside quotes at %d", i).isNotIn('\n', '\r');
                field.append(c);
            }
        }
        assertThat(field).as("the last record ends with CRLF").isEmpty();
        return rows;
    }

    static List<Map<String, String>> records(String csv) {
        List<List<String>> rows = parse(csv);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            assertThat(r).hasSize(rows.getFirst().size());
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < r.size(); i++) {
                m.put(rows.getFirst().get(i), r.get(i));
            }
            out.add(m);
        }
        return out;
    }

    static String csv(List<ScanReport> reports) {
        StringWriter w = new StringWriter();
        CsvWriter.write(reports, w);
        return w.toString();
    }

    @Test
    void write_kawipikoWithVex_oneRowPerFindingOpenThenSuppressed() {
        ScanReport r = ReportFixtures.kawipiko("scenario/kawipiko.openvex.json");
        String csv = csv(List.of(r));
        List<List<String>> rows = parse(csv);
        assertThat(rows.getFirst()).isEqualTo(CsvWriter.COLUMNS);
        List<Map<String, String>> recs = records(csv);
        assertThat(recs).hasSize(10);
        assertThat(recs.subList(0, 7)).allSatisfy(m -> assertThat(m.get("status")).isEqualTo("open"));
        assertThat(recs.subList(7, 10)).allSatisfy(m -> {
            assertThat(m.get("status")).isEqualTo("suppressed");
            assertThat(m.get("vex_file")).endsWith("kawipiko.openvex.json");
            assertThat(m.get("vex_status")).isEqualTo("not_affected");
            assertThat(m.get("priority")).isEmpty();
        });
        assertThat(recs.subList(0, 7)).extracting(m -> m.get("priority")).containsExactly("1", "2", "3", "4", "5", "6", "7");
        Map<String, String> first = recs.getFirst();
        assertThat(first).containsEntry("vulnerability", "CVE-2023-44487").containsEntry("aliases", "GHSA-qppj-fm5r-hxr3")
                .containsEntry("severity", "medium").containsEntry("cvss_version", "3.1").containsEntry("cvss_base", "5.3")
                .containsEntry("cvss_environmental", "5.3").containsEntry("epss", "0.99999").containsEntry("kev_date_added", "2023-10-10")
                .containsEntry("component", "golang.org/x/net").containsEntry("fixed_in", "0.17.0").containsEntry("cwes", "CWE-400")
                .containsEntry("weakness", "unknown").containsEntry("confidence", "high").containsEntry("match_method", "purl");
        assertThat(first.get("reasons")).contains("in KEV since 2023-10-10");
        assertThat(first.get("sbom")).endsWith("kawipiko-sbom.cdx.json");
        Map<String, String> text = recs.stream().filter(m -> m.get("vulnerability").equals("CVE-2022-32149")).findFirst().orElseThrow();
        assertThat(text).containsEntry("status", "suppressed").containsEntry("vex_statement", "/statements/1")
                .containsEntry("vex_justification", "vulnerable_code_cannot_be_controlled_by_adversary")
                .containsEntry("aliases", "GHSA-69ch-w2m2-3vjp GO-2022-1059");
        Map<String, String> affected = recs.stream().filter(m -> m.get("vulnerability").equals("CVE-2022-41717")).findFirst().orElseThrow();
        assertThat(affected).containsEntry("status", "open").containsEntry("vex_status", "affected").containsEntry("vex_statement", "/statements/3");
        assertThat(csv).contains("\r\n").doesNotContain("\r\r");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "plain|plain",
        "a,b|\"a,b\"",
        "say \"hi\"|\"say \"\"hi\"\"\"",
        "'two\nlines'|'\"two\nlines\"'",
        "'cr\rhere'|'\"cr\rhere\"'",
        "' spaces kept '|' spaces kept '",
    })
    void field_specialCharacters_quotedAsRfc4180Says(String value, String expected) {
        assertThat(CsvWriter.field(value)).isEqualTo(expected);
        assertThat(parse(CsvWriter.field(value) + "\r\n")).containsExactly(List.of(value));
    }

    @Test
    void write_noFindings_onlyTheHeader() {
        ScanReport empty = new ScanReport("x.json", 3, 0, List.of(), List.of(), List.of());
        assertThat(csv(List.of(empty))).isEqualTo(String.join(",", CsvWriter.COLUMNS) + "\r\n");
        assertThat(CsvWriter.field(null)).isEmpty();
    }
}
