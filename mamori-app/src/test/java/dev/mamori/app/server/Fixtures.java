package dev.mamori.app.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;

/** Test data shared with mamori-core (real SBOMs and advisories, with their READMEs and licences there). */
final class Fixtures {
    static final Path CORE = Path.of("..", "mamori-core", "src", "test", "resources");
    static final Path WEBGOAT = CORE.resolve("sbom/webgoat");
    static final Path GHSA = CORE.resolve("advisories/ghsa-webgoat");

    private Fixtures() {}

    static byte[] gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path file, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
