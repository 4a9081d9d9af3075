package dev.mamori.version;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the gzipped vector files under test resources (scalibr comparisons, oracle TSVs). */
final class LangVectorFiles {
    private LangVectorFiles() {}

    /** One {@code A op B} line of an osv-scalibr file. */
    record Comparison(String file, int line, String a, String op, String b) {
        int expectedSign() {
            return switch (op) {
                case "<" -> -1;
                case "=" -> 0;
                case ">" -> 1;
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + a + " " + op + " " + b;
        }
    }

    static List<String> lines(String resource) {
        try (InputStream raw = LangVectorFiles.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                out.add(l);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The comparisons of a scalibr file: blank lines and {@code //} or {@code #} comments skipped. */
    static List<Comparison> scalibr(String name) {
        List<String> lines = lines("/scalibr-lang/" + name + ".gz");
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("//") || l.startsWith("#")) {
                continue;
            }
            String[] p = l.split(" ");
            if (p.length != 3) {
                throw new IllegalStateException(name + ":" + (i + 1) + " unexpected line: " + l);
            }
            out.add(new Comparison(name, i + 1, p[0], p[1], p[2]));
        }
        return out;
    }

    /** The data rows of an oracle TSV (header lines starting with {@code #} skipped), split at tabs. */
    static List<String[]> tsv(String resource) {
        List<String[]> out = new ArrayList<>();
        for (String l : lines(resource)) {
            if (l.startsWith("#") || l.isEmpty()) {
                continue;
            }
            out.add(l.split("\t", -1));
        }
        return out;
    }

    /** The oracle pairs ({@code A<TAB>B<TAB>sign}) on which the scheme disagrees or throws, one line each. */
    static List<String> compareFailures(VersionScheme scheme, List<String[]> rows) {
        List<String> failures = new java.util.ArrayList<>();
        for (String[] r : rows) {
            try {
                int actual = scheme.compare(r[0], r[1]);
                if (actual != Integer.parseInt(r[2])) {
                    failures.add(r[0] + " vs " + r[1] + ": expected " + r[2] + " got " + actual);
                }
            } catch (VersionException e) {
                failures.add(r[0] + " vs " + r[1] + ": " + e.getMessage());
            }
        }
        return failures;
    }

    /** The oracle range checks ({@code VERSION<TAB>RANGE<TAB>true|false}) on which the scheme disagrees or throws. */
    static List<String> satisfiesFailures(VersionScheme scheme, List<String[]> rows) {
        List<String> failures = new java.util.ArrayList<>();
        for (String[] r : rows) {
            try {
                boolean actual = scheme.parseRange(r[1]).contains(r[0]);
                if (actual != Boolean.parseBoolean(r[2])) {
                    failures.add("'" + r[0] + "' in '" + r[1] + "': expected " + r[2]);
                }
            } catch (VersionException e) {
                failures.add("'" + r[0] + "' in '" + r[1] + "': " + e.getMessage());
            }
        }
        return failures;
    }
}
