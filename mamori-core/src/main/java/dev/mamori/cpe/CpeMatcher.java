package dev.mamori.cpe;

/**
 * CPE name matching, NISTIR 7696: attribute comparison (§6.1, Table 6-2) and name comparison (§6.2).
 * Matching is case-insensitive; wildcards are honoured in the source only (a target with wildcards is UNDEFINED).
 */
public final class CpeMatcher {
    private CpeMatcher() {}

    /** Compares one source attribute value to a target value (Table 6-2). */
    public static CpeRelation compare(CpeValue source, CpeValue target) {
        if (target.isValue() && target.hasWildcards()) {
            return CpeRelation.UNDEFINED;
        }
        if (source.kind() == target.kind() && !source.isValue()) {
            return CpeRelation.EQUAL;
        }
        if (source.isValue() && target.isValue() && !source.hasWildcards() && source.core().equals(target.core())) {
            return CpeRelation.EQUAL;
        }
        if (source.isAny()) {
            return CpeRelation.SUPERSET;
        }
        if (target.isAny()) {
            return CpeRelation.SUBSET;
        }
        if (source.isNa() || target.isNa()) {
            return CpeRelation.DISJOINT;
        }
        return compareStrings(source, target);
    }

    /**
     * A source value string against a wildcard-free target: SUPERSET when the target text is the source's core
     * preceded by what the leading wildcard allows ('*': anything; n × '?': at most n characters) and followed by
     * what the trailing one allows; DISJOINT otherwise. This is the compare_strings procedure of NISTIR 7696.
     */
    private static CpeRelation compareStrings(CpeValue source, CpeValue target) {
        String core = source.core();
        String t = target.core();
        int begins = source.begins();
        int ends = source.ends();
        int maxStart = t.length() - core.length();
        for (int p = t.indexOf(core); p >= 0 && p <= maxStart; p = t.indexOf(core, p + 1)) {
            if (begins != -1 && p > begins) {
                break;
            }
            int after = t.length() - p - core.length();
            if (ends == -1 || after <= ends) {
                return CpeRelation.SUPERSET;
            }
        }
        return CpeRelation.DISJOINT;
    }

    /** The per-attribute results in WFN attribute order (part … other). */
    public static CpeRelation[] compareAttributes(Cpe source, Cpe target) {
        CpeValue[] s = source.values();
        CpeValue[] t = target.values();
        CpeRelation[] out = new CpeRelation[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = compare(s[i], t[i]);
        }
        return out;
    }

    /**
     * The name comparison (§6.2): DISJOINT if any attribute is DISJOINT; EQUAL if all are EQUAL; SUPERSET if all are
     * SUPERSET or EQUAL; SUBSET if all are SUBSET or EQUAL; UNDEFINED otherwise.
     */
    public static CpeRelation compare(Cpe source, Cpe target) {
        boolean allEqual = true;
        boolean superset = true;
        boolean subset = true;
        boolean undefined = false;
        for (CpeRelation r : compareAttributes(source, target)) {
            switch (r) {
                case DISJOINT -> {
                    return CpeRelation.DISJOINT;
                }
                case EQUAL -> { }
                case SUPERSET -> {
                    allEqual = false;
                    subset = false;
                }
                case SUBSET -> {
                    allEqual = false;
                    superset = false;
                }
                case UNDEFINED -> undefined = true;
            }
        }
        if (undefined) {
            return CpeRelation.UNDEFINED;
        }
        if (allEqual) {
            return CpeRelation.EQUAL;
        }
        if (superset) {
            return CpeRelation.SUPERSET;
        }
        return subset ? CpeRelation.SUBSET : CpeRelation.UNDEFINED;
    }

    /** True when the source matches the target: the name comparison is SUPERSET or EQUAL (CPE_SUPERSET ∪ CPE_EQUAL). */
    public static boolean matches(Cpe source, Cpe target) {
        return covers(source.part(), target.part()) && covers(source.vendor(), target.vendor())
                && covers(source.product(), target.product()) && covers(source.version(), target.version())
                && covers(source.update(), target.update()) && covers(source.edition(), target.edition())
                && covers(source.language(), target.language()) && covers(source.swEdition(), target.swEdition())
                && covers(source.targetSw(), target.targetSw()) && covers(source.targetHw(), target.targetHw())
                && covers(source.other(), target.other());
    }

    private static boolean covers(CpeValue source, CpeValue target) {
        CpeRelation r = compare(source, target);
        return r == CpeRelation.EQUAL || r == CpeRelation.SUPERSET;
    }
}
