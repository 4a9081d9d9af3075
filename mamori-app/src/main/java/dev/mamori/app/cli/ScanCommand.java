package dev.mamori.app.cli;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.OsvReader;
import dev.mamori.advisory.SeverityLevel;
import dev.mamori.match.AdvisoryIndex;
import dev.mamori.match.Finding;
import dev.mamori.match.Matcher;
import dev.mamori.report.JsonWriter;
import dev.mamori.report.ScanReport;
import dev.mamori.report.TableWriter;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.SbomReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mamori scan}: SBOMs in, findings with their evidence out. Never starts Spring. */
@Command(name = "scan",
        description = "Scan SBOMs (CycloneDX JSON/XML, SPDX 2 JSON/YAML/tag-value, SPDX 3 JSON-LD, SWID) for known vulnerabilities in OSV advisories.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 no findings at or above --fail-on, 1 findings at or above it, 2 usage or input error."})
final class ScanCommand implements Callable<Integer> {
    /** Output formats of a scan. */
    enum Format { table, json }

    /** The threshold for a failing exit code. */
    enum FailOn {
        any, low, medium, high, critical, none;

        boolean fails(Finding f) {
            return switch (this) {
                case any -> true;
                case none -> false;
                default -> f.severity().compareTo(SeverityLevel.valueOf(name().toUpperCase(java.util.Locale.ROOT))) >= 0;
            };
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SBOM", description = "SBOM files to scan, in any format Mamori reads: CycloneDX 1.2–1.7 JSON/XML, SPDX 2 JSON/YAML/tag-value, SPDX 3 JSON-LD, SWID; found from the content.")
    List<Path> sboms;

    @Option(names = "--advisories", arity = "1..*", required = true, paramLabel = "PATH",
            description = "OSV advisories: .json files, directories of them, or .jsonl / .jsonl.gz files.")
    List<Path> advisories;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", defaultValue = "any", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at or above this severity: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "Findings of unknown severity count only for 'any'.")
    FailOn failOn;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        List<Advisory> loaded = OsvReader.readAll(advisories);
        AdvisoryIndex index = AdvisoryIndex.of(loaded);
        Matcher matcher = new Matcher(index);
        List<ScanReport> reports = new ArrayList<>();
        for (Path sbom : sboms) {
            Bom bom = readBom(sbom);
            Matcher.Result result = matcher.match(bom);
            reports.add(new ScanReport(sbom.toString(), result.componentsScanned(), index.advisoryCount(),
                    result.findings(), result.warnings()));
        }
        write(reports);
        boolean failing = reports.stream().flatMap(r -> r.findings().stream()).anyMatch(failOn::fails);
        return failing ? MamoriCommand.FINDINGS : MamoriCommand.OK;
    }

    private static Bom readBom(Path file) {
        return SbomReader.read(file);
    }

    private void write(List<ScanReport> reports) throws IOException {
        if (output != null) {
            try (PrintWriter w = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8))) {
                render(reports, w);
            }
        } else {
            render(reports, spec.commandLine().getOut());
        }
    }

    private void render(List<ScanReport> reports, PrintWriter w) {
        switch (format) {
            case table -> TableWriter.write(reports, w);
            case json -> JsonWriter.write(reports, w);
        }
        w.flush();
    }
}
