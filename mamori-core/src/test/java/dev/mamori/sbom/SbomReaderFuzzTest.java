package dev.mamori.sbom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mamori.input.InputException;
import dev.mamori.sbom.validate.SbomValidator;
import dev.mamori.sbom.validate.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * Jazzer fuzz tests: every SBOM reader, fed arbitrary bytes, either reads them or throws {@link InputException}
 * (its documented parse error); anything else escaping is a finding. The validator never throws at all.
 *
 * <p>In a normal test run each method replays its seed corpus ({@code SbomReaderFuzzTestInputs/<method>/}); with
 * {@code JAZZER_FUZZ=1} and one method selected ({@code -Dtest='SbomReaderFuzzTest#cycloneDxJson'}) Jazzer fuzzes it
 * for {@code maxDuration}.
 */
final class SbomReaderFuzzTest {
    /** A reader entry point. */
    @FunctionalInterface
    interface Reader {
        Bom read(InputStream in, String source);
    }

    private static void readOrInputException(Reader reader, byte[] data) {
        try {
            Bom bom = reader.read(new ByteArrayInputStream(data), "fuzz");
            if (bom == null) {
                throw new AssertionError("a reader returned null");
            }
            bom.allComponentsWithSubject();
        } catch (InputException expected) {
            if (expected.getMessage() == null || !expected.getMessage().startsWith("fuzz")) {
                throw new AssertionError("an InputException must name its source: " + expected.getMessage());
            }
        }
    }

    @FuzzTest(maxDuration = "90s")
    void sbomReader(byte[] data) {
        readOrInputException(SbomReader::read, data);
    }

    @FuzzTest(maxDuration = "90s")
    void cycloneDxJson(byte[] data) {
        readOrInputException(CycloneDxJsonReader::read, data);
    }

    @FuzzTest(maxDuration = "90s")
    void cycloneDxXml(byte[] data) {
        readOrInputException(CycloneDxXmlReader::read, data);
    }

    @FuzzTest(maxDuration = "90s")
    void spdxJson(byte[] data) {
        readOrInputException(SpdxJsonReader::read, data);
    }

    @FuzzTest(maxDuration = "90s")
    void spdxYaml(byte[] data) {
        readOrInputException(SpdxJsonReader::readYaml, data);
    }

    @FuzzTest(maxDuration = "90s")
    void spdxTagValue(byte[] data) {
        readOrInputException(SpdxTagValueReader::read, data);
    }

    @FuzzTest(maxDuration = "90s")
    void spdx3JsonLd(byte[] data) {
        readOrInputException(Spdx3JsonLdReader::read, data);
    }

    @FuzzTest(maxDuration = "90s")
    void swid(byte[] data) {
        readOrInputException(SwidReader::read, data);
    }

    @FuzzTest(maxDuration = "90s")
    void validator(byte[] data) {
        ValidationReport r = SbomValidator.validate(data, "fuzz");
        if (r.exitCode() < 0 || r.exitCode() > 2) {
            throw new AssertionError("exit code " + r.exitCode());
        }
    }
}
