package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Order laws checked on generated versions: a total preorder must be reflexive, antisymmetric
 * (sign(a,b) = -sign(b,a)) and transitive (for {@code <=} and for {@code =}), and sorting must not trip Java's
 * contract checks.
 */
final class LangPropertyChecks {
    private LangPropertyChecks() {}

    static void assertOrderLaws(VersionScheme scheme, Function<Random, String> generator, long seed) {
        Random rnd = new Random(seed);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            pool.add(generator.apply(rnd));
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            String a = pool.get(rnd.nextInt(pool.size()));
            String b = pool.get(rnd.nextInt(pool.size()));
            if (scheme.compare(a, a) != 0) {
                failures.add("not reflexive: " + a);
            }
            int ab = Integer.signum(scheme.compare(a, b));
            int ba = Integer.signum(scheme.compare(b, a));
            if (ab != -ba) {
                failures.add("not antisymmetric: " + a + " vs " + b + " = " + ab + ", reversed " + ba);
            }
        }
        for (int i = 0; i < 4000; i++) {
            String x = pool.get(rnd.nextInt(pool.size()));
            String y = pool.get(rnd.nextInt(pool.size()));
            String z = pool.get(rnd.nextInt(pool.size()));
            String[][] orders = {{x, y, z}, {x, z, y}, {y, x, z}, {y, z, x}, {z, x, y}, {z, y, x}};
            for (String[] o : orders) {
                int c01 = scheme.compare(o[0], o[1]);
                int c12 = scheme.compare(o[1], o[2]);
                int c02 = scheme.compare(o[0], o[2]);
                if (c01 <= 0 && c12 <= 0 && c02 > 0) {
                    failures.add("not transitive: " + o[0] + " <= " + o[1] + " <= " + o[2] + " but first > last");
                }
                if (c01 == 0 && c12 == 0 && c02 != 0) {
                    failures.add("equality not transitive: " + o[0] + " = " + o[1] + " = " + o[2]);
                }
            }
        }
        List<String> sorted = new ArrayList<>(pool);
        sorted.sort(scheme.comparator());
        for (int i = 0; i + 1 < sorted.size(); i++) {
            if (scheme.compare(sorted.get(i), sorted.get(i + 1)) > 0) {
                failures.add("sort left " + sorted.get(i) + " before " + sorted.get(i + 1));
            }
        }
        assertThat(failures).as("seed %d", seed).isEmpty();
    }

    /** Collects range/compare disagreements. */
    static final class RangeChecks {
        private final VersionScheme scheme;
        private final List<String> failures = new ArrayList<>();
        private int checks;

        RangeChecks(VersionScheme scheme) {
            this.scheme = scheme;
        }

        /** The range must contain the version exactly when {@code expected}. */
        void expect(String range, String version, boolean expected) {
            checks++;
            boolean actual = scheme.parseRange(range).contains(version);
            if (actual != expected) {
                failures.add("'" + version + "' in '" + range + "' gave " + actual);
            }
        }

        /** When the range contains the version, {@code implied} must hold. */
        void implies(String range, String version, boolean implied) {
            checks++;
            if (scheme.parseRange(range).contains(version) && !implied) {
                failures.add("'" + version + "' in '" + range + "' though compare disagrees");
            }
        }

        void assertNone(long seed) {
            assertThat(checks).isPositive();
            assertThat(failures).as("seed %d", seed).isEmpty();
        }
    }
}
