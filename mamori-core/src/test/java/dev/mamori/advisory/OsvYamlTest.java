package dev.mamori.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OSV records kept as YAML (pypa/advisory-database), each checked against the same record converted to JSON. */
final class OsvYamlTest {
    static Path dir() throws URISyntaxException {
        return Path.of(OsvYamlTest.class.getResource("/advisories/osv-pypi-yaml").toURI());
    }

    static Map<String, Advisory> jsonTwins() throws IOException {
        Map<String, Advisory> out = new HashMap<>();
        try (InputStream in = new GZIPInputStream(OsvYamlTest.class.getResourceAsStream("/osv-pypi/osv-pypi.jsonl.gz"))) {
            OsvReader.readLines(in, Origin.of("jsonl"), a -> out.put(a.id(), a));
        }
        return out;
    }

    @Test
    void everyYamlRecord_equalsItsJsonTwin_detectedFromContent() throws Exception {
        Map<String, Advisory> json = jsonTwins();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir())) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSize(40);
        for (Path f : files) {
            assertThat(AdvisorySources.detect(f)).as(f.toString()).isEqualTo(AdvisoryFormat.OSV_YAML);
            List<Advisory> read = new ArrayList<>();
            AdvisorySources.read(f, new AdvisorySink() {
                @Override
                public void advisory(Advisory a) {
                    read.add(a);
                }
            });
            assertThat(read).as(f.toString()).hasSize(1);
            Advisory y = read.get(0);
            Advisory j = json.get(y.id());
            assertThat(j).as("JSON twin of " + y.id()).isNotNull();
            assertThat(y).usingRecursiveComparison().ignoringFields("provenance", "affected.location")
                    .as(y.id()).isEqualTo(j);
        }
    }

    @Test
    void scanDirectoryWalk_readsYamlFilesToo() throws Exception {
        List<Advisory> all = new ArrayList<>();
        OsvReader.read(dir(), all::add);
        assertThat(all).hasSize(40);
    }

    @Test
    void unquotedNumbers_keepTheirText(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("X-1.yaml");
        Files.writeString(f, """
                id: X-1
                modified: 2024-01-01T00:00:00Z
                affected:
                - package:
                    name: numpy
                    ecosystem: PyPI
                  ranges:
                  - type: ECOSYSTEM
                    events:
                    - introduced: 0
                    - fixed: 1.10
                  versions:
                  - 1.9
                  - 1.0
                """);
        List<Advisory> read = new ArrayList<>();
        OsvReader.read(f, read::add);

        Affected a = read.get(0).affected().get(0);
        assertThat(a.versions()).containsExactly("1.9", "1.0");
        assertThat(a.ranges().get(0).events().toString()).contains("1.10");
        assertThat(read.get(0).modified()).isEqualTo("2024-01-01T00:00:00Z");
    }

    @Test
    void badYaml_isRefusedNamingTheFile_andAliasesAreNeverExpanded() {
        assertThatThrownBy(() -> OsvReader.readYaml(new ByteArrayInputStream("id: [unclosed\n".getBytes(StandardCharsets.UTF_8)),
                Origin.of("bad.yaml"), a -> { }))
                .isInstanceOf(InputException.class).hasMessageStartingWith("bad.yaml");
        StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append("]\n");
        }
        bomb.append("id: BOMB-1\naffected: []\n");
        // a "billion laughs" of anchors: the YAML parser never expands an alias, so it costs what its text costs
        List<Advisory> read = new ArrayList<>();
        OsvReader.readYaml(new ByteArrayInputStream(bomb.toString().getBytes(StandardCharsets.UTF_8)),
                Origin.of("bomb.yaml"), read::add);
        assertThat(read).singleElement().extracting(Advisory::id).isEqualTo("BOMB-1");
    }
}
