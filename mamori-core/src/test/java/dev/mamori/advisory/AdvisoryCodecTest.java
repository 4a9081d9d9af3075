package dev.mamori.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import dev.mamori.purl.PackageKey;
import dev.mamori.version.EventRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class AdvisoryCodecTest {
    private static final Instant FETCHED = Instant.parse("2026-11-25T10:15:30.123456789Z");

    /** Everything every reader produces from every fixture file, per file. */
    private static final class Collected implements AdvisorySink {
        final List<Advisory> advisories = new ArrayList<>();
        final List<KevEntry> kev = new ArrayList<>();
        final List<EpssScore> epss = new ArrayList<>();
        final List<CweEntry> cwe = new ArrayList<>();

        @Override
        public void advisory(Advisory advisory) {
            advisories.add(advisory);
        }

        @Override
        public void kev(KevEntry entry) {
            kev.add(entry);
        }

        @Override
        public void epss(EpssScore score) {
            epss.add(score);
        }

        @Override
        public void cwe(CweEntry entry) {
            cwe.add(entry);
        }
    }

    static Stream<Path> fixtureFiles() throws IOException {
        Path root = Fixtures.intel("README.md").getParent();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> AdvisorySources.detect(f) != AdvisoryFormat.UNKNOWN)
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtureFiles")
    void roundTrip_everyRecordOfEveryFixture_decodesEqual(Path file) {
        Collected c = new Collected();
        try {
            AdvisorySources.read(file, FETCHED, c);
        } catch (InputException e) {
            // the known-invalid fixtures (see intel/README.md) are refused by their reader; what came before counts
        }
        for (Advisory a : c.advisories) {
            assertThat(AdvisoryCodec.decode(AdvisoryCodec.encode(a))).isEqualTo(a);
            Advisory content = AdvisoryCodec.decode(AdvisoryCodec.encode(a, AdvisoryCodec.Form.WITHOUT_ORIGIN),
                    a.provenance().origin(), a.provenance().fetchedAt());
            assertThat(content).isEqualTo(a);
        }
        c.kev.forEach(k -> assertThat(AdvisoryCodec.decodeKev(AdvisoryCodec.encode(k))).isEqualTo(k));
        c.epss.forEach(s -> assertThat(AdvisoryCodec.decodeEpss(AdvisoryCodec.encode(s))).isEqualTo(s));
        c.cwe.forEach(w -> assertThat(AdvisoryCodec.decodeCwe(AdvisoryCodec.encode(w))).isEqualTo(w));
    }

    @Test
    void roundTrip_allFixtures_coverEveryKindOfRecord() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (Path f : fixtureFiles().toList()) {
            Collected c = new Collected();
            try {
                AdvisorySources.read(f, FETCHED, c);
            } catch (InputException e) {
                // known-invalid fixture
            }
            counts.merge("advisories", c.advisories.size(), Integer::sum);
            counts.merge("kev", c.kev.size(), Integer::sum);
            counts.merge("epss", c.epss.size(), Integer::sum);
            counts.merge("cwe", c.cwe.size(), Integer::sum);
        }
        assertThat(counts.get("advisories")).isGreaterThan(300);
        assertThat(counts.get("kev")).isEqualTo(25);
        assertThat(counts.get("epss")).isGreaterThan(300);
        assertThat(counts.get("cwe")).isGreaterThan(10);
    }

    /** A CWE entry stored before the modes of introduction were kept whole decodes with them unknown, not empty. */
    @Test
    void decodeCwe_encodingWithPhasesOnly_introductionsUnknown() {
        CweEntry old = AdvisoryCodec.decodeCwe(("{\"id\":\"CWE-798\",\"kind\":\"WEAKNESS\",\"name\":\"Use of Hard-coded Credentials\","
                + "\"parents\":[\"CWE-344\"],\"introductionPhases\":[\"Architecture and Design\"]}").getBytes(StandardCharsets.UTF_8));
        assertThat(old.introductionPhases()).containsExactly("Architecture and Design");
        assertThat(old.introductions()).isNull();
        CweEntry none = new CweEntry("CWE-1188", CweEntry.Kind.WEAKNESS, "x", null, null, null, null, List.of(), List.of(),
                List.of(), List.of(), null, null, List.of());
        assertThat(AdvisoryCodec.decodeCwe(AdvisoryCodec.encode(none)).introductions()).isEmpty();
    }

    @Test
    void encodeWithoutOrigin_leavesOutOriginAndFetchTime_whichDecodeTakesFromElsewhere() {
        Advisory a = Fixtures.advisories("osv/osv-go-20.jsonl.gz").getFirst();
        byte[] stored = AdvisoryCodec.encode(a, AdvisoryCodec.Form.WITHOUT_ORIGIN);
        Advisory elsewhere = AdvisoryCodec.decode(stored, "/other/place.jsonl", Instant.EPOCH);
        assertThat(elsewhere.provenance().origin()).isEqualTo("/other/place.jsonl");
        assertThat(elsewhere.provenance().fetchedAt()).isEqualTo(Instant.EPOCH);
        assertThat(AdvisoryCodec.encode(elsewhere, AdvisoryCodec.Form.WITHOUT_ORIGIN)).isEqualTo(stored);
        assertThat(new String(AdvisoryCodec.encode(a), StandardCharsets.UTF_8)).contains("\"origin\"");
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("\"origin\"", "\"fetchedAt\"");
    }

    /** The same record at another line of a JSON lines file, or in another NVD page, compares equal. */
    @Test
    void encodeComparable_sameRecordAtAnotherPlace_encodesTheSame() throws IOException {
        Path file = Fixtures.intel("osv/osv-pypi-20.jsonl.gz");
        List<Advisory> once = Fixtures.advisories("osv/osv-pypi-20.jsonl.gz");
        List<String> lines;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            lines = new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
        java.util.Collections.reverse(lines);
        lines.addFirst("");
        Path reordered = Files.createTempFile("reordered", ".jsonl");
        try {
            Files.writeString(reordered, String.join("\n", lines));
            List<Advisory> moved = new ArrayList<>();
            OsvReader.read(reordered, moved::add);
            java.util.Collections.reverse(moved);
            assertThat(moved).hasSameSizeAs(once);
            int movedLocations = 0;
            for (int i = 0; i < once.size(); i++) {
                Advisory a = once.get(i);
                Advisory b = moved.get(i);
                if (!b.affected().getFirst().location().equals(a.affected().getFirst().location())) {
                    movedLocations++;
                }
                assertThat(AdvisoryCodec.encode(b, AdvisoryCodec.Form.COMPARABLE))
                        .isEqualTo(AdvisoryCodec.encode(a, AdvisoryCodec.Form.COMPARABLE));
            }
            assertThat(movedLocations).isGreaterThan(once.size() / 2);
        } finally {
            Files.delete(reordered);
        }
    }

    @Test
    void encode_leavesOutNullsAndEmptyLists() {
        Advisory a = Advisory.builder("X-1", new Provenance("test", null, null, null)).build();
        assertThat(new String(AdvisoryCodec.encode(a), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"X-1\",\"provenance\":{\"source\":\"test\"}}");
    }

    @Test
    void decode_notAnAdvisory_isRefusedWithThePlace() {
        assertThatThrownBy(() -> AdvisoryCodec.decode("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> AdvisoryCodec.decode("{\"id\":\"X\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class).hasMessageContaining("provenance");
        assertThatThrownBy(() -> AdvisoryCodec.decode("{\"id\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class);
    }

    @Test
    void decode_unknownFields_areSkipped() {
        String json = "{\"id\":\"X-1\",\"future\":{\"a\":[1,2,{\"b\":null}]},\"provenance\":{\"source\":\"s\",\"new\":1}}";
        Advisory a = AdvisoryCodec.decode(json.getBytes(StandardCharsets.UTF_8));
        assertThat(a.id()).isEqualTo("X-1");
        assertThat(a.provenance().source()).isEqualTo("s");
    }

    @Test
    void epss_nanPercentile_roundTrips() {
        EpssScore s = new EpssScore("CVE-2021-0001", 0.00043, Double.NaN);
        assertThat(AdvisoryCodec.decodeEpss(AdvisoryCodec.encode(s))).isEqualTo(s);
    }

    static IntStream seeds() {
        return IntStream.range(0, 300);
    }

    /** Generated advisories with every field used, odd text and edge values: each decodes to what was encoded. */
    @ParameterizedTest
    @MethodSource("seeds")
    void roundTrip_generatedAdvisory_decodesEqual(int seed) {
        Advisory a = new Generator(new Random(seed)).advisory();
        assertThat(AdvisoryCodec.decode(AdvisoryCodec.encode(a))).isEqualTo(a);
    }

    /** Random values of the model: strings with quotes, control characters, surrogate pairs, Japanese; nulls. */
    private static final class Generator {
        private final Random r;

        Generator(Random r) {
            this.r = r;
        }

        String s() {
            if (r.nextInt(5) == 0) {
                return null;
            }
            return nonNull();
        }

        String nonNull() {
            String[] pieces = {"a", "CVE-2024-3094", "\"", "\\", "\n", "\u0000", "\u001f", "脆弱性", "😀", " ", "",
                    "{\"k\":[1,2]}", "\u2028", "é", "1.0.0-rc.1+build"};
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                b.append(pieces[r.nextInt(pieces.length)]);
            }
            return b.toString();
        }

        List<String> list() {
            return IntStream.range(0, r.nextInt(3)).mapToObj(i -> nonNull()).toList();
        }

        Double score() {
            return switch (r.nextInt(4)) {
                case 0 -> null;
                case 1 -> r.nextDouble() * 10;
                case 2 -> 0.1 + 0.2;
                default -> (double) r.nextInt(11);
            };
        }

        Severity severity() {
            return new Severity(s(), s(), SeverityLevel.values()[r.nextInt(SeverityLevel.values().length)], score(),
                    s(), s());
        }

        List<Severity> severities() {
            return IntStream.range(0, r.nextInt(3)).mapToObj(i -> severity()).toList();
        }

        Affected affected() {
            List<AffectedRange> ranges = new ArrayList<>();
            for (int i = 0; i < r.nextInt(3); i++) {
                List<EventRange.Event> events = new ArrayList<>();
                for (int j = 0; j < r.nextInt(4); j++) {
                    events.add(new EventRange.Event(EventRange.Kind.values()[r.nextInt(4)], nonNull()));
                }
                ranges.add(new AffectedRange(s(), r.nextBoolean() ? new EventRange(events) : null, s()));
            }
            PackageKey key = r.nextBoolean() ? new PackageKey(nonNull(), nonNull()) : null;
            return new Affected(key, s(), s(), ranges, list(), s(), s(), severities(), s(), s());
        }

        AffectedProduct product() {
            List<ProductVersion> versions = new ArrayList<>();
            for (int i = 0; i < r.nextInt(3); i++) {
                List<ProductVersion.Change> changes = IntStream.range(0, r.nextInt(2))
                        .mapToObj(j -> new ProductVersion.Change(s(), s())).toList();
                versions.add(new ProductVersion(s(), s(), s(), s(), s(), changes, s()));
            }
            return new AffectedProduct(s(), s(), list(), list(), s(), versions, s(), s(), s(), s());
        }

        CpeConfiguration configuration() {
            List<CpeConfiguration.Node> nodes = new ArrayList<>();
            for (int i = 0; i < r.nextInt(3); i++) {
                List<CpeConfiguration.Match> matches = IntStream.range(0, r.nextInt(3))
                        .mapToObj(j -> new CpeConfiguration.Match(r.nextBoolean(), s(), s(), s(), s(), s(), s())).toList();
                nodes.add(new CpeConfiguration.Node(s(), r.nextBoolean(), matches));
            }
            return new CpeConfiguration(s(), r.nextBoolean(), nodes);
        }

        <T> List<T> some(java.util.function.Supplier<T> f) {
            return IntStream.range(0, r.nextInt(3)).mapToObj(i -> f.get()).toList();
        }

        Advisory advisory() {
            Instant fetched = r.nextBoolean() ? null : Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(1_000_000_000));
            Provenance p = new Provenance(s(), s(), fetched, s());
            return new Advisory(nonNull(), list(), list(), list(), s(), s(), s(), some(this::affected),
                    some(this::product), some(this::configuration), severities(), list(),
                    some(() -> new Reference(s(), s(), list())), some(() -> new Credit(s(), s(), list())),
                    some(() -> new Ssvc(s(), s(), s(), s(), s(), s(), s())),
                    some(() -> new KevListing(s(), s(), s(), s(), s(), s())), s(), s(), s(), s(), s(), p);
        }
    }
}
