package dev.mamori.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.input.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded stand-in for fuzzing (jazzer-junit would need a pom change): thousands of random mutations of real SBOMs
 * in every format, fed to the format sniffer and to every reader. Nothing but {@link InputException} may come out.
 */
final class SbomReaderMutationTest {
    static final int MUTATIONS = Integer.getInteger("mamori.mutations", 3000);
    static final Path SEEDS = Fixtures.DIR.resolve("fuzz-seeds");
    static final List<byte[]> SEED_BYTES = new ArrayList<>();
    static final List<String> SEED_NAMES = new ArrayList<>();
    private static final String[] TOKENS = {"{", "}", "[", "]", "\"", ":", ",", "null", "<", ">", "</", "/>", "<!DOCTYPE x [<!ENTITY a \"b\">]>",
            "&a;", "&amp;", "<text>", "</text>", "\n", "SPDXID: ", "PackageName: ", "Relationship: a CONTAINS b\n", "\"components\":",
            "\"dependencies\":[{\"ref\":1}]", "\"@graph\":", "-1", "1e999", "\uFEFF", "\u0000", "\"bom-ref\":{}", "*a", "&a ", "NOASSERTION"};

    private static final List<BiFunction<java.io.InputStream, String, Bom>> READERS = List.of(
            SbomReader::read, CycloneDxJsonReader::read, CycloneDxXmlReader::read, SpdxJsonReader::read,
            SpdxJsonReader::readYaml, SpdxTagValueReader::read, Spdx3JsonLdReader::read, SwidReader::read);

    static {
        try (Stream<Path> s = Files.list(SEEDS)) {
            for (Path p : s.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList()) {
                SEED_BYTES.add(Files.readAllBytes(p));
                SEED_NAMES.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static IntStream seeds() {
        return IntStream.range(0, MUTATIONS);
    }

    static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int rounds = 1 + r.nextInt(4);
        for (int k = 0; k < rounds && b.length > 0; k++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> b[at] = (byte) r.nextInt(256);
                case 1 -> b = java.util.Arrays.copyOf(b, at);
                case 2 -> b = insert(b, at, TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                case 3 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(200));
                    b = insert(b, at, java.util.Arrays.copyOfRange(b, at, at + len));
                }
                case 4 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(50));
                    byte[] out = new byte[b.length - len];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + len, out, at, b.length - at - len);
                    b = out;
                }
                default -> b[at] = (byte) (b[at] ^ (1 << r.nextInt(8)));
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    @ParameterizedTest(name = "mutation {0}")
    @MethodSource("seeds")
    void read_mutatedSbom_throwsNothingButInputException(int seed) {
        Random r = new Random(seed * 7919L + 17);
        int which = seed % SEED_BYTES.size();
        byte[] mutated = mutate(SEED_BYTES.get(which), r);
        String name = SEED_NAMES.get(which) + "#" + seed;
        for (BiFunction<java.io.InputStream, String, Bom> reader : READERS) {
            try {
                Bom bom = reader.apply(new ByteArrayInputStream(mutated), name);
                assertThat(bom).isNotNull();
                bom.allComponentsWithSubject();
            } catch (InputException e) {
                assertThat(e.getMessage()).startsWith(name);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(name + ": " + e + "\n--- input ---\n"
                        + new String(mutated, StandardCharsets.UTF_8).substring(0, Math.min(mutated.length, 3000)), e);
            }
        }
    }
}
