package dev.mamori.store;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.AdvisoryFormat;
import dev.mamori.advisory.AdvisorySink;
import dev.mamori.advisory.AdvisorySources;
import dev.mamori.advisory.CweEntry;
import dev.mamori.advisory.EpssScore;
import dev.mamori.advisory.KevEntry;
import dev.mamori.input.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The intelligence fixtures of mamori-core ({@code mamori-core/src/test/resources/intel}, see the README there) and
 * the staged corpora when present, read independently of the store to know what an import must give.
 */
final class IntelFixtures {
    static final Path INTEL = Path.of("../mamori-core/src/test/resources/intel");
    static final Path CORPORA = Path.of("/work/shared/corpora");

    private IntelFixtures() {}

    static Path intel(String name) {
        Path p = INTEL.resolve(name);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no fixture " + p.toAbsolutePath());
        }
        return p;
    }

    static boolean corporaPresent() {
        return Files.isDirectory(CORPORA.resolve("osv-pypi"));
    }

    /** Every fixture file in a known format that its reader accepts (the known-invalid ones are left out). */
    static List<Path> readableFixtures() {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(INTEL)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (AdvisorySources.detect(f) == AdvisoryFormat.UNKNOWN) {
                    continue;
                }
                try {
                    AdvisorySources.read(f, new AdvisorySink() { });
                    out.add(f);
                } catch (InputException e) {
                    // a known-invalid fixture, kept for negative tests
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** What the readers give for some paths: records per source in read order, and the last record per key. */
    static final class Expected implements AdvisorySink {
        final Map<String, Long> readPerSource = new TreeMap<>();
        final Map<String, Map<String, Advisory>> lastPerKey = new TreeMap<>();
        final Map<String, Map<String, List<Advisory>>> allPerKey = new TreeMap<>();
        final Map<String, KevEntry> kev = new LinkedHashMap<>();
        final Map<String, EpssScore> epss = new LinkedHashMap<>();
        final Map<String, CweEntry> cwe = new LinkedHashMap<>();

        static Expected read(List<Path> paths) {
            Expected e = new Expected();
            for (Path p : paths) {
                AdvisorySources.read(p, e);
            }
            return e;
        }

        @Override
        public void advisory(Advisory a) {
            String source = a.provenance().source();
            readPerSource.merge(source, 1L, Long::sum);
            lastPerKey.computeIfAbsent(source, k -> new LinkedHashMap<>()).put(a.id(), a);
            allPerKey.computeIfAbsent(source, k -> new LinkedHashMap<>()).computeIfAbsent(a.id(), k -> new ArrayList<>()).add(a);
        }

        @Override
        public void kev(KevEntry entry) {
            readPerSource.merge("kev", 1L, Long::sum);
            kev.put(entry.cveId(), entry);
        }

        @Override
        public void epss(EpssScore score) {
            readPerSource.merge("epss", 1L, Long::sum);
            epss.put(score.cve(), score);
        }

        @Override
        public void cwe(CweEntry entry) {
            readPerSource.merge("cwe", 1L, Long::sum);
            cwe.put(entry.id(), entry);
        }

        /** Distinct records per source: what the store must hold. */
        Map<String, Long> distinctPerSource() {
            Map<String, Long> out = new TreeMap<>();
            lastPerKey.forEach((source, byId) -> out.put(source, (long) byId.size()));
            if (!kev.isEmpty()) {
                out.put("kev", (long) kev.size());
            }
            if (!epss.isEmpty()) {
                out.put("epss", (long) epss.size());
            }
            if (!cwe.isEmpty()) {
                out.put("cwe", (long) cwe.size());
            }
            return out;
        }

        long advisories() {
            return lastPerKey.values().stream().mapToLong(Map::size).sum();
        }
    }
}
