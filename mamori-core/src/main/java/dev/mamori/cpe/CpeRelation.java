package dev.mamori.cpe;

/**
 * The result of comparing a source to a target, for one attribute or a whole name (NISTIR 7696 §5, §6).
 * SUPERSET: the source names a superset of the target (the source matches the target).
 */
public enum CpeRelation {
    EQUAL, SUPERSET, SUBSET, DISJOINT,
    /** The target has wildcards, or (for names) the attribute results mix SUPERSET and SUBSET. */
    UNDEFINED
}
