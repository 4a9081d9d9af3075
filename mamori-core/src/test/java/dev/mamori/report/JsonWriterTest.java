package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

final class JsonWriterTest {

    static JsonNode json(ScanReport r) throws Exception {
        StringWriter w = new StringWriter();
        JsonWriter.write(List.of(r), w);
        return new ObjectMapper().readTree(w.toString()).path("reports").get(0);
    }

    @Test
    void write_kawipikoWithVex_findingsCarryRiskAndVexAndSuppressedNameTheStatement() throws Exception {
        JsonNode r = json(ReportFixtures.kawipiko("scenario/kawipiko.openvex.json"));
        assertThat(r.path("findings")).hasSize(7);
        assertThat(r.path("suppressed")).hasSize(3);
        assertThat(r.path("priorities")).hasSize(7);
        assertThat(r.path("priorities").get(0).path("vulnerability").asText()).isEqualTo("CVE-2023-44487");
        JsonNode rapid = null;
        for (JsonNode f : r.path("findings")) {
            if (f.path("vulnerability").path("id").asText().equals("CVE-2023-44487")) {
                rapid = f;
            }
        }
        assertThat(rapid).isNotNull();
        JsonNode risk = rapid.path("risk");
        assertThat(risk.path("priority").asInt()).isEqualTo(1);
        assertThat(risk.path("kev").path("dateAdded").asText()).isEqualTo("2023-10-10");
        assertThat(risk.path("epss").path("score").asDouble()).isEqualTo(0.99999);
        assertThat(risk.path("ssvc").path("table").asText()).isEqualTo("cisa_coordinator_2_0_3");
        assertThat(risk.path("ssvc").path("inputs").get(0).path("source").asText()).isEqualTo("KEV");
        assertThat(risk.path("cvss").get(0).path("baseScore").asDouble()).isEqualTo(5.3);
        assertThat(risk.path("cvss").get(0).path("environmentalScore").asDouble()).isEqualTo(5.3);
        assertThat(risk.path("weakness").path("class").asText()).isEqualTo("unknown");
        assertThat(rapid.path("vulnerability").path("cwes").get(0).asText()).isEqualTo("CWE-400");
        JsonNode s = r.path("suppressed").get(0).path("suppressedBy");
        assertThat(s.path("file").asText()).endsWith("kawipiko.openvex.json");
        assertThat(s.path("format").asText()).isEqualTo("OpenVEX 0.2.0");
        assertThat(s.path("status").asText()).isEqualTo("not_affected");
        assertThat(s.path("statement").asText()).startsWith("/statements/");
        boolean sawAffected = false;
        for (JsonNode f : r.path("findings")) {
            if (f.has("vex")) {
                sawAffected |= f.path("vex").path("status").asText().equals("affected");
            }
        }
        assertThat(sawAffected).isTrue();
    }
}
