package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CVSS v4 tables embedded in Cvss4Tables equal the FIRST reference calculator's data, entry for entry. */
final class Cvss4TablesTest {
    static JsonNode json(String name) throws IOException {
        try (InputStream in = Cvss4TablesTest.class.getResourceAsStream("/cvss-v4-first/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void lookup_equalsFirstCvssLookup_all270MacroVectors() throws IOException {
        JsonNode first = json("cvss_lookup.json");
        Map<String, Double> expected = new LinkedHashMap<>();
        first.properties().forEach(e -> expected.put(e.getKey(), e.getValue().asDouble()));
        assertThat(expected).hasSize(270);
        assertThat(Cvss4Tables.lookup()).containsExactlyEntriesOf(expected);
    }

    @Test
    void maxComposed_equalsFirstMaxComposed() throws IOException {
        JsonNode first = json("max_composed.json");
        assertThat(Cvss4Tables.MAX_COMPOSED_EQ1).isEqualTo(lists(first.get("eq1")));
        assertThat(Cvss4Tables.MAX_COMPOSED_EQ2).isEqualTo(lists(first.get("eq2")));
        assertThat(Cvss4Tables.MAX_COMPOSED_EQ4).isEqualTo(lists(first.get("eq4")));
        assertThat(Cvss4Tables.MAX_COMPOSED_EQ5).isEqualTo(lists(first.get("eq5")));
        Map<String, List<String>> eq3 = new LinkedHashMap<>();
        first.get("eq3").properties().forEach(e3 -> e3.getValue().properties()
                .forEach(e6 -> eq3.put(e3.getKey() + e6.getKey(), strings(e6.getValue()))));
        assertThat(Cvss4Tables.MAX_COMPOSED_EQ3_EQ6).containsExactlyEntriesOf(eq3);
    }

    @Test
    void maxSeverity_equalsFirstMaxSeverity() throws IOException {
        JsonNode first = json("max_severity.json");
        assertThat(ints(first.get("eq1"))).containsExactly(Cvss4Tables.MAX_SEVERITY_EQ1);
        assertThat(ints(first.get("eq2"))).containsExactly(Cvss4Tables.MAX_SEVERITY_EQ2);
        assertThat(ints(first.get("eq4"))).containsExactly(Cvss4Tables.MAX_SEVERITY_EQ4);
        assertThat(ints(first.get("eq5"))).containsExactly(Cvss4Tables.MAX_SEVERITY_EQ5);
        Map<String, Integer> eq36 = new LinkedHashMap<>();
        first.get("eq3eq6").properties().forEach(e3 -> e3.getValue().properties()
                .forEach(e6 -> eq36.put(e3.getKey() + e6.getKey(), e6.getValue().asInt())));
        assertThat(Cvss4Tables.MAX_SEVERITY_EQ3_EQ6).containsExactlyEntriesOf(eq36);
    }

    private static Map<String, List<String>> lists(JsonNode node) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), strings(e.getValue())));
        return map;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static int[] ints(JsonNode object) {
        List<Integer> list = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            assertThat(Integer.parseInt(key)).isEqualTo(list.size());
            list.add(object.get(key).asInt());
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
