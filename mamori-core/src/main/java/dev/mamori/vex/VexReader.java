package dev.mamori.vex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.advisory.CsafReader;
import dev.mamori.advisory.Origin;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads VEX documents: CycloneDX (JSON, any version with {@code vulnerabilities[].analysis}), OpenVEX 0.0.1 and
 * 0.2.0, and CSAF 2.0 / 2.1 (the {@code csaf_vex} profile, or any CSAF document's product statuses). The format is
 * told from the content; gzip is recognised by its magic bytes.
 */
public final class VexReader {
    private VexReader() {}

    /**
     * Reads one VEX file.
     *
     * @throws InputException for a missing or malformed file, or a JSON document that is none of the three formats
     */
    public static VexDocument read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "no such file");
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot read: " + e.getMessage(), e);
        }
        return read(bytes, file.toString());
    }

    /** Reads one VEX document from bytes (gzip recognised). */
    public static VexDocument read(byte[] bytes, String source) {
        if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new InputException(source, "", "broken gzip: " + e.getMessage(), e);
            }
        }
        JsonNode root = JsonInput.readTree(new ByteArrayInputStream(bytes), source);
        if (!root.isObject()) {
            throw new InputException(source, "", "a VEX document is a JSON object");
        }
        if (root.has("bomFormat")) {
            return CycloneDxVex.read(root, source);
        }
        String context = root.path("@context").asText("");
        if (context.startsWith("https://openvex.dev/ns")) {
            return OpenVex.read(root, source, context);
        }
        if (root.path("document").has("csaf_version")) {
            return CsafVex.read(CsafReader.read(new ByteArrayInputStream(bytes), Origin.of(source)), source);
        }
        throw new InputException(source, "", "not a VEX document: expected CycloneDX (\"bomFormat\"), OpenVEX "
                + "(\"@context\": \"https://openvex.dev/ns/…\") or CSAF (\"document\".\"csaf_version\")");
    }
}
