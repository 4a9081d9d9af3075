package dev.mamori.bench;

import dev.mamori.sbom.Bom;
import dev.mamori.sbom.SbomReader;
import dev.mamori.sbom.SbomWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.parsers.JsonParser;
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
 * Reading and writing a generated 50,000-component SBOM in a JVM with a 512 MB heap: CycloneDX JSON (Mamori's
 * streaming reader and, for comparison, cyclonedx-core-java's parser and generator), and the same SBOM converted to
 * CycloneDX 1.6 XML (34 MB) and SPDX 2.3 JSON (54 MB). Each benchmark's fork holds only the input it uses.
 *
 * <pre>./mvnw -q -B -DskipTests package -pl mamori-bench -am &amp;&amp; java -jar mamori-bench/target/mamori-bench.jar SbomReadBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
public class SbomReadBenchmark {
    static final int COMPONENTS = 50_000;

    /** The generated CycloneDX JSON. */
    @State(Scope.Benchmark)
    public static class CycloneDxJson {
        byte[] bytes;

        @Setup
        public void setup() {
            bytes = SbomGenerator.cycloneDxJson(COMPONENTS, 42);
        }
    }

    /** The generated SBOM in the model. */
    @State(Scope.Benchmark)
    public static class Model {
        Bom bom;

        @Setup
        public void setup() {
            bom = SbomReader.read(new ByteArrayInputStream(SbomGenerator.cycloneDxJson(COMPONENTS, 42)), "generated");
        }
    }

    /** The generated SBOM written as CycloneDX XML. */
    @State(Scope.Benchmark)
    public static class CycloneDxXml {
        byte[] bytes;

        @Setup
        public void setup() {
            bytes = convert(SbomWriter.Target.CYCLONEDX_XML);
        }
    }

    /** The generated SBOM written as SPDX 2.3 JSON. */
    @State(Scope.Benchmark)
    public static class SpdxJson {
        byte[] bytes;

        @Setup
        public void setup() {
            bytes = convert(SbomWriter.Target.SPDX_JSON);
        }
    }

    /** The generated SBOM written as SPDX 3.0.1 JSON-LD. */
    @State(Scope.Benchmark)
    public static class Spdx3Json {
        byte[] bytes;

        @Setup
        public void setup() {
            bytes = convert(SbomWriter.Target.SPDX3_JSON);
        }
    }

    /** The generated SBOM in cyclonedx-core-java's model. */
    @State(Scope.Benchmark)
    public static class CoreJavaModel {
        org.cyclonedx.model.Bom bom;

        @Setup
        public void setup() throws Exception {
            bom = new JsonParser().parse(SbomGenerator.cycloneDxJson(COMPONENTS, 42));
        }
    }

    static byte[] convert(SbomWriter.Target target) {
        Bom bom = SbomReader.read(new ByteArrayInputStream(SbomGenerator.cycloneDxJson(COMPONENTS, 42)), "generated");
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 20);
        SbomWriter.write(bom, target, out);
        return out.toByteArray();
    }

    /** Counts bytes without keeping them, so writing is measured without a growing buffer. */
    static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    @Benchmark
    public Bom readCycloneDxJson(CycloneDxJson in) {
        return SbomReader.read(new ByteArrayInputStream(in.bytes), "generated.cdx.json");
    }

    @Benchmark
    public Bom readCycloneDxXml(CycloneDxXml in) {
        return SbomReader.read(new ByteArrayInputStream(in.bytes), "generated.cdx.xml");
    }

    @Benchmark
    public Bom readSpdxJson(SpdxJson in) {
        return SbomReader.read(new ByteArrayInputStream(in.bytes), "generated.spdx.json");
    }

    @Benchmark
    public Bom readSpdx3Json(Spdx3Json in) {
        return SbomReader.read(new ByteArrayInputStream(in.bytes), "generated.spdx3.json");
    }

    @Benchmark
    public long writeSpdx3Json(Model m) {
        Counting out = new Counting();
        SbomWriter.write(m.bom, SbomWriter.Target.SPDX3_JSON, out);
        return out.count;
    }

    @Benchmark
    public long writeCycloneDxJson(Model m) {
        Counting out = new Counting();
        SbomWriter.write(m.bom, SbomWriter.Target.CYCLONEDX_JSON, out);
        return out.count;
    }

    @Benchmark
    public long writeCycloneDxXml(Model m) {
        Counting out = new Counting();
        SbomWriter.write(m.bom, SbomWriter.Target.CYCLONEDX_XML, out);
        return out.count;
    }

    @Benchmark
    public long writeSpdxJson(Model m) {
        Counting out = new Counting();
        SbomWriter.write(m.bom, SbomWriter.Target.SPDX_JSON, out);
        return out.count;
    }

    @Benchmark
    public org.cyclonedx.model.Bom coreJavaParseCycloneDxJson(CycloneDxJson in) throws Exception {
        return new JsonParser().parse(in.bytes);
    }

    @Benchmark
    public String coreJavaWriteCycloneDxJson(CoreJavaModel m) throws Exception {
        return BomGeneratorFactory.createJson(Version.VERSION_16, m.bom).toJsonString();
    }
}
