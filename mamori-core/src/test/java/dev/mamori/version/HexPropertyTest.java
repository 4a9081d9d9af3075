package dev.mamori.version;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Elixir Version order laws and requirement/compare consistency on seeded random versions. */
final class HexPropertyTest {
    private static final String[] IDS = {"alpha", "beta", "rc", "0", "1", "2", "11", "a-b", "RC"};
    private final VersionScheme hex = VersionSchemes.forName("hex");

    static String version(Random r) {
        StringBuilder s = new StringBuilder().append(r.nextInt(3)).append('.').append(r.nextInt(3)).append('.')
                .append(new int[] {0, 1, 2, 10}[r.nextInt(4)]);
        if (r.nextInt(3) == 0) {
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                s.append(i == 0 ? '-' : '.').append(IDS[r.nextInt(IDS.length)]);
            }
        }
        if (r.nextInt(6) == 0) {
            s.append("+build.").append(r.nextInt(3));
        }
        return s.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1414})
    void compare_randomVersions_isTotalPreorder(long seed) {
        LangPropertyChecks.assertOrderLaws(hex, HexPropertyTest::version, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1414})
    void parseRange_randomBounds_agreesWithCompare(long seed) {
        Random r = new Random(seed);
        LangPropertyChecks.RangeChecks checks = new LangPropertyChecks.RangeChecks(hex);
        for (int i = 0; i < 1500; i++) {
            String v = version(r);
            String b = version(r);
            int c = hex.compare(v, b);
            checks.expect("== " + b, v, c == 0);
            checks.expect("!= " + b, v, c != 0);
            checks.expect("> " + b, v, c > 0);
            checks.expect("< " + b, v, c < 0);
            checks.expect(">= " + b, v, c >= 0);
            checks.expect("<= " + b, v, c <= 0);
            checks.expect(">= " + b + " and <= " + b, v, c == 0);
            checks.expect("< " + b + " or > " + b, v, c != 0);
            HexVersion hb = HexVersion.parse(b);
            String upper = hb.major + "." + DecimalText.increment(hb.minor) + ".0-0";
            checks.expect("~> " + b, v, c >= 0 && hex.compare(v, upper) < 0);
        }
        checks.assertNone(seed);
    }
}
