package dev.mamori.bench;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.AdvisorySink;
import dev.mamori.advisory.AdvisorySources;
import dev.mamori.store.AdvisoryStore;
import dev.mamori.store.Database;
import dev.mamori.store.DatabaseKind;
import dev.mamori.store.DatabaseSettings;
import dev.mamori.store.ImportResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * End-to-end import of the real OSV advisories of the staged corpora (PyPI, Go, RustSec, AlmaLinux, Bitnami: 20,790
 * records) into a fresh store, on SQLite and on PostgreSQL (an embedded server it starts itself). For each database
 * and each run, a new empty store:
 * <ul>
 *   <li><b>parse</b>: the files read into memory as {@link Advisory} records, nothing stored (the OSV parse rate);</li>
 *   <li><b>store</b>: the parsed records imported in one transaction (encode, hash, batched upserts of the records
 *       and their package, CPE and alias index rows) — advisories stored per second, parsing excluded;</li>
 *   <li><b>import</b>: {@code mamori db import} end to end, files to committed transaction (parse + store);</li>
 *   <li><b>re-import</b>: the same files again, every record unchanged (compared by hash, nothing written).</li>
 * </ul>
 * Targets: parse ≥ 20,000 and store ≥ 5,000 advisories per second on SQLite.
 *
 * <pre>./mvnw -q -B -DskipTests package -pl mamori-bench -am
 * java -cp mamori-bench/target/mamori-bench.jar dev.mamori.bench.StoreImportBenchmark [runs] [sqlite|postgresql|both]</pre>
 *
 * The corpora directory is {@code -Dmamori.corpora=…} (default {@code /work/shared/corpora}); without it the
 * 20-record fixtures of mamori-core's test resources are used (too few for meaningful rates).
 */
public final class StoreImportBenchmark {
    private static final List<String> CORPORA = List.of("osv-pypi", "osv-go", "osv-rustsec", "osv-almalinux", "osv-bitnami");

    private StoreImportBenchmark() {}

    record Run(String phase, long records, long nanos) {
        double perSecond() {
            return records * 1e9 / nanos;
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String which = args.length > 1 ? args[1] : "both";
        List<Path> files = inputs();
        System.out.printf("inputs: %s%n", files);
        System.out.printf("JVM %s, %d processors%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        Path tmp = Files.createTempDirectory("mamori-store-bench");
        try {
            if (!which.equals("postgresql")) {
                bench(DatabaseKind.SQLITE, files, runs, i -> DatabaseSettings.sqlite(tmp.resolve("sqlite-" + i)));
            }
            if (!which.equals("sqlite")) {
                try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
                    bench(DatabaseKind.POSTGRESQL, files, runs, i -> {
                        String name = "bench_" + i;
                        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                            s.execute("create database " + name);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                        return new DatabaseSettings(pg.getJdbcUrl("postgres", name), "postgres", null);
                    });
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    interface Stores {
        DatabaseSettings fresh(int i);
    }

    private static void bench(DatabaseKind kind, List<Path> files, int runs, Stores stores) {
        List<Run> results = new ArrayList<>();
        // one warm-up round (JIT, driver, embedded server caches), not reported
        for (int i = 0; i <= runs; i++) {
            List<Run> round = round(files, stores.fresh(i * 2), stores.fresh(i * 2 + 1));
            if (i > 0) {
                results.addAll(round);
            }
        }
        System.out.printf("%n%s (%d runs, fresh store each; median, best):%n", kind.label(), runs);
        for (String phase : List.of("parse", "store", "import", "re-import")) {
            double[] rates = results.stream().filter(r -> r.phase().equals(phase)).mapToDouble(Run::perSecond).sorted()
                    .toArray();
            long records = results.stream().filter(r -> r.phase().equals(phase)).findFirst().orElseThrow().records();
            System.out.printf(Locale.ROOT, "  %-10s %,9d advisories  %,10.0f /s median  %,10.0f /s best%n", phase,
                    records, rates[rates.length / 2], rates[rates.length - 1]);
        }
    }

    private static List<Run> round(List<Path> files, DatabaseSettings forStore, DatabaseSettings forImport) {
        List<Run> out = new ArrayList<>();
        long t0 = System.nanoTime();
        List<Advisory> parsed = new ArrayList<>();
        for (Path f : files) {
            AdvisorySources.read(f, new AdvisorySink() {
                @Override
                public void advisory(Advisory advisory) {
                    parsed.add(advisory);
                }
            });
        }
        out.add(new Run("parse", parsed.size(), System.nanoTime() - t0));

        try (Database db = Database.open(forStore)) {
            AdvisoryStore store = new AdvisoryStore(db);
            long t1 = System.nanoTime();
            ImportResult r = store.importFrom(Instant.now(), sink -> parsed.forEach(sink::advisory));
            out.add(new Run("store", r.total().read(), System.nanoTime() - t1));
            check(r, parsed.size());
        }
        try (Database db = Database.open(forImport)) {
            AdvisoryStore store = new AdvisoryStore(db);
            long t2 = System.nanoTime();
            ImportResult r = store.importPaths(files, null, Instant.now());
            out.add(new Run("import", r.total().read(), System.nanoTime() - t2));
            check(r, parsed.size());
            long t3 = System.nanoTime();
            ImportResult again = store.importPaths(files, null, Instant.now());
            out.add(new Run("re-import", again.total().read(), System.nanoTime() - t3));
            if (again.changedAnything()) {
                throw new IllegalStateException("re-import changed records: " + again);
            }
        }
        return out;
    }

    private static void check(ImportResult r, int expected) {
        if (r.total().read() != expected) {
            throw new IllegalStateException("imported " + r.total().read() + " of " + expected + " records");
        }
    }

    private static List<Path> inputs() throws IOException {
        Path corpora = Path.of(System.getProperty("mamori.corpora", "/work/shared/corpora"));
        List<Path> files = new ArrayList<>();
        for (String c : CORPORA) {
            Path f = corpora.resolve(c).resolve(c + ".jsonl.gz");
            if (!Files.isRegularFile(f)) {
                f = Examples.dir().getParent().resolve("mamori-core/src/test/resources/intel/osv/" + c + "-20.jsonl.gz");
            }
            files.add(f);
        }
        return Arrays.asList(files.toArray(Path[]::new));
    }
}
