package dev.mamori.version;

import java.util.List;

/**
 * A range as npm and Cargo-like grammars compile it: a union ({@code ||}) of comparator sets, each an
 * intersection of primitive comparators; optionally with node-semver's prerelease rule.
 */
record ComparatorRange(SemverDialect dialect, List<List<Comparator>> sets, String text) implements VersionRange {

    ComparatorRange {
        sets = sets.stream().map(List::copyOf).toList();
    }

    enum Op {
        ANY(""), EQ("="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    /** One primitive comparator; {@code version} is null for {@link Op#ANY}. */
    record Comparator(Op op, SemVer version) {
        static final Comparator ANY = new Comparator(Op.ANY, null);

        boolean test(SemVer v, SemverDialect d) {
            if (op == Op.ANY) {
                return true;
            }
            int c = d.compare(v, version);
            return switch (op) {
                case EQ -> c == 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                case ANY -> true;
            };
        }

        boolean isNullSet() {
            return op == Op.LT && version.format().equals("0.0.0-0");
        }

        @Override
        public String toString() {
            return op == Op.ANY ? "*" : op.symbol + version.format();
        }
    }

    @Override
    public boolean contains(String version) {
        return contains(dialect.parse(version));
    }

    boolean contains(SemVer v) {
        for (List<Comparator> set : sets) {
            if (testSet(set, v)) {
                return true;
            }
        }
        return false;
    }

    private boolean testSet(List<Comparator> set, SemVer v) {
        for (Comparator c : set) {
            if (!c.test(v, dialect)) {
                return false;
            }
        }
        if (!v.isPrerelease() || !dialect.prereleaseRule()) {
            return true;
        }
        for (Comparator c : set) {
            if (c.op() != Op.ANY && c.version().isPrerelease() && c.version().sameRelease(v)) {
                return true;
            }
        }
        return false;
    }

    /** The compiled form, e.g. {@code >=1.2.3 <2.0.0-0 || =3.0.0}. */
    String compiled() {
        StringBuilder b = new StringBuilder();
        for (List<Comparator> set : sets) {
            if (!b.isEmpty()) {
                b.append(" || ");
            }
            for (int i = 0; i < set.size(); i++) {
                b.append(i == 0 ? "" : " ").append(set.get(i));
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
