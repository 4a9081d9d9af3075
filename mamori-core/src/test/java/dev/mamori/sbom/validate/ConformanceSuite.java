package dev.mamori.sbom.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The CycloneDX specification's test files (per spec version {@code valid-*} and {@code invalid-*}, JSON and XML) and
 * what each must give: valid files exit 0, invalid files exit 1 for the reason their name states.
 */
final class ConformanceSuite {
    static final Path ARCHIVE = Path.of("src/test/resources/sbom/cyclonedx-conformance/test-resources.tar.gz");
    static final Path CORPUS = Path.of("/work/shared/corpora/cyclonedx-spec/test-resources");

    /** One test file. */
    record Case(String path, byte[] bytes) {
        String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** {@code 1.6}, {@code ext}… : the folder. */
        String folder() {
            String p = path.startsWith("./") ? path.substring(2) : path;
            return p.substring(0, p.indexOf('/'));
        }

        String encoding() {
            return name().endsWith(".json") ? "json" : "xml";
        }

        Kind kind() {
            String n = name();
            if (n.startsWith("skip_")) {
                return Kind.SKIPPED;
            }
            if (n.startsWith("valid-")) {
                return Kind.VALID;
            }
            return Kind.INVALID;
        }

        /** The reason part of the name: {@code invalid-license-id-1.6.json} → {@code license-id}. */
        String reason() {
            String n = name().replaceFirst("^(skip_)?(informal-)?(in)?valid-", "");
            return n.replaceFirst("(-1\\.\\d)?\\.(json|xml)$", "");
        }
    }

    enum Kind { VALID, INVALID, SKIPPED }

    private ConformanceSuite() {}

    /** Every case in the committed archive, in archive order. */
    static List<Case> fromArchive() {
        List<Case> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(ARCHIVE))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String name = cString(header, 0, 100);
                if (name.isEmpty()) {
                    break;
                }
                long size = Long.parseLong(cString(header, 124, 12).trim(), 8);
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (header[156] == '0' || header[156] == 0) {
                    out.add(new Case(name, body));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every JSON and XML case in the corpus folder. */
    static List<Case> fromCorpus() {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            List<Case> out = new ArrayList<>();
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".xml")).sorted().toList()) {
                out.add(new Case("./" + CORPUS.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.US_ASCII);
    }

    /**
     * What an invalid file's errors must mention for it to fail "for its stated reason": a predicate over the
     * lower-cased {@code rule location message} of each error. First matching prefix of the reason wins.
     */
    static final Map<String, Predicate<String>> REASONS = new LinkedHashMap<>();

    static {
        REASONS.put("bomformat", t -> t.contains("bomformat"));
        REASONS.put("citations", t -> t.contains("citation"));
        REASONS.put("component-ref", t -> t.startsWith("ref."));
        REASONS.put("component-swid", t -> t.contains("swid"));
        REASONS.put("component-type", t -> t.contains("type"));
        REASONS.put("component-versionrange", t -> t.startsWith("component.version-range") || t.contains("versionrange"));
        REASONS.put("component-external-version-and-range", t -> t.startsWith("component.version-range") || t.contains("versionrange"));
        REASONS.put("dependency", t -> t.startsWith("ref.") || t.startsWith("dependency."));
        REASONS.put("depgraph", t -> t.contains("dependency"));
        REASONS.put("empty-component", t -> t.contains("component"));
        REASONS.put("hash-", t -> t.contains("hash"));
        REASONS.put("issue-type", t -> t.contains("issue") || t.contains("resolves"));
        REASONS.put("license-id-count", t -> t.contains("licen"));
        REASONS.put("license-id", t -> t.startsWith("license.unknown-id"));
        REASONS.put("license-", t -> t.startsWith("license.") || t.contains("licen"));
        REASONS.put("metadata-license", t -> t.startsWith("license.") || t.contains("licen"));
        REASONS.put("metadata-distribution", t -> t.contains("distribution") || t.contains("tlp"));
        REASONS.put("metadata-timestamp", t -> t.contains("timestamp"));
        REASONS.put("missing-component-type", t -> t.contains("type"));
        REASONS.put("namespace", t -> t.contains("namespace"));
        REASONS.put("patch-type", t -> t.contains("patch"));
        REASONS.put("properties", t -> t.contains("propert"));
        REASONS.put("scope", t -> t.contains("scope"));
        REASONS.put("serialnumber", t -> t.contains("serialnumber"));
        REASONS.put("service-data", t -> t.contains("data"));
    }

    /** The predicate for a case's stated reason, or null when the name states none this suite knows. */
    static Predicate<String> reasonCheck(Case c) {
        String r = c.reason().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Predicate<String>> e : REASONS.entrySet()) {
            if (r.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The result of one case. */
    record Result(Case c, ValidationReport report, boolean passed, String why) {}

    static Result run(Case c) {
        ValidationReport r = SbomValidator.validate(c.bytes(), c.path());
        return switch (c.kind()) {
            case VALID -> new Result(c, r, r.exitCode() == 0, r.exitCode() == 0 ? "" : "valid file rejected: " + r.problems());
            case SKIPPED -> new Result(c, r, true, "skipped (exit " + r.exitCode() + ")");
            case INVALID -> {
                if (r.exitCode() != ValidationReport.INVALID) {
                    yield new Result(c, r, false, "invalid file gave exit " + r.exitCode() + ": " + r.problems());
                }
                Predicate<String> reason = reasonCheck(c);
                boolean stated = reason == null || r.problems().stream().filter(p -> p.severity() == Severity.ERROR)
                        .map(p -> (p.rule() + " " + p.location() + " " + p.message()).toLowerCase(Locale.ROOT)).anyMatch(reason);
                yield new Result(c, r, stated, stated ? "" : "rejected, but not for its stated reason '" + c.reason() + "': " + r.problems());
            }
        };
    }

    /** Counts per folder and encoding: valid accepted / valid, invalid rejected / invalid (for the stated reason). */
    static Map<String, int[]> counts(List<Result> results) {
        Map<String, int[]> out = new TreeMap<>();
        for (Result res : results) {
            int[] n = out.computeIfAbsent(res.c().folder() + " " + res.c().encoding(), k -> new int[6]);
            switch (res.c().kind()) {
                case VALID -> {
                    n[1]++;
                    if (res.passed()) {
                        n[0]++;
                    }
                }
                case INVALID -> {
                    n[3]++;
                    if (res.report().exitCode() == ValidationReport.INVALID) {
                        n[2]++;
                    }
                    if (res.passed()) {
                        n[4]++;
                    }
                }
                case SKIPPED -> n[5]++;
            }
        }
        return out;
    }

    static String table(Map<String, int[]> counts) {
        StringBuilder sb = new StringBuilder("| version | format | valid accepted | invalid rejected | … for the stated reason | skipped |\n");
        counts.forEach((k, n) -> {
            String[] p = k.split(" ");
            sb.append("| ").append(p[0]).append(" | ").append(p[1]).append(" | ").append(n[0]).append('/').append(n[1])
                    .append(" | ").append(n[2]).append('/').append(n[3]).append(" | ").append(n[4]).append('/').append(n[3])
                    .append(" | ").append(n[5]).append(" |\n");
        });
        return sb.toString();
    }
}
