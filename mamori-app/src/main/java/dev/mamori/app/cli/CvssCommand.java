package dev.mamori.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.risk.CvssCalculator;
import dev.mamori.risk.CvssException;
import dev.mamori.risk.CvssScores;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mamori cvss VECTOR…}: score CVSS v2.0, v3.0, v3.1 and v4.0 vectors. */
@Command(name = "cvss",
        description = "Score CVSS vectors (v2.0, v3.0, v3.1, v4.0): base, temporal/threat and environmental scores.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 every vector scored, 2 at least one vector invalid (its line says why)."})
final class CvssCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, json }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "VECTOR",
            description = "CVSS vectors, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H or AV:N/AC:L/Au:N/C:P/I:P/A:P (v2).")
    List<String> vectors;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        boolean invalid = false;
        for (String vector : vectors) {
            try {
                CvssScores s = CvssCalculator.score(vector);
                out.println(format == Format.json ? JSON.writeValueAsString(json(vector, s)) : text(vector, s));
            } catch (CvssException e) {
                invalid = true;
                if (format == Format.json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("vector", vector);
                    m.put("error", e.getMessage());
                    out.println(JSON.writeValueAsString(m));
                } else {
                    out.println("error: " + e.getMessage());
                }
            }
        }
        out.flush();
        return invalid ? MamoriCommand.USAGE_OR_INPUT : MamoriCommand.OK;
    }

    static String text(String vector, CvssScores s) {
        StringBuilder b = new StringBuilder();
        b.append(vector).append("  ").append(String.format(Locale.ROOT, "%.1f %s (%s)", s.score(), s.severity().label(), s.kind()));
        b.append(String.format(Locale.ROOT, "  base %.1f %s", s.baseScore(), s.baseSeverity().label()));
        if (s.temporalScore() != null) {
            b.append(String.format(Locale.ROOT, ", temporal %.1f", s.temporalScore()));
        }
        if (s.threatScore() != null) {
            b.append(String.format(Locale.ROOT, ", threat %.1f", s.threatScore()));
        }
        b.append(String.format(Locale.ROOT, ", environmental %.1f", s.environmentalScore()));
        return b.toString();
    }

    static Map<String, Object> json(String vector, CvssScores s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vector", vector);
        m.put("version", s.version().label());
        m.put("baseScore", s.baseScore());
        m.put("baseSeverity", s.baseSeverity().name());
        if (s.temporalScore() != null) {
            m.put("temporalScore", s.temporalScore());
        }
        if (s.threatScore() != null) {
            m.put("threatScore", s.threatScore());
        }
        m.put("environmentalScore", s.environmentalScore());
        m.put("score", s.score());
        m.put("severity", s.severity().name());
        m.put("kind", s.kind());
        return m;
    }
}
