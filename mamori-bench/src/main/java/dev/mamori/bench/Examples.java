package dev.mamori.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code examples/} directory from the working directory (root or a module). */
final class Examples {
    private Examples() {}

    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples");
            if (Files.isDirectory(candidate.resolve("advisories"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("run from inside the Mamori checkout: examples/ not found");
    }
}
