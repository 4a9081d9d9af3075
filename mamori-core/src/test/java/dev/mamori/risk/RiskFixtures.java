package dev.mamori.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLStreamException;

/**
 * Loads the real example data of src/test/resources/risk-example into RiskInputs. (Reading CVE 5 records, KEV and
 * EPSS for real belongs to the intelligence packages; this is a test's minimal reader.)
 */
final class RiskFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RiskFixtures() {}

    static InputStream resource(String name) {
        InputStream in = RiskFixtures.class.getResourceAsStream("/risk-example/" + name);
        if (in == null) {
            throw new IllegalStateException("missing " + name);
        }
        return in;
    }

    static RiskProfile profile(String name) {
        try (InputStream in = resource(name)) {
            return RiskProfile.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CweXmlCatalog catalog() {
        try {
            return WeaknessClassifierTest.catalog();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every example CVE as a RiskInput, in file order. */
    static Map<String, RiskInput> inputs() {
        try {
            Map<String, KevEntry> kev = new LinkedHashMap<>();
            try (InputStream in = resource("kev-subset.json")) {
                for (JsonNode v : JSON.readTree(in).get("vulnerabilities")) {
                    kev.put(v.get("cveID").asText(), new KevEntry(v.get("cveID").asText(),
                            LocalDate.parse(v.get("dateAdded").asText()), LocalDate.parse(v.get("dueDate").asText()),
                            "Known".equals(v.path("knownRansomwareCampaignUse").asText())));
                }
            }
            Map<String, Epss> epss = new LinkedHashMap<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(resource("epss-subset.csv"), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("#") || line.startsWith("cve,")) {
                        continue;
                    }
                    String[] c = line.split(",");
                    epss.put(c[0], new Epss(Double.parseDouble(c[1]), Double.parseDouble(c[2]), LocalDate.parse("2026-08-16")));
                }
            }
            Map<String, RiskInput> inputs = new LinkedHashMap<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(resource("cve5-records.jsonl.gz")), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode rec = JSON.readTree(line);
                    String id = rec.at("/cveMetadata/cveId").asText();
                    List<String> vectors = new ArrayList<>();
                    List<String> cwes = new ArrayList<>();
                    VulnrichmentSsvc ssvc = null;
                    List<JsonNode> containers = new ArrayList<>();
                    containers.add(rec.at("/containers/cna"));
                    rec.at("/containers/adp").forEach(containers::add);
                    for (JsonNode c : containers) {
                        for (JsonNode m : c.path("metrics")) {
                            m.fieldNames().forEachRemaining(k -> {
                                if (k.startsWith("cvssV")) {
                                    String v = m.get(k).path("vectorString").asText();
                                    if (!vectors.contains(v)) {
                                        vectors.add(v);
                                    }
                                }
                            });
                            JsonNode other = m.path("other");
                            if ("ssvc".equals(other.path("type").asText())) {
                                String e = null, a = null, t = null;
                                for (JsonNode o : other.at("/content/options")) {
                                    e = o.has("Exploitation") ? o.get("Exploitation").asText() : e;
                                    a = o.has("Automatable") ? o.get("Automatable").asText() : a;
                                    t = o.has("Technical Impact") ? o.get("Technical Impact").asText() : t;
                                }
                                ssvc = VulnrichmentSsvc.of(e, a, t, other.at("/content/timestamp").asText());
                            }
                        }
                        for (JsonNode pt : c.path("problemTypes")) {
                            for (JsonNode d : pt.path("descriptions")) {
                                if (d.has("cweId") && !cwes.contains(d.get("cweId").asText())) {
                                    cwes.add(d.get("cweId").asText());
                                }
                            }
                        }
                    }
                    inputs.put(id, new RiskInput(id, vectors, cwes,
                            new ThreatIntel(epss.get(id), kev.get(id), List.of(), ssvc), UserInputs.none()));
                }
            }
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
