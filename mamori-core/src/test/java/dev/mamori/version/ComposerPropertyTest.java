package dev.mamori.version;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** version_compare order laws and Composer constraint/compare consistency on seeded random versions. */
final class ComposerPropertyTest {
    private static final String[] STABILITY = {"dev", "alpha1", "beta2", "RC1", "p1", "patch2", "alpha", "b3"};
    /** No "#": a part starting with '#' ranks equal to every number, which no order can be transitive with. */
    private static final String[] WORDS = {"dev", "alpha", "a", "beta", "b", "RC", "rc", "pl", "p", "foo", "x"};
    private static final String[] SEPARATORS = {".", "-", "_", "+", ""};
    private final VersionScheme composer = VersionSchemes.forName("composer");

    /** Anything version_compare orders: numbers and words with any separators. */
    static String anyVersion(Random r) {
        StringBuilder s = new StringBuilder();
        if (r.nextInt(10) == 0) {
            s.append(r.nextBoolean() ? 'v' : 'V');
        }
        if (r.nextInt(15) == 0) {
            s.append("dev-");
        }
        int n = 1 + r.nextInt(5);
        boolean lastDigit = false;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                String sep = SEPARATORS[r.nextInt(SEPARATORS.length)];
                s.append(sep.isEmpty() && !lastDigit ? "." : sep);
            }
            if (r.nextInt(3) == 0) {
                s.append(WORDS[r.nextInt(WORDS.length)]);
                lastDigit = false;
            } else {
                s.append(new int[] {0, 0, 1, 2, 10}[r.nextInt(5)]);
                lastDigit = true;
            }
        }
        return s.toString();
    }

    /** MAJOR.MINOR.PATCH with an optional stability suffix: forms Composer normalizes to the same order. */
    static String composerVersion(Random r) {
        String v = r.nextInt(3) + "." + r.nextInt(3) + "." + r.nextInt(3);
        return r.nextInt(3) == 0 ? v + "-" + STABILITY[r.nextInt(STABILITY.length)] : v;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 4242})
    void compare_randomVersions_isTotalPreorder(long seed) {
        LangPropertyChecks.assertOrderLaws(composer, ComposerPropertyTest::anyVersion, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 4242})
    void parseRange_randomBounds_agreesWithCompare(long seed) {
        Random r = new Random(seed);
        LangPropertyChecks.RangeChecks checks = new LangPropertyChecks.RangeChecks(composer);
        for (int i = 0; i < 1500; i++) {
            String v = composerVersion(r);
            String b = composerVersion(r);
            int c = composer.compare(v, b);
            // "<B" and ">=B" read a stable B (and, as composer-semver does, a B ending in -RC<n>) as B-dev
            boolean devSuffixed = !b.contains("-") || b.matches(".*-RC\\d*");
            int cDev = devSuffixed ? composer.compare(v, b + "-dev") : c;
            checks.expect("==" + b, v, c == 0);
            checks.expect("!=" + b, v, c != 0);
            checks.expect("<=" + b, v, c <= 0);
            checks.expect(">" + b, v, c > 0);
            checks.expect("<" + b, v, cDev < 0);
            checks.expect(">=" + b, v, cDev >= 0);
            checks.expect(">=" + b + " <=" + b, v, cDev >= 0 && c <= 0);
            checks.expect("<" + b + " || >" + b, v, cDev < 0 || c > 0);
            checks.implies("^" + b, v, cDev >= 0);
        }
        checks.assertNone(seed);
    }
}
