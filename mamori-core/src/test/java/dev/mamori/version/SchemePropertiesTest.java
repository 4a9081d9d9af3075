package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Order laws and range/order consistency for every exact scheme, over seeded random versions drawn from small
 * pools so that ties, prereleases and qualifiers meet often.
 */
final class SchemePropertiesTest {
    private static final List<String> SCHEMES = List.of("maven", "npm", "semver", "golang", "cargo", "nuget");
    private static final long[] SEEDS = {1, 7, 42, 20261125, 987654321};

    static Stream<Arguments> schemesAndSeeds() {
        return SCHEMES.stream().flatMap(s -> java.util.Arrays.stream(SEEDS).mapToObj(seed -> Arguments.of(s, seed)));
    }

    /**
     * Maven is left out of transitivity: ComparableVersion 3.8.1 (the order we follow, decision 0009) is itself not
     * transitive for mixed qualifiers such as {@code 10 / 10.a / 10.0RC2}; Maven fixed that in 3.9 together with the
     * order changes the OSV data does not follow. {@code MavenSchemeTest} pins the library's answers instead.
     */
    static Stream<Arguments> transitiveSchemesAndSeeds() {
        return schemesAndSeeds().filter(a -> !a.get()[0].equals("maven"));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("schemesAndSeeds")
    void compare_randomPairs_isReflexiveAndAntisymmetric(String name, long seed) {
        VersionScheme scheme = VersionSchemes.forName(name);
        Function<Random, String> gen = generator(name);
        Random rnd = new Random(seed);
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String a = gen.apply(rnd);
            String b = gen.apply(rnd);
            if (scheme.compare(a, a) != 0 || Integer.signum(scheme.compare(a, b)) != -Integer.signum(scheme.compare(b, a))) {
                broken.add(a + " / " + b);
            }
        }
        assertThat(broken).isEmpty();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("transitiveSchemesAndSeeds")
    void compare_randomTriples_isTransitive(String name, long seed) {
        VersionScheme scheme = VersionSchemes.forName(name);
        Function<Random, String> gen = generator(name);
        Random rnd = new Random(seed);
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String[] t = {gen.apply(rnd), gen.apply(rnd), gen.apply(rnd)};
            for (int[] p : new int[][] {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}) {
                int ab = scheme.compare(t[p[0]], t[p[1]]);
                int bc = scheme.compare(t[p[1]], t[p[2]]);
                int ac = scheme.compare(t[p[0]], t[p[2]]);
                boolean ok = !(ab <= 0 && bc <= 0) || ac <= 0;
                ok &= !(ab == 0 && bc == 0) || ac == 0;
                if (!ok) {
                    broken.add(t[p[0]] + " / " + t[p[1]] + " / " + t[p[2]]);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("schemesAndSeeds")
    void parseRange_boundedRanges_agreeWithCompare(String name, long seed) {
        VersionScheme scheme = VersionSchemes.forName(name);
        Function<Random, String> gen = generator(name);
        Random rnd = new Random(seed);
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String x = gen.apply(rnd);
            String y = gen.apply(rnd);
            String lo = scheme.compare(x, y) <= 0 ? x : y;
            String hi = lo == x ? y : x;
            boolean same = scheme.compare(lo, hi) == 0;
            boolean outside = rnd.nextBoolean();
            VersionRange range = scheme.parseRange(rangeText(name, lo, hi, same, outside));
            for (int k = 0; k < 20; k++) {
                String v = k == 0 ? lo : k == 1 ? hi : gen.apply(rnd);
                boolean expected = expected(name, scheme, v, lo, hi, same, outside);
                if (range.contains(v) != expected) {
                    broken.add(v + " in " + range + ": expected " + expected);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /**
     * Inside: {@code lo..hi} half open, or exactly {@code lo} when the bounds are equal. Outside: the complement
     * where the syntax has unions, else a one-sided bound (NuGet's bare minimum, Cargo's {@code <=}).
     */
    private static String rangeText(String name, String lo, String hi, boolean same, boolean outside) {
        return switch (name) {
            case "maven" -> same ? (outside ? "(," + lo + "),(" + lo + ",)" : "[" + lo + "]")
                    : outside ? "(," + lo + "],(" + hi + ",)" : "[" + lo + "," + hi + ")";
            case "nuget" -> outside ? lo : same ? "[" + lo + "]" : "[" + lo + ", " + hi + ")";
            case "cargo" -> outside ? "<=" + lo : same ? "=" + lo : ">=" + lo + ", <" + hi;
            default -> same ? (outside ? "<" + lo + " || >" + lo : "=" + lo)
                    : outside ? "<=" + lo + " || >" + hi : ">=" + lo + " <" + hi;
        };
    }

    private static boolean expected(String name, VersionScheme scheme, String v, String lo, String hi, boolean same,
            boolean outside) {
        int cl = scheme.compare(v, lo);
        int ch = scheme.compare(v, hi);
        boolean byOrder = switch (name) {
            case "nuget" -> outside ? cl >= 0 : same ? cl == 0 : cl >= 0 && ch < 0;
            case "cargo" -> outside ? cl <= 0 : same ? cl == 0 : cl >= 0 && ch < 0;
            default -> same ? (outside ? cl != 0 : cl == 0) : outside ? (cl <= 0 || ch > 0) : (cl >= 0 && ch < 0);
        };
        if (!byOrder || !(name.equals("npm") || name.equals("cargo"))) {
            return byOrder;
        }
        // npm and Cargo: a prerelease only matches when a comparator of the matching set names its release
        // with a prerelease of its own
        Function<String, SemVer> parse = name.equals("npm") ? SemverDialect.NPM::parse : CargoScheme::parse;
        SemVer sv = parse.apply(v);
        if (!sv.isPrerelease()) {
            return true;
        }
        SemVer l = parse.apply(lo);
        SemVer h = parse.apply(hi);
        boolean viaLo = l.isPrerelease() && l.sameRelease(sv);
        boolean viaHi = h.isPrerelease() && h.sameRelease(sv);
        if (name.equals("cargo")) {
            return outside || same ? viaLo : viaLo || viaHi;
        }
        if (same) {
            return viaLo;
        }
        return outside ? (viaLo && cl <= 0) || (viaHi && ch > 0) : viaLo || viaHi;
    }

    // ---------------------------------------------------------------- generators

    private static <T> T pick(Random r, List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }

    private static final List<String> NUMS = List.of("0", "1", "2", "10", "3");
    private static final List<String> PRE = List.of("alpha", "alpha.1", "alpha.beta", "beta", "beta.2", "beta.11",
            "rc.1", "0", "1", "10", "x-y", "RC.1");

    static Function<Random, String> generator(String scheme) {
        return switch (scheme) {
            case "maven" -> SchemePropertiesTest::maven;
            case "nuget" -> SchemePropertiesTest::nuget;
            case "golang" -> SchemePropertiesTest::golang;
            default -> r -> semver(r, !scheme.equals("cargo") && r.nextInt(8) == 0);
        };
    }

    private static String semver(Random r, boolean withV) {
        StringBuilder b = new StringBuilder(withV ? "v" : "");
        b.append(pick(r, NUMS)).append('.').append(pick(r, NUMS)).append('.').append(pick(r, NUMS));
        if (r.nextInt(3) == 0) {
            b.append('-').append(pick(r, PRE));
        }
        if (r.nextInt(6) == 0) {
            b.append("+build.").append(r.nextInt(3));
        }
        return b.toString();
    }

    private static String golang(Random r) {
        String v = switch (r.nextInt(6)) {
            case 0 -> "v0.0.0-2019110902193" + r.nextInt(3) + "-daa7c04131f5";
            case 1 -> "v1." + pick(r, NUMS) + "." + pick(r, NUMS) + "-0.2020010100000" + r.nextInt(3) + "-abcdefabcdef";
            case 2 -> "v1.2.3-pre.0.2020010100000" + r.nextInt(3) + "-abcdefabcdef";
            default -> semver(r, r.nextBoolean());
        };
        return r.nextInt(10) == 0 && !v.contains("+") ? v + "+incompatible" : v;
    }

    private static final List<String> MAVEN_QUALIFIERS = List.of("", "", "alpha", "a", "beta", "b", "milestone", "m",
            "rc", "cr", "SNAPSHOT", "ga", "Final", "release", "sp", "jre", "android", "foo", "RC", "1", "2", "10");

    private static String maven(Random r) {
        StringBuilder b = new StringBuilder(pick(r, NUMS));
        int parts = r.nextInt(3);
        for (int i = 0; i < parts; i++) {
            b.append('.').append(pick(r, NUMS));
        }
        int quals = r.nextInt(3);
        for (int i = 0; i < quals; i++) {
            String q = pick(r, MAVEN_QUALIFIERS);
            if (!q.isEmpty()) {
                b.append(pick(r, List.of("-", ".", ""))).append(q);
            }
        }
        return b.toString();
    }

    private static String nuget(Random r) {
        StringBuilder b = new StringBuilder(pick(r, NUMS));
        int parts = r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            b.append('.').append(pick(r, List.of("0", "00", "1", "01", "2", "10")));
        }
        if (r.nextInt(3) == 0) {
            String pre = pick(r, PRE);
            b.append('-').append(r.nextBoolean() ? pre : pre.toUpperCase(java.util.Locale.ROOT));
        }
        if (r.nextInt(6) == 0) {
            b.append("+meta");
        }
        return b.toString();
    }
}
