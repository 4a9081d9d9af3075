package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Order laws and range/order consistency for the distro schemes (deb, rpm, apk, openssl, generic, alpm, gentoo,
 * conan), over seeded random versions drawn from small pools so that ties, tildes, suffixes and epochs meet often.
 *
 * <p>Generators stay inside the domain where each scheme's order is total: pacman versions always carry a release
 * (vercmp ignores a missing one, which is not transitive), Conan items never mix numbers with digit-led words at
 * one position (Conan's own order cycles there), generic versions use only words the scheme can order.
 */
final class DistroSchemePropertiesTest {
    private static final List<String> SCHEMES = List.of(
            "deb", "rpm", "apk", "openssl", "generic", "alpm", "gentoo", "conan");
    private static final long[] SEEDS = {1, 7, 42, 20261125, 987654321};

    /** How a scheme spells a comparator, joins comparators (AND) and alternatives (OR, null when it has none). */
    private record Spelling(Map<OperatorRanges.Op, String> ops, String and, String or) {}

    private static final Map<OperatorRanges.Op, String> PLAIN = Map.of(OperatorRanges.Op.LT, "<",
            OperatorRanges.Op.LE, "<=", OperatorRanges.Op.EQ, "=", OperatorRanges.Op.GE, ">=", OperatorRanges.Op.GT, ">");
    private static final Map<String, Spelling> SPELLING = Map.of(
            "deb", new Spelling(Map.of(OperatorRanges.Op.LT, "<< ", OperatorRanges.Op.LE, "<= ",
                    OperatorRanges.Op.EQ, "= ", OperatorRanges.Op.GE, ">= ", OperatorRanges.Op.GT, ">> "), ", ", " | "),
            "rpm", new Spelling(PLAIN, ", ", null),
            "apk", new Spelling(PLAIN, ",", null),
            "openssl", new Spelling(PLAIN, " ", " || "),
            "generic", new Spelling(PLAIN, " ", " || "),
            "alpm", new Spelling(PLAIN, ", ", " || "),
            "gentoo", new Spelling(PLAIN, " ", " || "),
            "conan", new Spelling(PLAIN, " ", " || "));

    static Stream<Arguments> schemesAndSeeds() {
        return SCHEMES.stream().flatMap(s -> Arrays.stream(SEEDS).mapToObj(seed -> Arguments.of(s, seed)));
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
            if (scheme.compare(a, a) != 0
                    || Integer.signum(scheme.compare(a, b)) != -Integer.signum(scheme.compare(b, a))) {
                broken.add(a + " / " + b);
            }
        }
        assertThat(broken).isEmpty();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("schemesAndSeeds")
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
    void parseRange_singleComparators_agreeWithCompare(String name, long seed) {
        VersionScheme scheme = VersionSchemes.forName(name);
        Spelling sp = SPELLING.get(name);
        Function<Random, String> gen = generator(name);
        Random rnd = new Random(seed);
        OperatorRanges.Op[] ops = sp.ops().keySet().toArray(OperatorRanges.Op[]::new);
        Arrays.sort(ops);
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String bound = gen.apply(rnd);
            OperatorRanges.Op op = ops[rnd.nextInt(ops.length)];
            VersionRange range = scheme.parseRange(sp.ops().get(op) + bound);
            for (int k = 0; k < 20; k++) {
                String v = k == 0 ? bound : gen.apply(rnd);
                boolean expected = op.accepts(compareToBound(name, scheme, v, bound));
                if (range.contains(v) != expected) {
                    broken.add(v + " in " + range + ": expected " + expected);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("schemesAndSeeds")
    void parseRange_intervalsAndUnions_agreeWithCompare(String name, long seed) {
        VersionScheme scheme = VersionSchemes.forName(name);
        Spelling sp = SPELLING.get(name);
        Function<Random, String> gen = generator(name);
        Random rnd = new Random(seed);
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String x = gen.apply(rnd);
            String y = gen.apply(rnd);
            String lo = scheme.compare(x, y) <= 0 ? x : y;
            String hi = lo == x ? y : x;
            boolean union = sp.or() != null && rnd.nextBoolean();
            String text = union
                    ? sp.ops().get(OperatorRanges.Op.LT) + lo + sp.or() + sp.ops().get(OperatorRanges.Op.GE) + hi
                    : sp.ops().get(OperatorRanges.Op.GE) + lo + sp.and() + sp.ops().get(OperatorRanges.Op.LT) + hi;
            VersionRange range = scheme.parseRange(text);
            for (int k = 0; k < 20; k++) {
                String v = k == 0 ? lo : k == 1 ? hi : gen.apply(rnd);
                int cl = compareToBound(name, scheme, v, lo);
                int ch = compareToBound(name, scheme, v, hi);
                boolean expected = union ? cl < 0 || ch >= 0 : cl >= 0 && ch < 0;
                if (range.contains(v) != expected) {
                    broken.add(v + " in " + range + ": expected " + expected);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @ParameterizedTest(name = "apk fuzzy seed {0}")
    @MethodSource("seeds")
    void apkFuzzyRange_agreesWithTokenPrefix(long seed) {
        ApkScheme apk = ApkScheme.INSTANCE;
        Random rnd = new Random(seed);
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String pattern = apk(rnd);
            VersionRange range = apk.parseRange("~" + pattern);
            for (int k = 0; k < 20; k++) {
                String v = k == 0 ? pattern : apk(rnd);
                if (range.contains(v) != (apk.compareFuzzy(v, pattern) == 0)) {
                    broken.add(v + " in ~" + pattern);
                }
                if (apk.compare(v, pattern) == 0 && !range.contains(v)) {
                    broken.add(v + " equals " + pattern + " but is not in ~" + pattern);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    static Stream<Long> seeds() {
        return Arrays.stream(SEEDS).boxed();
    }

    /** The comparison a range bound applies: rpm drops releases unless both sides have one. */
    private static int compareToBound(String name, VersionScheme scheme, String v, String bound) {
        if (name.equals("rpm")) {
            RpmScheme.Evr a = RpmScheme.parse(v);
            RpmScheme.Evr b = RpmScheme.parse(bound);
            return RpmScheme.compare(a, b, a.release() != null && b.release() != null);
        }
        return scheme.compare(v, bound);
    }

    // ---------------------------------------------------------------- generators

    private static <T> T pick(Random r, List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }

    private static final List<String> NUMS = List.of("0", "1", "2", "10", "01", "9");

    static Function<Random, String> generator(String scheme) {
        return switch (scheme) {
            case "deb" -> DistroSchemePropertiesTest::deb;
            case "rpm" -> DistroSchemePropertiesTest::rpm;
            case "apk" -> DistroSchemePropertiesTest::apk;
            case "openssl" -> DistroSchemePropertiesTest::openssl;
            case "generic" -> DistroSchemePropertiesTest::generic;
            case "alpm" -> DistroSchemePropertiesTest::alpm;
            case "gentoo" -> DistroSchemePropertiesTest::gentoo;
            case "conan" -> DistroSchemePropertiesTest::conan;
            default -> throw new IllegalArgumentException(scheme);
        };
    }

    private static String deb(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(6) == 0) {
            b.append(pick(r, List.of("0", "1", "2"))).append(':');
        }
        b.append(pick(r, NUMS));
        int parts = r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            b.append(pick(r, List.of(".", ".", "+", "~", ""))).append(pick(r, List.of("1", "2", "0", "a", "rc1",
                    "dfsg", "b", "10")));
        }
        if (r.nextInt(8) == 0) {
            b.append('~');
        }
        if (r.nextBoolean()) {
            b.append('-').append(pick(r, List.of("0", "1", "2", "1ubuntu1", "1+deb11u1", "1~bpo1", "0+deb12u2",
                    "1.1", "a", "10")));
        }
        return b.toString();
    }

    private static final List<String> RPM_SEGMENTS = List.of("1", "2", "0", "01", "10", "a", "rc1", "el8", "el8_10",
            "git1", "b", "alma");

    private static String rpm(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(6) == 0) {
            b.append(pick(r, List.of("0", "1", "2"))).append(':');
        }
        b.append(pick(r, NUMS));
        int parts = r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            b.append(pick(r, List.of(".", ".", "_", "+", "~", "^", ""))).append(pick(r, RPM_SEGMENTS));
        }
        if (r.nextInt(3) > 0) {
            b.append('-').append(pick(r, List.of("1", "2", "1.el8", "1.el8_10", "2.el9", "1.el8.alma", "0", "1~rc1",
                    "1^1", "10")));
        }
        return b.toString();
    }

    private static String alpm(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(6) == 0) {
            b.append(pick(r, List.of("0", "1", "2"))).append(':');
        }
        b.append(pick(r, NUMS));
        int parts = r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            b.append(pick(r, List.of(".", ".", "_", "+", ""))).append(pick(r, RPM_SEGMENTS));
        }
        return b.append('-').append(pick(r, List.of("1", "2", "1.1", "10"))).toString();
    }

    private static final List<String> APK_SUFFIXES = List.of("_alpha", "_beta", "_pre", "_rc", "_cvs", "_svn", "_git",
            "_hg", "_p");

    private static String apk(Random r) {
        StringBuilder b = new StringBuilder(pick(r, List.of("0", "1", "2", "10")));
        int parts = r.nextInt(3);
        for (int i = 0; i < parts; i++) {
            b.append('.').append(pick(r, NUMS));
        }
        if (r.nextInt(5) == 0) {
            b.append(pick(r, List.of("a", "b", "z")));
        }
        int suffixes = r.nextInt(3) == 0 ? r.nextInt(3) : 0;
        for (int i = 0; i < suffixes; i++) {
            b.append(pick(r, APK_SUFFIXES));
            if (r.nextBoolean()) {
                b.append(pick(r, List.of("1", "2", "10")));
            }
        }
        if (r.nextInt(8) == 0) {
            b.append('~').append(pick(r, List.of("abc", "1234", "ab")));
        }
        if (r.nextBoolean()) {
            b.append("-r").append(pick(r, List.of("0", "1", "2", "10")));
        }
        return b.toString();
    }

    private static String openssl(Random r) {
        StringBuilder b = new StringBuilder(pick(r, List.of("0.9.8", "1.0.2", "1.1.1", "3.0", "3.0.0", "3.0.1",
                "3.1.0")));
        if (r.nextBoolean()) {
            b.append(pick(r, List.of("a", "b", "y", "z", "za", "zb", "zz")));
        }
        if (r.nextInt(5) == 0) {
            b.append('-').append(pick(r, List.of("alpha1", "alpha2", "beta1", "pre1", "rc1", "dev")));
        }
        return b.toString();
    }

    private static String generic(Random r) {
        StringBuilder b = new StringBuilder(r.nextInt(10) == 0 ? "v" : "");
        b.append(pick(r, NUMS));
        int parts = r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            String piece = pick(r, List.of("0", "1", "2", "10", "rc", "rc1", "alpha", "beta2", "dev", "p1", "post",
                    "RC2", "pre"));
            boolean boundary = Character.isDigit(b.charAt(b.length() - 1)) != Character.isDigit(piece.charAt(0));
            b.append(pick(r, boundary ? List.of(".", "-", "_", "+", "") : List.of(".", "-", "_", "+"))).append(piece);
        }
        return b.toString();
    }

    private static String gentoo(Random r) {
        StringBuilder b = new StringBuilder(pick(r, List.of("0", "1", "2", "10")));
        int parts = r.nextInt(3);
        for (int i = 0; i < parts; i++) {
            b.append('.').append(pick(r, List.of("0", "1", "2", "10", "01", "010", "001")));
        }
        if (r.nextInt(5) == 0) {
            b.append(pick(r, List.of("a", "b", "z")));
        }
        int suffixes = r.nextInt(3) == 0 ? r.nextInt(3) : 0;
        for (int i = 0; i < suffixes; i++) {
            b.append(pick(r, List.of("_alpha", "_beta", "_pre", "_rc", "_p")));
            if (r.nextBoolean()) {
                b.append(pick(r, List.of("0", "1", "2", "10")));
            }
        }
        if (r.nextBoolean()) {
            b.append("-r").append(pick(r, List.of("0", "1", "2", "10")));
        }
        return b.toString();
    }

    private static String conan(Random r) {
        StringBuilder b = new StringBuilder(pick(r, List.of("0", "1", "2", "10")));
        int parts = r.nextInt(3);
        for (int i = 0; i < parts; i++) {
            b.append('.').append(pick(r, List.of("0", "1", "2", "10", "01")));
        }
        if (r.nextInt(4) == 0) {
            b.append('-').append(pick(r, List.of("alpha", "alpha.1", "alpha.2", "beta", "beta.10", "rc1", "pre.0",
                    "1", "2")));
        }
        if (r.nextInt(5) == 0) {
            b.append('+').append(pick(r, List.of("b1", "b2", "1", "b.1")));
        }
        return b.toString();
    }
}
