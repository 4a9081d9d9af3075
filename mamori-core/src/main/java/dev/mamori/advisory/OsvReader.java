package dev.mamori.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import dev.mamori.purl.PackageKey;
import dev.mamori.version.EventRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads OSV advisories (schema 1.x): single {@code .json} files, directories of them, and JSON lines
 * ({@code .jsonl}, {@code .jsonl.gz}). Records are handed over one at a time, so memory stays bounded.
 */
public final class OsvReader {
    private OsvReader() {}

    /** Reads every OSV record under the given paths (files or directories), in a stable order. */
    public static List<Advisory> readAll(List<Path> paths) {
        List<Advisory> out = new ArrayList<>();
        for (Path p : paths) {
            read(p, out::add);
        }
        return out;
    }

    /**
     * Reads one path: a directory is walked for {@code .json}, {@code .jsonl} and {@code .jsonl.gz} files in
     * name order; anything else is read as a file.
     *
     * @throws InputException for a missing or malformed file, naming the file and the place
     */
    public static void read(Path path, Consumer<Advisory> sink) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).filter(OsvReader::isOsvFileName).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new InputException(path.toString(), "", "cannot read directory: " + e.getMessage(), e);
            }
            for (Path f : files) {
                readFile(f, sink);
            }
        } else if (Files.isRegularFile(path)) {
            readFile(path, sink);
        } else {
            throw new InputException(path.toString(), "", "no such file or directory");
        }
    }

    private static boolean isOsvFileName(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".jsonl.gz");
    }

    private static void readFile(Path file, Consumer<Advisory> sink) {
        String source = file.toString();
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            if (name.endsWith(".jsonl.gz")) {
                readLines(new GZIPInputStream(in, 65536), source, sink);
            } else if (name.endsWith(".jsonl")) {
                readLines(in, source, sink);
            } else {
                sink.accept(toAdvisory(JsonInput.readTree(in, source), source, ""));
            }
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private static void readLines(InputStream in, String source, Consumer<Advisory> sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65536);
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JsonInput.mapper().readTree(line);
            } catch (JsonProcessingException e) {
                InputException inner = JsonInput.error(source, e);
                throw new InputException(source, "line " + n, inner.reason(), e);
            }
            sink.accept(toAdvisory(node, source, "line " + n + " "));
        }
    }

    /** Converts one parsed OSV record; {@code where} prefixes JSON pointers in errors (e.g. the line of a .jsonl). */
    public static Advisory toAdvisory(JsonNode n, String source, String where) {
        if (!n.isObject()) {
            throw new InputException(source, where + "/", "an OSV record is a JSON object");
        }
        String id = text(n, "id");
        if (id == null || id.isBlank()) {
            throw new InputException(source, where + "/id", "an OSV record needs an id");
        }
        List<Affected> affected = new ArrayList<>();
        JsonNode affectedNode = n.path("affected");
        for (int i = 0; i < affectedNode.size(); i++) {
            affected.add(affected(affectedNode.get(i), source, where + "/affected/" + i));
        }
        List<Severity> severities = new ArrayList<>();
        for (JsonNode s : n.path("severity")) {
            String type = text(s, "type");
            String score = text(s, "score");
            if (type != null && score != null) {
                severities.add(new Severity(type, score, Cvss.level(type, score)));
            }
        }
        String dbSeverity = text(n.path("database_specific"), "severity");
        if (dbSeverity != null && SeverityLevel.parse(dbSeverity) != SeverityLevel.UNKNOWN) {
            severities.add(new Severity("database_specific", dbSeverity, SeverityLevel.parse(dbSeverity)));
        }
        List<String> cwes = new ArrayList<>();
        for (JsonNode c : n.path("database_specific").path("cwe_ids")) {
            cwes.add(c.asText());
        }
        List<String> references = new ArrayList<>();
        for (JsonNode r : n.path("references")) {
            String url = text(r, "url");
            if (url != null) {
                references.add(url);
            }
        }
        List<String> aliases = new ArrayList<>();
        for (JsonNode a : n.path("aliases")) {
            aliases.add(a.asText());
        }
        return new Advisory(id, aliases, text(n, "summary"), text(n, "details"), affected, severities, cwes,
                references, text(n, "published"), text(n, "modified"), text(n, "withdrawn"), source);
    }

    private static Affected affected(JsonNode a, String source, String path) {
        JsonNode pkg = a.path("package");
        String ecosystem = text(pkg, "ecosystem");
        String name = text(pkg, "name");
        PackageKey key = ecosystem != null && name != null ? PackageKey.ofOsv(ecosystem, name) : null;
        List<AffectedRange> ranges = new ArrayList<>();
        JsonNode rangesNode = a.path("ranges");
        for (int i = 0; i < rangesNode.size(); i++) {
            JsonNode r = rangesNode.get(i);
            String rpath = path + "/ranges/" + i;
            String type = text(r, "type");
            if (type == null) {
                throw new InputException(source, rpath + "/type", "a range needs a type (SEMVER, ECOSYSTEM or GIT)");
            }
            List<EventRange.Event> events = new ArrayList<>();
            JsonNode eventsNode = r.path("events");
            for (int j = 0; j < eventsNode.size(); j++) {
                JsonNode e = eventsNode.get(j);
                EventRange.Event event = null;
                for (EventRange.Kind kind : EventRange.Kind.values()) {
                    String v = text(e, kind.osvName());
                    if (v != null) {
                        event = new EventRange.Event(kind, v);
                    }
                }
                if (event == null) {
                    throw new InputException(source, rpath + "/events/" + j,
                            "an event needs one of introduced, fixed, last_affected or limit");
                }
                events.add(event);
            }
            ranges.add(new AffectedRange(type, new EventRange(events), text(r, "repo")));
        }
        List<String> versions = new ArrayList<>();
        for (JsonNode v : a.path("versions")) {
            versions.add(v.asText());
        }
        return new Affected(key, ecosystem, name, ranges, versions, path);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
