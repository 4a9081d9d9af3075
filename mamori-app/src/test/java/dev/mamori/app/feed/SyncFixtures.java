package dev.mamori.app.feed;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.AdvisorySink;
import dev.mamori.advisory.AdvisorySources;
import dev.mamori.advisory.CsafDocument;
import dev.mamori.advisory.EpssScore;
import dev.mamori.advisory.KevEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Shared pieces of the sync tests: fixtures, a sync wired to fake time, and counting what the mirror holds. */
final class SyncFixtures {
    static final Instant START = Instant.parse("2025-06-01T00:00:00Z");

    private SyncFixtures() {}

    static byte[] resource(String name) {
        try (InputStream in = SyncFixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource feeds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip with one {@code <name>} entry per pair, the way OSV packs {@code all.zip}. */
    static byte[] zip(List<String> names, List<byte[]> bodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < names.size(); i++) {
                zip.putNextEntry(new ZipEntry(names.get(i)));
                zip.write(bodies.get(i));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A config pointing nowhere useful, with quick retries; tests set the URLs they use. */
    static FeedConfig.Builder config() {
        return FeedConfig.builder()
                .maxAttempts(3)
                .backoff(Duration.ofSeconds(1), Duration.ofSeconds(8))
                .requestTimeout(Duration.ofSeconds(20))
                .userAgent("mamori-test");
    }

    static FeedSync sync(FeedConfig config, Path mirror, FakeTime time) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new FeedSync(config, mirror, client, time, time, new Random(42));
    }

    /** What {@link AdvisorySources#read} finds under a path. */
    static final class Counts implements AdvisorySink {
        final List<Advisory> advisories = new ArrayList<>();
        final List<KevEntry> kev = new ArrayList<>();
        final List<EpssScore> epss = new ArrayList<>();
        final List<CsafDocument> csaf = new ArrayList<>();
        final List<Path> skipped = new ArrayList<>();

        @Override
        public void advisory(Advisory a) {
            advisories.add(a);
        }

        @Override
        public void kev(KevEntry e) {
            kev.add(e);
        }

        @Override
        public void epss(EpssScore s) {
            epss.add(s);
        }

        @Override
        public void csafDocument(CsafDocument d) {
            csaf.add(d);
        }

        @Override
        public void skipped(Path file, String reason) {
            skipped.add(file);
        }
    }

    static Counts read(Path path) {
        Counts c = new Counts();
        AdvisorySources.read(path, c);
        return c;
    }

    /** Every regular file under a directory that an import reads (hidden ones left out), relative, sorted. */
    static List<String> files(Path dir) {
        return allFiles(dir).stream().filter(f -> !f.startsWith(".") && !f.contains("/.")).toList();
    }

    /** Every regular file under a directory, hidden ones included, relative, with '/' separators, sorted. */
    static List<String> allFiles(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
