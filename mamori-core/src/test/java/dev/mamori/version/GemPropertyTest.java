package dev.mamori.version;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gem::Version order laws and requirement/compare consistency on seeded random versions. */
final class GemPropertyTest {
    private static final String[] WORDS = {"a", "b", "rc", "pre", "A", "z", "beta"};
    private final VersionScheme gem = VersionSchemes.forName("gem");

    static String version(Random r) {
        StringBuilder s = new StringBuilder().append(new int[] {0, 1, 2, 10}[r.nextInt(4)]);
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            s.append('.');
            if (r.nextInt(4) == 0) {
                s.append(WORDS[r.nextInt(WORDS.length)]);
                if (r.nextBoolean()) {
                    s.append(r.nextInt(3));
                }
            } else {
                s.append(new int[] {0, 0, 1, 2, 10}[r.nextInt(5)]);
            }
        }
        if (r.nextInt(8) == 0) {
            s.append('-').append(WORDS[r.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1414})
    void compare_randomVersions_isTotalPreorder(long seed) {
        LangPropertyChecks.assertOrderLaws(gem, GemPropertyTest::version, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1414})
    void parseRange_randomBounds_agreesWithCompare(long seed) {
        Random r = new Random(seed);
        LangPropertyChecks.RangeChecks checks = new LangPropertyChecks.RangeChecks(gem);
        for (int i = 0; i < 1500; i++) {
            String v = version(r);
            String b = version(r);
            int c = gem.compare(v, b);
            checks.expect("= " + b, v, c == 0);
            checks.expect("!= " + b, v, c != 0);
            checks.expect("> " + b, v, c > 0);
            checks.expect("< " + b, v, c < 0);
            checks.expect(">= " + b, v, c >= 0);
            checks.expect("<= " + b, v, c <= 0);
            checks.expect(">= " + b + ", <= " + b, v, c == 0);
            checks.implies("~> " + b, v, c >= 0);
        }
        checks.assertNone(seed);
    }
}
