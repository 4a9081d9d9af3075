package dev.mamori.bench;

import dev.mamori.risk.CvssCalculator;
import dev.mamori.risk.CvssScores;
import dev.mamori.risk.CvssVector;
import java.util.Random;
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
 * CVSS scores per second per version: parse + score of 1,024 seeded random vectors per version (v3.x and v4.0 with
 * about half of the temporal/threat and environmental metrics set), and score-only for pre-parsed v4.0 vectors.
 *
 * <pre>./mvnw -q -B -DskipTests package -pl mamori-bench -am &amp;&amp; java -jar mamori-bench/target/mamori-bench.jar CvssBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CvssBenchmark {
    private static final int N = 1024;
    private final String[] v2 = new String[N];
    private final String[] v30 = new String[N];
    private final String[] v31 = new String[N];
    private final String[] v40 = new String[N];
    private final CvssVector[] v40Parsed = new CvssVector[N];
    private int i;

    @Setup
    public void setup() {
        Random r = new Random(20261125);
        for (int k = 0; k < N; k++) {
            v2[k] = vector(r, "", new String[][] {{"AV", "L", "A", "N"}, {"AC", "H", "M", "L"}, {"Au", "M", "S", "N"},
                    {"C", "N", "P", "C"}, {"I", "N", "P", "C"}, {"A", "N", "P", "C"}},
                    new String[][] {{"E", "U", "POC", "F", "H"}, {"RL", "OF", "TF", "W", "U"}, {"RC", "UC", "UR", "C"},
                        {"CDP", "N", "L", "LM", "MH", "H"}, {"TD", "N", "L", "M", "H"}, {"CR", "L", "M", "H"}, {"IR", "L", "M", "H"},
                        {"AR", "L", "M", "H"}});
            String[][] v3Base = {{"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"PR", "N", "L", "H"}, {"UI", "N", "R"},
                {"S", "U", "C"}, {"C", "H", "L", "N"}, {"I", "H", "L", "N"}, {"A", "H", "L", "N"}};
            String[][] v3Optional = {{"E", "H", "F", "P", "U"}, {"RL", "U", "W", "T", "O"}, {"RC", "C", "R", "U"},
                {"CR", "H", "M", "L"}, {"IR", "H", "M", "L"}, {"AR", "H", "M", "L"}, {"MAV", "N", "A", "L", "P"},
                {"MAC", "L", "H"}, {"MPR", "N", "L", "H"}, {"MUI", "N", "R"}, {"MS", "U", "C"}, {"MC", "H", "L", "N"},
                {"MI", "H", "L", "N"}, {"MA", "H", "L", "N"}};
            v30[k] = vector(r, "CVSS:3.0/", v3Base, v3Optional);
            v31[k] = vector(r, "CVSS:3.1/", v3Base, v3Optional);
            v40[k] = vector(r, "CVSS:4.0/", new String[][] {{"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"AT", "N", "P"},
                    {"PR", "N", "L", "H"}, {"UI", "N", "P", "A"}, {"VC", "H", "L", "N"}, {"VI", "H", "L", "N"}, {"VA", "H", "L", "N"},
                    {"SC", "H", "L", "N"}, {"SI", "H", "L", "N"}, {"SA", "H", "L", "N"}},
                    new String[][] {{"E", "A", "P", "U"}, {"CR", "H", "M", "L"}, {"IR", "H", "M", "L"}, {"AR", "H", "M", "L"},
                        {"MAV", "N", "A", "L", "P"}, {"MAC", "L", "H"}, {"MAT", "N", "P"}, {"MPR", "N", "L", "H"},
                        {"MUI", "N", "P", "A"}, {"MVC", "H", "L", "N"}, {"MVI", "H", "L", "N"}, {"MVA", "H", "L", "N"},
                        {"MSC", "H", "L", "N"}, {"MSI", "S", "H", "L", "N"}, {"MSA", "S", "H", "L", "N"}});
            v40Parsed[k] = CvssVector.parse(v40[k]);
        }
    }

    private static String vector(Random r, String prefix, String[][] base, String[][] optional) {
        StringBuilder b = new StringBuilder(prefix);
        for (String[] m : base) {
            b.append(m[0]).append(':').append(m[1 + r.nextInt(m.length - 1)]).append('/');
        }
        for (String[] m : optional) {
            if (r.nextBoolean()) {
                b.append(m[0]).append(':').append(m[1 + r.nextInt(m.length - 1)]).append('/');
            }
        }
        return b.substring(0, b.length() - 1);
    }

    private int next() {
        i = (i + 1) & (N - 1);
        return i;
    }

    @Benchmark
    public CvssScores v2_0() {
        return CvssCalculator.score(v2[next()]);
    }

    @Benchmark
    public CvssScores v3_0() {
        return CvssCalculator.score(v30[next()]);
    }

    @Benchmark
    public CvssScores v3_1() {
        return CvssCalculator.score(v31[next()]);
    }

    @Benchmark
    public CvssScores v4_0() {
        return CvssCalculator.score(v40[next()]);
    }

    /** v4.0 without parsing: the three scores (base, threat, environmental) of a parsed vector. */
    @Benchmark
    public CvssScores v4_0_scoreOnly() {
        return CvssCalculator.score(v40Parsed[next()]);
    }
}
