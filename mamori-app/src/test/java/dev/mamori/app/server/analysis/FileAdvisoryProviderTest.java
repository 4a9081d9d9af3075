package dev.mamori.app.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.purl.PackageKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FileAdvisoryProviderTest {
    static final Path GHSA = Path.of("..", "mamori-core", "src", "test", "resources", "advisories", "ghsa-webgoat");

    @TempDir
    Path dir;

    @Test
    void refresh_reportsAddedModifiedRemovedAndTheirPackages() throws IOException {
        Files.copy(GHSA.resolve("GHSA-f554-x222-wgf7.json"), dir.resolve("a.json"));
        try (FileAdvisoryProvider p = new FileAdvisoryProvider(dir, Duration.ZERO, Clock.systemUTC())) {
            List<AdvisoryChange> heard = new ArrayList<>();
            p.addListener(heard::add);
            assertThat(p.current().advisories()).hasSize(1);
            String first = p.current().fingerprint();

            assertThat(p.refresh().isEmpty()).as("nothing changed").isTrue();
            assertThat(heard).isEmpty();

            Files.copy(GHSA.resolve("GHSA-m72m-mhq2-9p6c.json"), dir.resolve("b.json"));
            AdvisoryChange added = p.refresh();
            assertThat(added.added()).containsExactly("GHSA-m72m-mhq2-9p6c");
            assertThat(added.packages()).containsExactly(PackageKey.of("maven", "org.jsoup:jsoup"));
            assertThat(added.cpeStatementsChanged()).isFalse();
            assertThat(heard).containsExactly(added);

            String text = Files.readString(dir.resolve("a.json")).replace("\"fixed\": \"1.4.6\"", "\"fixed\": \"1.4.7\"");
            Files.writeString(dir.resolve("a.json"), text);
            AdvisoryChange modified = p.refresh();
            assertThat(modified.modified()).containsExactly("GHSA-f554-x222-wgf7");
            assertThat(modified.packages()).containsExactly(PackageKey.of("maven", "com.thoughtworks.xstream:xstream"));

            Files.delete(dir.resolve("b.json"));
            assertThat(p.refresh().removed()).containsExactly("GHSA-m72m-mhq2-9p6c");
            assertThat(p.current().fingerprint()).isNotEqualTo(first);

            Files.writeString(dir.resolve("broken.json"), "{\"id\": \"X\", \"affected\": [");
            AdvisoryChange broken = p.refresh();
            assertThat(broken.isEmpty()).as("a bad file changes nothing else").isTrue();
            assertThat(p.current().problems()).singleElement().asString().contains("broken.json");
            assertThat(p.current().advisories()).hasSize(1);
        }
    }

    @Test
    void poll_noticesAChangedDirectoryByItself() throws Exception {
        try (FileAdvisoryProvider p = new FileAdvisoryProvider(dir, Duration.ofMillis(100), Clock.systemUTC())) {
            List<AdvisoryChange> heard = new CopyOnWriteArrayList<>();
            p.addListener(heard::add);
            Files.copy(GHSA.resolve("GHSA-m72m-mhq2-9p6c.json"), dir.resolve("jsoup.json"));
            long deadline = System.currentTimeMillis() + 10_000;
            while (heard.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(heard).singleElement().satisfies(c -> assertThat(c.added()).containsExactly("GHSA-m72m-mhq2-9p6c"));
        }
    }

    @Test
    void fingerprint_sameAdvisories_sameFingerprintInAnyOrder() throws IOException {
        Files.copy(GHSA.resolve("GHSA-f554-x222-wgf7.json"), dir.resolve("1.json"));
        Files.copy(GHSA.resolve("GHSA-m72m-mhq2-9p6c.json"), dir.resolve("2.json"));
        Path other = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-other"));
        Files.copy(GHSA.resolve("GHSA-f554-x222-wgf7.json"), other.resolve("2.json"));
        Files.copy(GHSA.resolve("GHSA-m72m-mhq2-9p6c.json"), other.resolve("1.json"));
        try (FileAdvisoryProvider a = new FileAdvisoryProvider(dir, Duration.ZERO, Clock.systemUTC());
             FileAdvisoryProvider b = new FileAdvisoryProvider(other, Duration.ZERO, Clock.systemUTC())) {
            assertThat(a.current().fingerprint()).isEqualTo(b.current().fingerprint()).hasSize(64);
            assertThat(a.describe()).contains(dir.toString());
        }
    }
}
