package dev.mamori.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.SbomReader;
import dev.mamori.sbom.quality.ElementResult;
import dev.mamori.sbom.quality.Gate;
import dev.mamori.sbom.quality.Profile;
import dev.mamori.sbom.quality.ProfileResult;
import dev.mamori.sbom.quality.QualityReport;
import dev.mamori.sbom.quality.SbomQuality;
import dev.mamori.sbom.validate.SbomValidator;
import dev.mamori.sbom.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** {@code mamori sbom quality}: is a supplier's SBOM good enough, and what must they add? */
@Command(name = "quality",
        description = {"Score an SBOM against the NTIA (2021), CISA 2025 (draft) and BSI TR-03183-2 v2.1.0 minimum elements:",
                "per element the share of components that have it and which lack it, document-level elements,",
                "hard gates (schema validity; BSI: CycloneDX >= 1.6 or SPDX >= 3.0.1) and a grade A-F",
                "(score = mean share of the required elements; A >= 90, B >= 80, C >= 70, D >= 60, E >= 50, F below or a failed gate)."},
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 scored, 2 usage error or unreadable input."})
final class SbomQualityCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, json }

    /** At most this many missing components are named per element in text; JSON names them all. */
    static final int MAX_MISSING = 10;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The SBOM to score, in any format Mamori reads.")
    Path file;

    @Option(names = "--profile", defaultValue = "all", paramLabel = "PROFILE",
            description = "ntia, cisa-2025, bsi-tr-03183-2 or all (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws JsonProcessingException {
        List<Profile> profiles = profile.equalsIgnoreCase("all") ? List.of(Profile.values()) : List.of(Profile.of(profile));
        ValidationReport validation = SbomValidator.validate(file);
        PrintWriter out = spec.commandLine().getOut();
        if (!validation.readable()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("mamori: " + file + ": " + validation.problems().getFirst().message());
            err.flush();
            return MamoriCommand.USAGE_OR_INPUT;
        }
        Bom bom = SbomReader.read(file);
        QualityReport report = SbomQuality.assess(bom, validation, profiles);
        if (format == Format.json) {
            out.println(SbomValidateCommand.JSON.writeValueAsString(json(report)));
        } else {
            text(report, out);
        }
        out.flush();
        return MamoriCommand.OK;
    }

    static Map<String, Object> json(QualityReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.source());
        m.put("format", r.format());
        m.put("components", r.components());
        m.put("grade", String.valueOf(r.grade()));
        List<Map<String, Object>> profiles = new ArrayList<>();
        for (ProfileResult p : r.profiles()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("profile", p.profile().cliName());
            pm.put("title", p.profile().title());
            pm.put("score", p.score());
            pm.put("grade", String.valueOf(p.grade()));
            List<Map<String, Object>> gates = new ArrayList<>();
            for (Gate g : p.gates()) {
                gates.add(new LinkedHashMap<>(Map.of("name", g.name(), "passed", g.passed(), "detail", g.detail())));
            }
            pm.put("gates", gates);
            List<Map<String, Object>> elements = new ArrayList<>();
            for (ElementResult e : p.elements()) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("id", e.id());
                em.put("name", e.name());
                em.put("level", e.document() ? "document" : "component");
                em.put("required", e.required());
                em.put("present", e.present());
                em.put("total", e.total());
                em.put("share", Math.round(e.share() * 10000) / 10000.0);
                if (!e.document()) {
                    em.put("missing", e.missing());
                }
                elements.add(em);
            }
            pm.put("elements", elements);
            profiles.add(pm);
        }
        m.put("profiles", profiles);
        return m;
    }

    private static void text(QualityReport r, PrintWriter out) {
        out.println(r.source() + ": " + r.format() + ", " + r.components() + " components - overall grade " + r.grade());
        for (ProfileResult p : r.profiles()) {
            out.println();
            out.println(p.profile().title() + ": score " + String.format(Locale.ROOT, "%.1f", p.score()) + ", grade " + p.grade());
            for (Gate g : p.gates()) {
                out.println("  gate " + g.name() + ": " + (g.passed() ? "pass" : "FAIL") + " - " + g.detail());
            }
            for (ElementResult e : p.elements()) {
                String req = e.required() ? "required   " : "recommended";
                if (e.document()) {
                    out.println(String.format(Locale.ROOT, "  %-4s %s %-55s %s", e.id(), req, e.name(), e.present() == 1 ? "present" : "MISSING"));
                    continue;
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-4s %s %-55s %d/%d (%.1f%%)",
                        e.id(), req, e.name(), e.present(), e.total(), e.share() * 100));
                if (!e.missing().isEmpty()) {
                    List<String> shown = e.missing().subList(0, Math.min(MAX_MISSING, e.missing().size()));
                    line.append(" missing: ").append(String.join(", ", shown));
                    if (e.missing().size() > MAX_MISSING) {
                        line.append(", … ").append(e.missing().size() - MAX_MISSING).append(" more");
                    }
                }
                out.println(line);
            }
        }
    }
}
