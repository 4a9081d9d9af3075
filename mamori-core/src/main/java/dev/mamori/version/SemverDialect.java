package dev.mamori.version;

/**
 * The semver-shaped version dialects that share npm's range grammar: how a version is read, how two versions
 * order, and whether node-semver's prerelease rule applies to ranges.
 */
enum SemverDialect {
    /** node-semver: optional {@code v}, surrounding whitespace trimmed, numbers up to 2^53-1. */
    NPM("npm", SemVer.Syntax.NPM, true),
    /** SemVer 2.0.0, tolerating a leading {@code v}; numbers of any size. */
    SEMVER("semver", SemVer.Syntax.STRICT_V, false),
    /** Go module versions: {@code v} optional (OSV omits it), {@code v1} and {@code v1.2} shorthands. */
    GO("golang", SemVer.Syntax.GO, false);

    private final String label;
    private final SemVer.Syntax syntax;
    private final boolean prereleaseRule;

    SemverDialect(String label, SemVer.Syntax syntax, boolean prereleaseRule) {
        this.label = label;
        this.syntax = syntax;
        this.prereleaseRule = prereleaseRule;
    }

    String label() {
        return label;
    }

    SemVer parse(String version) {
        return SemVer.parse(version, syntax, label);
    }

    int compare(SemVer a, SemVer b) {
        return this == NPM ? SemVer.compareNpm(a, b) : SemVer.compare(a, b);
    }

    /**
     * node-semver's rule: a prerelease version satisfies a comparator set only when some comparator in that set
     * names the same major.minor.patch with a prerelease of its own.
     */
    boolean prereleaseRule() {
        return prereleaseRule;
    }
}
