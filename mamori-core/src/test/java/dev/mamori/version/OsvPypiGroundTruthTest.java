package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Range evaluation against ground truth: every PyPI advisory of the Python Packaging Advisory Database lists its
 * affected versions explicitly. Evaluating the advisory's ECOSYSTEM ranges over the versions it lists, and over every
 * other version of the same package known from the whole database, must agree with the list.
 */
final class OsvPypiGroundTruthTest {
    record Entry(String id, String pkg, List<EventRange> ranges, Set<String> listed) {}

    @Test
    void pypiRanges_agreeWithExplicitVersionLists() throws IOException {
        VersionScheme pypi = VersionSchemes.forName("pypi");
        List<Entry> entries = new ArrayList<>();
        Map<String, Set<String>> knownVersions = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                getClass().getResourceAsStream("/osv-pypi/osv-pypi.jsonl.gz")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode adv = mapper.readTree(line);
                for (JsonNode affected : adv.path("affected")) {
                    String pkg = affected.path("package").path("name").asText().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
                    List<EventRange> ranges = new ArrayList<>();
                    for (JsonNode range : affected.path("ranges")) {
                        if (!range.path("type").asText().equals("ECOSYSTEM")) {
                            continue;
                        }
                        List<EventRange.Event> events = new ArrayList<>();
                        for (JsonNode e : range.path("events")) {
                            e.fields().forEachRemaining(f -> events.add(new EventRange.Event(
                                    EventRange.Kind.valueOf(f.getKey().toUpperCase(Locale.ROOT)), f.getValue().asText())));
                        }
                        ranges.add(new EventRange(events));
                    }
                    Set<String> listed = new LinkedHashSet<>();
                    affected.path("versions").forEach(v -> listed.add(v.asText()));
                    knownVersions.computeIfAbsent(pkg, k -> new LinkedHashSet<>()).addAll(listed);
                    if (!ranges.isEmpty() && !listed.isEmpty()) {
                        entries.add(new Entry(adv.path("id").asText(), pkg, ranges, listed));
                    }
                }
            }
        }
        int inside = 0;
        int outside = 0;
        List<String> disagreements = new ArrayList<>();
        int newer = 0;
        for (Entry e : entries) {
            // The list was computed when the advisory was last generated: versions released later than the newest
            // listed one are absent from it whatever the range says, so only versions up to that one are judged.
            String newestListed = e.listed().stream().max(pypi.comparator()).orElseThrow();
            for (String v : knownVersions.get(e.pkg())) {
                if (pypi.compare(v, newestListed) > 0) {
                    newer++;
                    continue;
                }
                boolean inRange;
                try {
                    inRange = e.ranges().stream().anyMatch(r -> r.contains(pypi, v));
                } catch (VersionException ex) {
                    disagreements.add(e.id() + " " + e.pkg() + " " + v + ": " + ex.getMessage());
                    continue;
                }
                boolean listed = e.listed().contains(v);
                if (listed) {
                    inside++;
                } else {
                    outside++;
                }
                if (inRange != listed) {
                    disagreements.add(e.id() + " " + e.pkg() + " " + v + ": range says " + inRange + ", list says " + listed);
                }
            }
        }
        System.out.printf("OSV PyPI ground truth: %d advisory entries, %d listed versions inside, %d other known versions outside,"
                + " %d newer than the list (not judged), %d disagreements%n", entries.size(), inside, outside, newer, disagreements.size());
        assertThat(entries).hasSizeGreaterThan(2000);
        assertThat(disagreements).isEmpty();
    }
}
