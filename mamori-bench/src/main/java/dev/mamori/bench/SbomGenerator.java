package dev.mamori.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Generates a realistic CycloneDX 1.6 JSON SBOM of a given size: purl, hash, licence, property and two edges each. */
public final class SbomGenerator {
    private SbomGenerator() {}

    public static byte[] cycloneDxJson(int components, long seed) {
        Random random = new Random(seed);
        StringBuilder w = new StringBuilder(components * 520);
        w.append("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"serialNumber\":\"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79\",\"version\":1,\n");
        w.append("\"metadata\":{\"timestamp\":\"2026-01-01T00:00:00Z\",\"component\":{\"type\":\"application\",\"bom-ref\":\"app\",\"name\":\"app\",\"version\":\"1.0.0\"}},\n");
        w.append("\"components\":[\n");
        for (int i = 0; i < components; i++) {
            if (i > 0) {
                w.append(",\n");
            }
            String name = "pkg-" + i;
            String group = "org.example" + (i % 100);
            String version = (i % 7) + "." + (i % 13) + "." + (i % 5);
            w.append("{\"type\":\"library\",\"bom-ref\":\"c").append(i).append("\",\"group\":\"").append(group)
                    .append("\",\"name\":\"").append(name).append("\",\"version\":\"").append(version)
                    .append("\",\"purl\":\"pkg:maven/").append(group).append('/').append(name).append('@').append(version)
                    .append("\",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"");
            for (int k = 0; k < 64; k++) {
                w.append(Character.forDigit(random.nextInt(16), 16));
            }
            w.append("\"}],\"licenses\":[{\"license\":{\"id\":\"Apache-2.0\"}}],")
                    .append("\"properties\":[{\"name\":\"bsi:component:filename\",\"value\":\"").append(name).append(".jar\"}]}");
        }
        w.append("],\n\"dependencies\":[");
        for (int i = 0; i < components; i++) {
            if (i > 0) {
                w.append(',');
            }
            w.append("{\"ref\":\"c").append(i).append("\",\"dependsOn\":[\"c").append(random.nextInt(components))
                    .append("\",\"c").append(random.nextInt(components)).append("\"]}");
        }
        w.append("]}\n");
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }
}
