package dev.mamori.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mamori.sbom.validate.Problem;
import dev.mamori.sbom.validate.SbomValidator;
import dev.mamori.sbom.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mamori sbom validate}: official schema plus semantic rules, each problem with its place. */
@Command(name = "validate",
        description = {"Validate SBOMs against their official schema (CycloneDX JSON 1.2-1.7 / XML 1.0-1.7, SPDX 2.2/2.3 JSON",
                "and YAML, SPDX 3.0.1 JSON-LD) and semantic rules: empty, duplicate and dangling bom-refs/SPDXIDs,",
                "dependency refs that point nowhere, invalid purls and CPEs, unknown SPDX licence ids and malformed",
                "licence expressions, dependency cycles (warnings). Each problem is printed with its JSON path or line."},
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 valid (warnings allowed), 1 invalid, 2 unreadable (the worst over all files)."})
final class SbomValidateCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, json }

    /** At most this many problems of one rule are printed per file in text; JSON has them all. */
    static final int MAX_PER_RULE = 20;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "SBOM files, in any format Mamori reads.")
    List<Path> files;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        List<ValidationReport> reports = new ArrayList<>();
        int exit = ValidationReport.VALID;
        for (Path f : files) {
            ValidationReport r = SbomValidator.validate(f);
            reports.add(r);
            exit = Math.max(exit, r.exitCode());
        }
        if (format == Format.json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (ValidationReport r : reports) {
                list.add(json(r));
            }
            out.println(JSON.writeValueAsString(files.size() == 1 ? list.getFirst() : list));
        } else {
            for (ValidationReport r : reports) {
                text(r, out);
            }
        }
        out.flush();
        return exit;
    }

    static String result(ValidationReport r) {
        return switch (r.exitCode()) {
            case ValidationReport.VALID -> "valid";
            case ValidationReport.INVALID -> "invalid";
            default -> "unreadable";
        };
    }

    static Map<String, Object> json(ValidationReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.source());
        m.put("result", result(r));
        m.put("format", r.standard() == null ? null : r.standard().displayName());
        m.put("specVersion", r.specVersion());
        m.put("encoding", r.encoding());
        m.put("schema", r.schema());
        m.put("errors", r.errorCount());
        m.put("warnings", r.warningCount());
        List<Map<String, Object>> problems = new ArrayList<>();
        for (Problem p : r.problems()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("severity", p.severity().label());
            pm.put("rule", p.rule());
            pm.put("location", p.location());
            pm.put("message", p.message());
            problems.add(pm);
        }
        m.put("problems", problems);
        return m;
    }

    private static void text(ValidationReport r, PrintWriter out) {
        out.println(r.source() + ": " + result(r) + " (" + r.formatLabel() + "; schema: " + r.schema() + ") - "
                + r.errorCount() + " error" + (r.errorCount() == 1 ? "" : "s") + ", " + r.warningCount() + " warning"
                + (r.warningCount() == 1 ? "" : "s"));
        Map<String, Integer> shown = new HashMap<>();
        Map<String, Integer> hidden = new LinkedHashMap<>();
        for (Problem p : r.problems()) {
            String key = p.severity().label() + " [" + p.rule() + "]";
            if (shown.merge(key, 1, Integer::sum) > MAX_PER_RULE) {
                hidden.merge(key, 1, Integer::sum);
                continue;
            }
            out.println("  " + p);
        }
        hidden.forEach((key, n) -> out.println("  " + key + " … " + n + " more (use --format json for all)"));
    }
}
