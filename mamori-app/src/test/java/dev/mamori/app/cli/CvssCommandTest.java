package dev.mamori.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CvssCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MamoriCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static final String V31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    static final String V40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/CR:H/IR:L/AR:L/MAV:A/MAC:H";
    static final String V2 = "AV:N/AC:L/Au:N/C:P/I:P/A:P/E:F/RL:OF/RC:C";

    @Test
    void cvss_text_oneLinePerVector() {
        Run r = run("cvss", V31, V40, V2);
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().toList()).containsExactly(
                V31 + "  9.8 critical (base)  base 9.8 critical, temporal 9.8, environmental 9.8",
                V40 + "  6.6 medium (CVSS-BTE)  base 9.3 critical, threat 8.9, environmental 6.6",
                V2 + "  6.2 medium (temporal)  base 7.5 high, temporal 6.2, environmental 6.2");
    }

    @Test
    void cvss_json_oneObjectPerLineWithTheVersionsGroups() throws IOException {
        Run r = run("cvss", "--format", "json", V31, V40);
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper m = new ObjectMapper();
        JsonNode v3 = m.readTree(lines.get(0));
        assertThat(v3.path("vector").asText()).isEqualTo(V31);
        assertThat(v3.path("version").asText()).isEqualTo("3.1");
        assertThat(v3.path("baseScore").asDouble()).isEqualTo(9.8);
        assertThat(v3.path("baseSeverity").asText()).isEqualTo("CRITICAL");
        assertThat(v3.has("temporalScore")).isTrue();
        assertThat(v3.has("threatScore")).isFalse();
        assertThat(v3.path("environmentalScore").asDouble()).isEqualTo(9.8);
        assertThat(v3.path("score").asDouble()).isEqualTo(9.8);
        assertThat(v3.path("severity").asText()).isEqualTo("CRITICAL");
        JsonNode v4 = m.readTree(lines.get(1));
        assertThat(v4.path("version").asText()).isEqualTo("4.0");
        assertThat(v4.has("temporalScore")).isFalse();
        assertThat(v4.path("threatScore").asDouble()).isEqualTo(8.9);
        assertThat(v4.path("environmentalScore").asDouble()).isEqualTo(6.6);
        assertThat(v4.path("score").asDouble()).isEqualTo(6.6);
        assertThat(v4.path("severity").asText()).isEqualTo("MEDIUM");
    }

    @Test
    void cvss_invalidVector_errorLineForItAndExit2AtTheEnd() {
        Run r = run("cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L", V31);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out().lines().toList()).containsExactly(
                "error: invalid CVSS vector 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L': duplicate metric AV (Attack Vector)",
                V31 + "  9.8 critical (base)  base 9.8 critical, temporal 9.8, environmental 9.8");
    }

    @Test
    void cvss_invalidVectorInJson_objectWithError() throws IOException {
        Run r = run("cvss", "-f", "json", "CVSS:3.1/AV:N");
        assertThat(r.code()).isEqualTo(2);
        JsonNode n = new ObjectMapper().readTree(r.out().strip());
        assertThat(n.path("vector").asText()).isEqualTo("CVSS:3.1/AV:N");
        assertThat(n.path("error").asText()).contains("missing mandatory metrics AC, PR, UI, S, C, I, A");
    }

    @Test
    void cvss_noVector_usageErrorExit2() {
        Run r = run("cvss");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter");
    }
}
