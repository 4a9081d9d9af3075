package dev.mamori.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated 50,000-component CycloneDX JSON is read in a JVM with a 512 MB heap (no timing assertion). */
final class LargeSbomTest {
    static final int COMPONENTS = 50_000;

    @TempDir
    Path tmp;

    /** Writes a CycloneDX 1.6 JSON SBOM with {@code n} components (purl, hashes, licence, property) and a graph. */
    static void generate(Path file, int n, long seed) throws IOException {
        Random random = new Random(seed);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"serialNumber\":\"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79\",\"version\":1,\n");
            w.write("\"metadata\":{\"timestamp\":\"2026-01-01T00:00:00Z\",\"component\":{\"type\":\"application\",\"bom-ref\":\"app\",\"name\":\"app\",\"version\":\"1.0.0\"}},\n");
            w.write("\"components\":[\n");
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    w.write(",\n");
                }
                String name = "pkg-" + i;
                String version = (i % 7) + "." + (i % 13) + "." + (i % 5);
                w.write("{\"type\":\"library\",\"bom-ref\":\"c" + i + "\",\"group\":\"org.example" + (i % 100) + "\",\"name\":\"" + name
                        + "\",\"version\":\"" + version + "\",\"purl\":\"pkg:maven/org.example" + (i % 100) + "/" + name + "@" + version
                        + "\",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"" + hex(random, 64) + "\"}],"
                        + "\"licenses\":[{\"license\":{\"id\":\"Apache-2.0\"}}],"
                        + "\"properties\":[{\"name\":\"bsi:component:filename\",\"value\":\"" + name + ".jar\"}]}");
            }
            w.write("],\n\"dependencies\":[");
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    w.write(",");
                }
                w.write("{\"ref\":\"c" + i + "\",\"dependsOn\":[\"c" + random.nextInt(n) + "\",\"c" + random.nextInt(n) + "\"]}");
            }
            w.write("]}\n");
        }
    }

    private static String hex(Random r, int len) {
        StringBuilder b = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            b.append(Character.forDigit(r.nextInt(16), 16));
        }
        return b.toString();
    }

    /** Run in a child JVM: reads the file and prints the component count. */
    public static void main(String[] args) {
        Bom bom = SbomReader.read(Path.of(args[0]));
        System.out.println("components=" + bom.allComponents().size() + " edges=" + bom.dependencyEdgeCount());
    }

    @Test
    void read_generated50kComponentSbom_fitsIn512MbHeap() throws IOException, InterruptedException {
        Path file = tmp.resolve("large.cdx.json");
        generate(file, COMPONENTS, 42);
        assertThat(Files.size(file)).isGreaterThan(20_000_000L);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), LargeSbomTest.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("components=" + COMPONENTS + " edges=" + 2 * COMPONENTS);
    }
}
