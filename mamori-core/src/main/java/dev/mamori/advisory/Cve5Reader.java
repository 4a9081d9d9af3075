package dev.mamori.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads CVE JSON 5.x records (the CVE List's format, {@code dataType: CVE_RECORD}) including ADP containers, such
 * as CISA's "Vulnrichment" (SSVC decision points, KEV listing, CVSS, CWE, CPEs): single files, directories
 * (the cvelistV5 layout) and JSON lines ({@code .jsonl}, {@code .jsonl.gz}).
 */
public final class Cve5Reader {
    private Cve5Reader() {}

    /** Reads a file (one record, or JSON lines) or a directory of {@code CVE-*.json} files. */
    public static void read(Path path, Consumer<Advisory> sink) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(f -> f.getFileName().toString().startsWith("CVE-"))
                        .filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new InputException(path.toString(), "", "cannot read directory: " + e.getMessage(), e);
            }
            for (Path f : files) {
                readFile(f, sink);
            }
        } else {
            readFile(path, sink);
        }
    }

    private static void readFile(Path file, Consumer<Advisory> sink) {
        Origin origin = Origin.of(file.toString());
        try (InputStream in = Inputs.open(file)) {
            if (Sniffer.isJsonLines(file)) {
                readLines(in, origin, sink);
            } else {
                sink.accept(toAdvisory(JsonInput.readTree(in, origin.location()), origin, ""));
            }
        } catch (IOException e) {
            throw Inputs.ioError(file.toString(), "", e);
        }
    }

    /** Reads JSON lines, one CVE record per line; errors name the line. */
    public static void readLines(InputStream in, Origin origin, Consumer<Advisory> sink) throws IOException {
        JsonLines.read(in, origin.location(), "a CVE record", (node, where) -> sink.accept(toAdvisory(node, origin, where)));
    }

    /** Converts one CVE 5 record; {@code where} prefixes JSON pointers in errors. */
    static Advisory toAdvisory(JsonNode record, Origin origin, String where) {
        String source = origin.location();
        if (!record.isObject()) {
            throw new InputException(source, where + "/", "a CVE record is a JSON object");
        }
        JsonNode meta = record.path("cveMetadata");
        String id = Json.text(meta, "cveId");
        if (id == null) {
            throw new InputException(source, where + "/cveMetadata/cveId", "a CVE record needs cveMetadata.cveId");
        }
        Advisory.Builder b = Advisory.builder(id, new Provenance("cve5", source, origin.fetchedAt(), null));
        b.published(Json.text(meta, "datePublished")).modified(Json.text(meta, "dateUpdated"));
        if ("REJECTED".equalsIgnoreCase(Json.text(meta, "state"))) {
            String when = Json.text(meta, "dateRejected");
            if (when == null) {
                when = Json.text(meta, "dateUpdated");
            }
            b.withdrawn(when != null ? when : "rejected");
        }
        JsonNode containers = record.path("containers");
        JsonNode cna = containers.path("cna");
        String cnaName = Json.text(cna.path("providerMetadata"), "shortName");
        if (cnaName == null) {
            cnaName = Json.text(meta, "assignerShortName");
        }
        b.summary(Json.text(cna, "title"));
        String details = CveJson.english(cna.get("descriptions"));
        if (details == null) {
            details = CveJson.english(cna.get("rejectedReasons"));
        }
        b.details(details);
        Set<String> urls = new HashSet<>();
        container(cna, cnaName, where + "/containers/cna", b, urls);
        JsonNode adps = containers.path("adp");
        for (int i = 0; i < adps.size(); i++) {
            JsonNode adp = adps.get(i);
            String name = Json.text(adp.path("providerMetadata"), "shortName");
            container(adp, name, where + "/containers/adp/" + i, b, urls);
        }
        return b.build();
    }

    private static void container(JsonNode c, String name, String pointer, Advisory.Builder b, Set<String> urls) {
        List<AffectedProduct> products = new ArrayList<>();
        CveJson.affected(c.get("affected"), name, pointer + "/affected", products);
        products.forEach(b::product);
        CveJson.configurations(c.get("cpeApplicability")).forEach(b::configuration);
        for (JsonNode m : Json.array(c, "metrics")) {
            List<Severity> severities = new ArrayList<>();
            CveJson.cvssFields(m, name, null, severities);
            severities.forEach(b::severity);
            JsonNode other = m.get("other");
            if (other != null) {
                String type = Json.text(other, "type");
                JsonNode content = other.path("content");
                if ("ssvc".equalsIgnoreCase(type)) {
                    b.ssvc(NvdReader.ssvc(content, name));
                } else if ("kev".equalsIgnoreCase(type)) {
                    b.kev(new KevListing(Json.text(content, "dateAdded"), null, null, null,
                            Json.text(content, "reference"), name));
                }
            }
        }
        for (JsonNode pt : Json.array(c, "problemTypes")) {
            for (JsonNode d : Json.array(pt, "descriptions")) {
                String cwe = Json.text(d, "cweId");
                if (cwe == null) {
                    String text = Json.text(d, "description");
                    if (text != null && text.startsWith("CWE-")) {
                        int end = 4;
                        while (end < text.length() && Character.isDigit(text.charAt(end))) {
                            end++;
                        }
                        cwe = end > 4 ? text.substring(0, end) : null;
                    }
                }
                b.cwe(cwe);
            }
        }
        for (JsonNode r : Json.array(c, "references")) {
            String url = Json.text(r, "url");
            if (url != null && urls.add(url)) {
                List<String> tags = Json.texts(r, "tags");
                b.reference(new Reference(url, Reference.typeOfTags(tags), tags));
            }
        }
        for (JsonNode cr : Json.array(c, "credits")) {
            String value = Json.text(cr, "value");
            if (value != null) {
                b.credit(new Credit(value, Json.text(cr, "type"), List.of()));
            }
        }
    }
}
