package dev.mamori.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import dev.mamori.input.Utf8;
import dev.mamori.purl.PackageKey;
import dev.mamori.version.EventRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads OSV advisories (schema 1.x, every ecosystem including the distro ones): single {@code .json} files (one
 * record, or an array of records), directories of them, JSON lines ({@code .jsonl}, {@code .jsonl.gz}) and the
 * per-ecosystem zip archives OSV publishes ({@code <Ecosystem>/all.zip}, one JSON file per record). Records are
 * handed over one at a time, so memory stays bounded by the largest record.
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
     * Reads one path: a directory is walked for {@code .json}, {@code .jsonl}, {@code .jsonl.gz} and {@code .zip}
     * files in name order; anything else is read as a file. Gzip and zip are recognised by content.
     *
     * @throws InputException for a missing or malformed file, naming the file and the place
     */
    public static void read(Path path, Consumer<Advisory> sink) {
        read(path, ArchiveLimits.DEFAULT, null, sink);
    }

    /** As {@link #read(Path, Consumer)}, with archive limits and the time the data was fetched (or null). */
    public static void read(Path path, ArchiveLimits limits, java.time.Instant fetchedAt, Consumer<Advisory> sink) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).filter(OsvReader::isOsvFileName).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new InputException(path.toString(), "", "cannot read directory: " + e.getMessage(), e);
            }
            for (Path f : files) {
                readFile(f, limits, fetchedAt, sink);
            }
        } else if (Files.isRegularFile(path)) {
            readFile(path, limits, fetchedAt, sink);
        } else {
            throw new InputException(path.toString(), "", "no such file or directory");
        }
    }

    private static boolean isOsvFileName(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") || n.endsWith(".json.gz")
                || n.endsWith(".zip") || n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static void readFile(Path file, ArchiveLimits limits, java.time.Instant fetchedAt, Consumer<Advisory> sink) {
        String name = file.getFileName().toString();
        if (Sniffer.isZip(file)) {
            readArchive(file, limits, fetchedAt, sink);
            return;
        }
        Origin origin = new Origin(file.toString(), fetchedAt);
        try (InputStream in = Inputs.open(file)) {
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                readYaml(in, origin, sink);
            } else if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")
                    || (!name.endsWith(".json") && Sniffer.isJsonLines(file))) {
                readLines(in, origin, sink);
            } else {
                readDocument(in, origin, sink);
            }
        } catch (IOException e) {
            throw Inputs.ioError(file.toString(), "", e);
        }
    }

    /**
     * Reads an OSV zip archive: every {@code .json} entry is one record (or an array of records). A truncated or
     * corrupt archive, or one that breaks the limits, is refused with an {@link InputException}.
     */
    public static void readArchive(Path zip, ArchiveLimits limits, java.time.Instant fetchedAt, Consumer<Advisory> sink) {
        Origin origin = new Origin(zip.toString(), fetchedAt);
        ZipArchive.forEachEntry(zip, limits, n -> n.endsWith(".json"),
                (entry, in) -> readDocument(in, origin.entry(entry), sink));
    }

    /** Reads one JSON document: an OSV record, or an array of them. */
    public static void readDocument(InputStream in, Origin origin, Consumer<Advisory> sink) {
        JsonNode root = JsonInput.readTree(in, origin.location());
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                sink.accept(toAdvisory(root.get(i), origin, "/" + i));
            }
        } else {
            sink.accept(toAdvisory(root, origin, ""));
        }
    }

    /**
     * Reads one OSV record written as YAML. Every scalar is kept as the text written ({@code 1.10} stays
     * {@code 1.10}, where a YAML number would make it 1.1); aliases and anchors are limited by the YAML parser and the
     * same size limits as JSON apply.
     */
    public static void readYaml(InputStream in, Origin origin, Consumer<Advisory> sink) {
        JsonNode root;
        try (com.fasterxml.jackson.core.JsonParser p = YAML.createParser(Utf8.skipByteOrderMark(in))) {
            if (p.nextToken() == null) {
                throw new InputException(origin.location(), "", "empty YAML document, expected an OSV record");
            }
            root = yamlTree(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonInput.error(origin.location(), e);
        } catch (IOException e) {
            throw new InputException(origin.location(), "", "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(origin.location(), "", "not valid YAML: " + e.getMessage(), e);
        }
        sink.accept(toAdvisory(root, origin, ""));
    }

    private static final com.fasterxml.jackson.dataformat.yaml.YAMLFactory YAML =
            com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder()
                    .streamReadConstraints(JsonInput.factory().streamReadConstraints()).build();

    /** The tree at the parser's current token, with scalars as the text written. */
    private static JsonNode yamlTree(com.fasterxml.jackson.core.JsonParser p) throws IOException {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                com.fasterxml.jackson.databind.node.ObjectNode o = f.objectNode();
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, yamlTree(p));
                }
                yield o;
            }
            case START_ARRAY -> {
                com.fasterxml.jackson.databind.node.ArrayNode a = f.arrayNode();
                while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                    a.add(yamlTree(p));
                }
                yield a;
            }
            case VALUE_NULL -> f.nullNode();
            case VALUE_TRUE, VALUE_FALSE -> f.booleanNode(p.getBooleanValue());
            default -> f.textNode(p.getText());
        };
    }

    /** Reads JSON lines: one OSV record per line; blank lines are skipped; errors name the line. */
    public static void readLines(InputStream in, Origin origin, Consumer<Advisory> sink) throws IOException {
        JsonLines.read(in, origin.location(), "an OSV record", (node, where) -> sink.accept(toAdvisory(node, origin, where)));
    }

    /** Converts one parsed OSV record; {@code where} prefixes JSON pointers in errors (e.g. the line of a .jsonl). */
    public static Advisory toAdvisory(JsonNode n, String source, String where) {
        return toAdvisory(n, Origin.of(source), where);
    }

    static Advisory toAdvisory(JsonNode n, Origin origin, String where) {
        String source = origin.location();
        if (!n.isObject()) {
            throw new InputException(source, where + "/", "an OSV record is a JSON object");
        }
        String id = Json.text(n, "id");
        if (id == null) {
            throw new InputException(source, where + "/id", "an OSV record needs an id");
        }
        Advisory.Builder b = Advisory.builder(id, new Provenance(sourceName(id), source, origin.fetchedAt(), null));
        Json.texts(n, "aliases").forEach(b::alias);
        Json.texts(n, "related").forEach(b::related);
        Json.texts(n, "upstream").forEach(b::upstream);
        b.summary(Json.text(n, "summary")).details(Json.text(n, "details"))
                .published(Json.text(n, "published")).modified(Json.text(n, "modified"))
                .withdrawn(Json.text(n, "withdrawn"));
        JsonNode affectedNode = n.path("affected");
        for (int i = 0; i < affectedNode.size(); i++) {
            b.affected(affected(affectedNode.get(i), source, where + "/affected/" + i));
        }
        severities(n, b::severity);
        JsonNode dbSpecific = n.get("database_specific");
        if (dbSpecific != null && dbSpecific.isObject()) {
            b.databaseSpecific(dbSpecific.toString());
            String dbSeverity = Json.text(dbSpecific, "severity");
            SeverityLevel level = SeverityLevel.parse(dbSeverity);
            if (level != SeverityLevel.UNKNOWN) {
                b.severity(new Severity("database_specific", dbSeverity, level));
            }
            Json.texts(dbSpecific, "cwe_ids").forEach(b::cwe);
        }
        for (JsonNode r : Json.array(n, "references")) {
            String url = Json.text(r, "url");
            if (url != null) {
                b.reference(new Reference(url, Json.text(r, "type")));
            }
        }
        for (JsonNode c : Json.array(n, "credits")) {
            String name = Json.text(c, "name");
            if (name != null) {
                b.credit(new Credit(name, Json.text(c, "type"), Json.texts(c, "contact")));
            }
        }
        return b.build();
    }

    /** {@code osv/} and the id's prefix: {@code osv/GHSA}, {@code osv/PYSEC}, {@code osv/ALSA}, {@code osv/UBUNTU}. */
    static String sourceName(String id) {
        int dash = id.indexOf('-');
        String prefix = dash > 0 ? id.substring(0, dash) : id;
        return "osv/" + prefix.toUpperCase(Locale.ROOT);
    }

    private static void severities(JsonNode n, Consumer<Severity> sink) {
        for (JsonNode s : Json.array(n, "severity")) {
            String type = Json.text(s, "type");
            String score = Json.text(s, "score");
            if (type != null && score != null) {
                sink.accept(Cvss.severity(type, score, null, null, null, null));
            }
        }
    }

    private static Affected affected(JsonNode a, String source, String path) {
        JsonNode pkg = a.path("package");
        String ecosystem = Json.text(pkg, "ecosystem");
        String name = Json.text(pkg, "name");
        PackageKey key = ecosystem != null && name != null ? PackageKey.ofOsv(ecosystem, name) : null;
        List<AffectedRange> ranges = new ArrayList<>();
        JsonNode rangesNode = a.path("ranges");
        for (int i = 0; i < rangesNode.size(); i++) {
            JsonNode r = rangesNode.get(i);
            String rpath = path + "/ranges/" + i;
            String type = Json.text(r, "type");
            if (type == null) {
                throw new InputException(source, rpath + "/type", "a range needs a type (SEMVER, ECOSYSTEM or GIT)");
            }
            List<EventRange.Event> events = new ArrayList<>();
            JsonNode eventsNode = r.path("events");
            for (int j = 0; j < eventsNode.size(); j++) {
                JsonNode e = eventsNode.get(j);
                EventRange.Event event = null;
                for (EventRange.Kind kind : EventRange.Kind.values()) {
                    JsonNode v = e.get(kind.osvName());
                    if (v != null && v.isValueNode() && !v.isNull()) {
                        event = new EventRange.Event(kind, v.asText());
                    }
                }
                if (event == null) {
                    throw new InputException(source, rpath + "/events/" + j,
                            "an event needs one of introduced, fixed, last_affected or limit");
                }
                events.add(event);
            }
            ranges.add(new AffectedRange(type, new EventRange(events), Json.text(r, "repo")));
        }
        List<String> versions = new ArrayList<>();
        for (JsonNode v : a.path("versions")) {
            versions.add(v.asText());
        }
        List<Severity> severities = new ArrayList<>();
        severities(a, severities::add);
        return new Affected(key, ecosystem, name, ranges, versions, path, Json.text(pkg, "purl"), severities,
                Json.raw(a, "ecosystem_specific"), Json.raw(a, "database_specific"));
    }

    /** Whether a parsed JSON object looks like an OSV record (used by the format sniffer). */
    static boolean looksLikeOsv(java.util.Set<String> rootFields) {
        return rootFields.contains("id") && (rootFields.contains("modified") || rootFields.contains("affected")
                || rootFields.contains("schema_version") || rootFields.contains("aliases"));
    }
}
