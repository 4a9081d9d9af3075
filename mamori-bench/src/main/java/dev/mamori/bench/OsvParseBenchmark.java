package dev.mamori.bench;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.OsvReader;
import dev.mamori.advisory.Origin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * OSV advisories parsed per second from the real {@code .jsonl.gz} files of the staged corpora (gunzip, JSON parse
 * and conversion to {@link Advisory}, CVSS vectors scored), the file held in memory so disk speed does not count.
 * The {@code records} line of the result is advisories per second (target: at least 20,000).
 *
 * <p>The corpora directory is {@code -Dmamori.corpora=…} (default {@code /work/shared/corpora}); without it the
 * 20-record fixtures of mamori-core's test resources are used.
 *
 * <pre>./mvnw -q -B -DskipTests package -pl mamori-bench -am &amp;&amp; java -jar mamori-bench/target/mamori-bench.jar OsvParseBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class OsvParseBenchmark {
    @Param({"osv-pypi", "osv-go", "osv-rustsec", "osv-almalinux", "osv-bitnami"})
    public String corpus;

    private byte[] gzipped;
    private String origin;

    /** Counts parsed advisories; JMH reports the count per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Records {
        public long records;

        @Setup(Level.Iteration)
        public void reset() {
            records = 0;
        }
    }

    @Setup
    public void setup() throws IOException {
        Path file = Path.of(System.getProperty("mamori.corpora", "/work/shared/corpora"))
                .resolve(corpus).resolve(corpus + ".jsonl.gz");
        if (!Files.isRegularFile(file)) {
            file = Examples.dir().getParent().resolve("mamori-core/src/test/resources/intel/osv/" + corpus + "-20.jsonl.gz");
        }
        gzipped = Files.readAllBytes(file);
        origin = file.toString();
    }

    @Benchmark
    public void parse(Records counter, Blackhole bh) throws IOException {
        Consumer<Advisory> sink = a -> {
            bh.consume(a);
            counter.records++;
        };
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 1 << 16)) {
            OsvReader.readLines(in, Origin.of(origin), sink);
        }
    }
}
