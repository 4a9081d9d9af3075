package dev.mamori.version;

/**
 * The schemes whose versions are semantic versions and whose native ranges use npm's grammar:
 * {@code npm} (node-semver order, limits and prerelease rule), {@code semver} (SemVer 2.0.0) and
 * {@code golang} (Go module versions, pseudo-versions ordering as the prereleases they are).
 */
final class SemverFamilyScheme implements VersionScheme {
    static final SemverFamilyScheme NPM = new SemverFamilyScheme("npm", SemverDialect.NPM);
    static final SemverFamilyScheme SEMVER = new SemverFamilyScheme("semver", SemverDialect.SEMVER);
    static final SemverFamilyScheme GOLANG = new SemverFamilyScheme("golang", SemverDialect.GO);

    private final String name;
    private final SemverDialect dialect;

    private SemverFamilyScheme(String name, SemverDialect dialect) {
        this.name = name;
        this.dialect = dialect;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(dialect.compare(dialect.parse(a), dialect.parse(b)));
    }

    @Override
    public void validate(String version) {
        dialect.parse(version);
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        return NpmRangeParser.parse(nativeRange, dialect);
    }

    @Override
    public String toString() {
        return name;
    }
}
