package dev.mamori.bench;

import dev.mamori.version.VersionScheme;
import dev.mamori.version.VersionSchemes;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Version comparisons per second, per scheme, over the real version pairs of the oracle vectors (the first
 * 10,000 pairs of each scheme; caches inside a scheme, if any, see these strings repeatedly, as in a real scan).
 *
 * <pre>java -jar mamori-bench/target/mamori-bench.jar VersionCompareBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class VersionCompareBenchmark {
    static final int PAIRS = 10_000;

    @Param({"maven", "npm", "pypi", "deb", "rpm"})
    public String scheme;

    private VersionScheme versionScheme;
    private String[] a;
    private String[] b;

    @Setup
    public void setup() throws IOException {
        versionScheme = VersionSchemes.forName(scheme);
        List<String[]> pairs = Repo.versionPairs(scheme);
        int n = Math.min(PAIRS, pairs.size());
        a = new String[n];
        b = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = pairs.get(i)[0];
            b[i] = pairs.get(i)[1];
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public void compare(Blackhole bh) {
        for (int i = 0; i < a.length; i++) {
            bh.consume(versionScheme.compare(a[i], b[i]));
        }
    }
}
