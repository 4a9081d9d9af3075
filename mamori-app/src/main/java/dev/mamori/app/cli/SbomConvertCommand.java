package dev.mamori.app.cli;

import dev.mamori.sbom.Bom;
import dev.mamori.sbom.SbomReader;
import dev.mamori.sbom.SbomWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mamori sbom convert}: any SBOM format Mamori reads into CycloneDX 1.6 JSON/XML, SPDX 2.3 JSON or SPDX 3.0.1
 * JSON-LD.
 */
@Command(name = "convert",
        description = {"Convert an SBOM (CycloneDX 1.2-1.7 JSON/XML, SPDX 2.x JSON/YAML/tag-value,",
                "SPDX 3.0 JSON-LD, SWID) to CycloneDX 1.6 JSON or XML, SPDX 2.3 JSON or",
                "SPDX 3.0.1 JSON-LD. The input format is found from the content.",
                "What the target format cannot hold is reported on standard error."},
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 converted, 2 usage error or unreadable input."})
final class SbomConvertCommand implements Callable<Integer> {
    /** At most this many reader warnings are printed; the rest are counted. */
    static final int MAX_WARNINGS = 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "The SBOM to convert.")
    Path input;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", converter = TargetConverter.class,
            completionCandidates = TargetCandidates.class,
            description = "Target format: ${COMPLETION-CANDIDATES}.")
    SbomWriter.Target target;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        Bom bom = SbomReader.read(input);
        PrintWriter err = spec.commandLine().getErr();
        List<String> losses;
        if (output != null) {
            Path dir = output.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".mamori-convert-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    losses = SbomWriter.write(bom, target, out);
                }
                Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } else {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            losses = SbomWriter.write(bom, target, buffer);
            PrintWriter out = spec.commandLine().getOut();
            out.write(buffer.toString(StandardCharsets.UTF_8));
            out.flush();
        }
        int shown = 0;
        for (String w : bom.warnings()) {
            if (shown++ < MAX_WARNINGS) {
                err.println("mamori: warning: " + input + ": " + w);
            }
        }
        if (bom.warnings().size() > MAX_WARNINGS) {
            err.println("mamori: warning: " + input + ": " + (bom.warnings().size() - MAX_WARNINGS) + " more warnings");
        }
        for (String loss : losses) {
            err.println("mamori: not converted: " + loss);
        }
        err.flush();
        return MamoriCommand.OK;
    }

    /** Parses {@code cyclonedx-json}, {@code cyclonedx-xml}, {@code spdx-json}, {@code spdx3-json}. */
    static final class TargetConverter implements CommandLine.ITypeConverter<SbomWriter.Target> {
        @Override
        public SbomWriter.Target convert(String value) {
            try {
                return SbomWriter.Target.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The names for completion and help. */
    static final class TargetCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return java.util.Arrays.stream(SbomWriter.Target.values()).map(SbomWriter.Target::cliName).iterator();
        }
    }
}
