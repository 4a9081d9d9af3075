package dev.mamori.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import dev.mamori.purl.PackageKey;
import dev.mamori.version.EventRange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class OsvReaderTest {
    static final Path EXAMPLES = Path.of("../examples/advisories/osv-go");

    @TempDir
    Path tmp;

    @Test
    void read_directoryOfRealGoAdvisories_readsEveryRecord() throws IOException {
        List<Advisory> all = OsvReader.readAll(List.of(EXAMPLES));
        long files;
        try (var s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".json")).count();
        }
        assertThat(all).hasSize((int) files);
        Advisory a = all.stream().filter(x -> x.id().equals("GO-2022-1059")).findFirst().orElseThrow();
        assertThat(a.aliases()).containsExactlyInAnyOrder("CVE-2022-32149", "GHSA-69ch-w2m2-3vjp");
        assertThat(a.affected()).first().satisfies(af -> {
            assertThat(af.packageKey()).isEqualTo(PackageKey.of("golang", "golang.org/x/text"));
            assertThat(af.ranges().getFirst().type()).isEqualTo("SEMVER");
            assertThat(af.ranges().getFirst().events().events()).containsExactly(
                    new EventRange.Event(EventRange.Kind.INTRODUCED, "0"),
                    new EventRange.Event(EventRange.Kind.FIXED, "0.3.8"));
        });
        assertThat(all.stream().filter(x -> x.withdrawn() != null)).extracting(Advisory::id).containsExactly("GO-2026-4923");
    }

    @Test
    void read_jsonLinesGz_readsEachLineAndNamesTheLineOnError() throws IOException {
        Path file = tmp.resolve("a.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("""
                    {"id":"PYSEC-1","aliases":["CVE-1"],"affected":[{"package":{"ecosystem":"PyPI","name":"Foo_Bar"},"versions":["1.0"]}],
                     "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]}

                    {"id":"PYSEC-2"}
                    """.replace("\n ", " ").getBytes(StandardCharsets.UTF_8));
        }
        List<Advisory> read = new ArrayList<>();
        OsvReader.read(file, read::add);
        assertThat(read).extracting(Advisory::id).containsExactly("PYSEC-1", "PYSEC-2");
        assertThat(read.getFirst().affected().getFirst().packageKey()).isEqualTo(new PackageKey("pypi", "foo-bar"));
        assertThat(read.getFirst().severityLevel()).isEqualTo(SeverityLevel.CRITICAL);

        Path bad = tmp.resolve("b.jsonl");
        Files.writeString(bad, "{\"id\":\"X-1\"}\n{\"id\": \n");
        assertThatThrownBy(() -> OsvReader.read(bad, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(bad + ": line 2: malformed JSON");
    }

    @Test
    void read_eventWithoutKind_namesJsonPath() throws IOException {
        Path file = tmp.resolve("x.json");
        Files.writeString(file, "{\"id\":\"X\",\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"x\"},"
                + "\"ranges\":[{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0\"},{\"bogus\":\"1\"}]}]}]}");
        assertThatThrownBy(() -> OsvReader.read(file, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": /affected/0/ranges/0/events/1: an event needs one of introduced, fixed, last_affected or limit");
    }

    @Test
    void read_missingPath_isAnInputError() {
        assertThatThrownBy(() -> OsvReader.read(tmp.resolve("nope"), a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("nope: no such file or directory");
    }

    @Test
    void severity_ghsaModerateAndCvssVectors_mapToLevels() {
        assertThat(SeverityLevel.parse("MODERATE")).isEqualTo(SeverityLevel.MEDIUM);
        assertThat(Cvss.level("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N")).isEqualTo(SeverityLevel.MEDIUM);
        assertThat(Cvss.level("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")).isEqualTo(SeverityLevel.CRITICAL);
        assertThat(Cvss.level("CVSS_V2", "AV:N/AC:L/Au:N/C:P/I:P/A:P")).isEqualTo(SeverityLevel.HIGH);
        assertThat(Cvss.level("CVSS_V3", "garbage")).isEqualTo(SeverityLevel.UNKNOWN);
    }
}
