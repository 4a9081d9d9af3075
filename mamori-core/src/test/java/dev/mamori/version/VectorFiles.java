package dev.mamori.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the committed test vectors under {@code src/test/resources/version-vectors}. */
final class VectorFiles {
    private VectorFiles() {}

    /** One {@code A op B} line of an osv-scalibr comparison file. */
    record Comparison(String a, String op, String b, int line) {
        int expectedSign() {
            return switch (op) {
                case "<" -> -1;
                case ">" -> 1;
                default -> 0;
            };
        }

        @Override
        public String toString() {
            return "line " + line + ": " + a + " " + op + " " + b;
        }
    }

    static List<String> lines(String resource) {
        String path = "/version-vectors/" + resource;
        try (InputStream raw = VectorFiles.class.getResourceAsStream(path)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tab-separated data lines; {@code #} header lines and empty lines are skipped. */
    static List<String[]> tsv(String resource) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines(resource)) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(line.split("\t", -1));
            }
        }
        return out;
    }

    /** The comparisons of an osv-scalibr {@code *-versions*.txt} file; comments and blank lines skipped. */
    static List<Comparison> comparisons(String resource) {
        List<Comparison> out = new ArrayList<>();
        List<String> lines = lines(resource);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("//") || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split(" ");
            if (p.length != 3 || !(p[1].equals("<") || p[1].equals("=") || p[1].equals(">"))) {
                throw new IllegalStateException(resource + " line " + (i + 1) + " is not 'A op B': " + line);
            }
            out.add(new Comparison(p[0], p[1], p[2], i + 1));
        }
        return out;
    }

    static JsonNode json(String resource) {
        try {
            return new ObjectMapper().readTree(String.join("\n", lines(resource)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
