package dev.mamori.bench;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.OsvReader;
import dev.mamori.match.AdvisoryIndex;
import dev.mamori.match.Matcher;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.CycloneDxJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The thin scan slice on the example data: read the SBOM, and match it against the indexed advisories.
 *
 * <pre>./mvnw -q -B -DskipTests package -pl mamori-bench -am &amp;&amp; java -jar mamori-bench/target/mamori-bench.jar ScanBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScanBenchmark {
    private byte[] sbom;
    private Bom bom;
    private Matcher matcher;

    @Setup
    public void setup() throws IOException {
        Path examples = Examples.dir();
        sbom = Files.readAllBytes(examples.resolve("kawipiko-sbom.cdx.json"));
        try (InputStream in = new java.io.ByteArrayInputStream(sbom)) {
            bom = CycloneDxJsonReader.read(in, "kawipiko");
        }
        List<Advisory> advisories = OsvReader.readAll(List.of(examples.resolve("advisories")));
        matcher = new Matcher(AdvisoryIndex.of(advisories));
    }

    @Benchmark
    public Bom readCycloneDx() {
        return CycloneDxJsonReader.read(new java.io.ByteArrayInputStream(sbom), "kawipiko");
    }

    @Benchmark
    public Matcher.Result match() {
        return matcher.match(bom);
    }
}
