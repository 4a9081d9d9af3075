package dev.mamori.sbom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The SBOM fixtures under src/test/resources/sbom (see the README there). */
final class Fixtures {
    static final Path DIR = Path.of("src/test/resources/sbom");

    private Fixtures() {}

    /** The file's bytes, gunzipped when its name ends in .gz. */
    static byte[] bytes(String name) {
        Path p = DIR.resolve(name);
        try (InputStream raw = Files.newInputStream(p);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Bom read(String name) {
        return SbomReader.read(new ByteArrayInputStream(bytes(name)), name);
    }
}
