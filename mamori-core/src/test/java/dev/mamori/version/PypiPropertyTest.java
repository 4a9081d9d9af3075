package dev.mamori.version;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PEP 440 order laws and specifier/compare consistency on seeded random versions; order laws on a mix of PEP 440 and
 * legacy (non-PEP 440) versions.
 */
final class PypiPropertyTest {
    private static final String[] PRE = {"a", "alpha", "b", "beta", "c", "rc", "pre", "preview", "RC", "A"};
    private static final String[] SEP = {"", ".", "-", "_"};
    private final VersionScheme pypi = VersionSchemes.forName("pypi");

    static String version(Random r, boolean allowLocal) {
        StringBuilder s = new StringBuilder();
        if (r.nextInt(20) == 0) {
            s.append('v');
        }
        if (r.nextInt(10) == 0) {
            s.append(r.nextInt(3)).append('!');
        }
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ".").append(new int[] {0, 0, 1, 2, 10}[r.nextInt(5)]);
        }
        if (r.nextInt(3) == 0) {
            s.append(SEP[r.nextInt(SEP.length)]).append(PRE[r.nextInt(PRE.length)]);
            if (r.nextBoolean()) {
                s.append(r.nextInt(3));
            }
        }
        if (r.nextInt(4) == 0) {
            if (r.nextInt(4) == 0) {
                s.append('-').append(r.nextInt(3));
            } else {
                s.append(SEP[r.nextInt(SEP.length)]).append(new String[] {"post", "r", "rev", "POST"}[r.nextInt(4)])
                        .append(r.nextInt(3));
            }
        }
        if (r.nextInt(4) == 0) {
            s.append(SEP[r.nextInt(SEP.length)]).append("dev").append(r.nextInt(3));
        }
        if (allowLocal && r.nextInt(6) == 0) {
            s.append('+').append(new String[] {"ubuntu.1", "ubuntu.2", "abc", "1", "1.0", "a-1"}[r.nextInt(6)]);
        }
        return s.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 440})
    void compare_randomVersions_isTotalPreorder(long seed) {
        LangPropertyChecks.assertOrderLaws(pypi, r -> version(r, true), seed);
    }

    /** Legacy text from the tokens packaging 21.3's legacy key treats specially, mixed with PEP 440 versions. */
    static String mixedVersion(Random r) {
        if (r.nextInt(3) == 0) {
            return version(r, true);
        }
        String[] tokens = {"0", "00", "1", "2", "10", "123456789", ".", "-", "a", "b", "c", "rc", "pre", "preview",
            "dev", "final", "x", "X", "p", "_", "+", "@", "*", "\u0661", "\u00e9", "\ud83d\ude00", "\uff21", " "};
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(7);
        for (int i = 0; i < n; i++) {
            s.append(tokens[r.nextInt(tokens.length)]);
        }
        return s.toString().isBlank() ? "x" + s : s.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 440})
    void compare_randomLegacyAndPep440Versions_isTotalPreorder(long seed) {
        LangPropertyChecks.assertOrderLaws(pypi, PypiPropertyTest::mixedVersion, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 440})
    void parseRange_randomBounds_agreesWithCompare(long seed) {
        Random r = new Random(seed);
        LangPropertyChecks.RangeChecks checks = new LangPropertyChecks.RangeChecks(pypi);
        for (int i = 0; i < 1500; i++) {
            String v = version(r, true);
            String b = version(r, false);
            PypiVersion pv = PypiVersion.parse(v);
            PypiVersion pb = PypiVersion.parse(b);
            int pub = Integer.signum(pv.publicVersion().compareTo(pb));
            int full = pypi.compare(v, b);
            boolean sameBase = pv.compareBase(pb) == 0;
            checks.expect(">=" + b, v, pub >= 0);
            checks.expect("<=" + b, v, pub <= 0);
            checks.expect("==" + b, v, pub == 0);
            checks.expect("!=" + b, v, pub != 0);
            checks.expect("<" + b, v, full < 0 && (pb.isPrerelease() || !pv.isPrerelease() || !sameBase));
            checks.expect(">" + b, v, full > 0 && (pb.isPostrelease() || !pv.isPostrelease() || !sameBase)
                    && (!pv.hasLocal() || !sameBase));
            if (pb.release.length >= 2) {
                checks.implies("~=" + b, v, pub >= 0);
            }
            checks.expect(">=" + b + ",<=" + b, v, pub == 0);
        }
        checks.assertNone(seed);
    }
}
