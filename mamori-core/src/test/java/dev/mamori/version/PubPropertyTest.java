package dev.mamori.version;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** pub_semver order laws and constraint/compare consistency on seeded random versions. */
final class PubPropertyTest {
    private static final String[] IDS = {"alpha", "beta", "rc", "0", "1", "2", "11", "a-b", "RC", "dev"};
    private final VersionScheme pub = VersionSchemes.forName("pub");

    static String version(Random r) {
        StringBuilder s = new StringBuilder().append(r.nextInt(3)).append('.').append(r.nextInt(3)).append('.')
                .append(new int[] {0, 1, 2, 10}[r.nextInt(4)]);
        if (r.nextInt(3) == 0) {
            appendIds(r, s, '-');
        }
        if (r.nextInt(4) == 0) {
            appendIds(r, s, '+');
        }
        return s.toString();
    }

    private static void appendIds(Random r, StringBuilder s, char lead) {
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? lead : '.').append(IDS[r.nextInt(IDS.length)]);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1414})
    void compare_randomVersions_isTotalPreorder(long seed) {
        LangPropertyChecks.assertOrderLaws(pub, PubPropertyTest::version, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1414})
    void parseRange_randomBounds_agreesWithCompare(long seed) {
        Random r = new Random(seed);
        LangPropertyChecks.RangeChecks checks = new LangPropertyChecks.RangeChecks(pub);
        for (int i = 0; i < 1500; i++) {
            String v = version(r);
            String b = version(r);
            int c = pub.compare(v, b);
            PubVersion pb = PubVersion.parse(b);
            // "<B" on a plain release B means "<B-0": B's pre-releases are excluded
            boolean plain = !pb.isPrerelease() && pb.build.length == 0;
            int cMax = plain ? pub.compare(v, pb.firstPrerelease().toString()) : c;
            checks.expect(b, v, c == 0);
            checks.expect(">" + b, v, c > 0);
            checks.expect(">=" + b, v, c >= 0);
            checks.expect("<=" + b, v, c <= 0);
            checks.expect("<" + b, v, cMax < 0);
            checks.expect(">=" + b + " <=" + b, v, c == 0);
            checks.implies("^" + b, v, c >= 0);
        }
        checks.assertNone(seed);
    }
}
