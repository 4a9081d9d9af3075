package dev.mamori.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code manifest.json} of a bundle: what it holds, per source, and the SHA-256 of every payload file. The signature
 * covers these bytes, so a verified manifest vouches for every payload whose hash matches it.
 *
 * <pre>{@code
 * {"format":"mamori-intel-bundle","formatVersion":1,"createdAt":"2026-11-25T10:15:30.123Z",
 *  "sources":[{"source":"osv/GHSA","kind":"advisories","records":2,"withdrawn":0,"lastSync":"…",
 *              "newestModified":"…","files":[{"name":"payload/0001.jsonl","records":2,"bytes":5120,"sha256":"…"}]}]}
 * }</pre>
 */
record BundleManifest(int formatVersion, Instant createdAt, List<Source> sources) {
    static final String FORMAT = "mamori-intel-bundle";
    static final int FORMAT_VERSION = 1;

    BundleManifest {
        sources = List.copyOf(sources);
    }

    /** One source's records, in one or more payload files (JSON lines of {@code AdvisoryCodec} records). */
    record Source(String source, String kind, long records, long withdrawn, Instant lastSync, Instant newestModified,
                  String feedVersion, String feedDate, List<Part> files) {
        Source {
            files = List.copyOf(files);
        }
    }

    /** One payload file: its entry name, record count, size and SHA-256 (hex) of its uncompressed bytes. */
    record Part(String name, long records, long bytes, String sha256) {}

    byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("formatVersion", formatVersion);
            g.writeStringField("createdAt", Timestamps.format(createdAt));
            g.writeArrayFieldStart("sources");
            for (Source s : sources) {
                g.writeStartObject();
                g.writeStringField("source", s.source());
                g.writeStringField("kind", s.kind());
                g.writeNumberField("records", s.records());
                g.writeNumberField("withdrawn", s.withdrawn());
                optional(g, "lastSync", Timestamps.format(s.lastSync()));
                optional(g, "newestModified", Timestamps.format(s.newestModified()));
                optional(g, "feedVersion", s.feedVersion());
                optional(g, "feedDate", s.feedDate());
                g.writeArrayFieldStart("files");
                for (Part p : s.files()) {
                    g.writeStartObject();
                    g.writeStringField("name", p.name());
                    g.writeNumberField("records", p.records());
                    g.writeNumberField("bytes", p.bytes());
                    g.writeStringField("sha256", p.sha256());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    /**
     * Reads a manifest.
     *
     * @param where names the manifest in errors ({@code bundle.zip!manifest.json})
     */
    static BundleManifest parse(byte[] json, String where) {
        JsonNode root = JsonInput.readTree(new ByteArrayInputStream(json), where);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new InputException(where, "/format", "not a Mamori intelligence bundle (format is not '" + FORMAT + "')");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new InputException(where, "/formatVersion", "bundle format version " + version
                    + " is not supported (this Mamori reads version " + FORMAT_VERSION + ")");
        }
        Instant createdAt = instant(root, "createdAt", where, "/createdAt");
        List<Source> sources = new ArrayList<>();
        JsonNode list = root.path("sources");
        if (!list.isArray()) {
            throw new InputException(where, "/sources", "expected an array of sources");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String at = "/sources/" + i;
            String source = text(s, "source", where, at);
            String kind = text(s, "kind", where, at);
            if (!List.of(ImportSession.ADVISORIES, ImportSession.KEV, ImportSession.EPSS, ImportSession.CWE).contains(kind)) {
                throw new InputException(where, at + "/kind", "unknown kind '" + kind + "'");
            }
            List<Part> parts = new ArrayList<>();
            JsonNode files = s.path("files");
            for (int j = 0; j < files.size(); j++) {
                JsonNode f = files.get(j);
                String fat = at + "/files/" + j;
                String sha = text(f, "sha256", where, fat);
                if (!sha.matches("[0-9a-f]{64}")) {
                    throw new InputException(where, fat + "/sha256", "not a SHA-256 in hex");
                }
                parts.add(new Part(text(f, "name", where, fat), number(f, "records", where, fat),
                        number(f, "bytes", where, fat), sha));
            }
            sources.add(new Source(source, kind, number(s, "records", where, at), number(s, "withdrawn", where, at),
                    s.hasNonNull("lastSync") ? instant(s, "lastSync", where, at + "/lastSync") : null,
                    s.hasNonNull("newestModified") ? instant(s, "newestModified", where, at + "/newestModified") : null,
                    s.hasNonNull("feedVersion") ? s.get("feedVersion").asText() : null,
                    s.hasNonNull("feedDate") ? s.get("feedDate").asText() : null, parts));
        }
        return new BundleManifest(version, createdAt, sources);
    }

    private static String text(JsonNode n, String field, String where, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new InputException(where, at + "/" + field, "expected a non-empty string");
        }
        return v.asText();
    }

    private static long number(JsonNode n, String field, String where, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
            throw new InputException(where, at + "/" + field, "expected a count");
        }
        return v.asLong();
    }

    private static Instant instant(JsonNode n, String field, String where, String at) {
        JsonNode v = n.get(field);
        try {
            return Instant.parse(v == null ? "" : v.asText());
        } catch (DateTimeParseException e) {
            throw new InputException(where, at, "expected a UTC instant such as 2026-11-25T10:15:30Z");
        }
    }
}
