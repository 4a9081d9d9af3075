package dev.mamori.match;

/** How sure a match is, from the identifier that made it. */
public enum Confidence {
    /** A CPE or a bare name matched: the product may be a different one of the same name. */
    LOW,
    /** The package matched exactly, but something needed for certainty was missing (e.g. the distro release). */
    MEDIUM,
    /** The package URL matched the advisory's package, in the right ecosystem (and distro release). */
    HIGH
}
