package dev.mamori.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Finds files of the Mamori checkout (the root holds mvnw and mamori-core) from the working directory. */
final class Repo {
    private Repo() {}

    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("mamori-core"))) {
                return p;
            }
        }
        throw new IllegalStateException("run from inside the Mamori checkout");
    }

    /** The labelled pairs of a scheme's oracle vectors: {a, b} per line, comments skipped. */
    static List<String[]> versionPairs(String scheme) throws IOException {
        Path file = root().resolve("mamori-core/src/test/resources/version-vectors/" + scheme + ".tsv.gz");
        List<String[]> pairs = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length >= 2) {
                    pairs.add(new String[] {f[0], f[1]});
                }
            }
        }
        return pairs;
    }
}
