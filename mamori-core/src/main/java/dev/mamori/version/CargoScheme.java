package dev.mamori.version;

/**
 * Cargo (crates.io): versions are SemVer 2.0.0 (no {@code v}, major/minor/patch within 64 bits), ordered by
 * SemVer precedence with build metadata ignored; native ranges are Cargo version requirements
 * ({@link CargoRequirement}).
 */
final class CargoScheme implements VersionScheme {
    static final CargoScheme INSTANCE = new CargoScheme();

    private static final String U64_MAX = "18446744073709551615";

    private CargoScheme() {}

    @Override
    public String name() {
        return "cargo";
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(SemVer.compare(parse(a), parse(b)));
    }

    @Override
    public void validate(String version) {
        parse(version);
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        return CargoRequirement.parse(nativeRange);
    }

    static SemVer parse(String version) {
        SemVer v = SemVer.parse(version, SemVer.Syntax.STRICT, "cargo");
        checkU64(v.major(), version);
        checkU64(v.minor(), version);
        checkU64(v.patch(), version);
        return v;
    }

    static void checkU64(String digits, String text) {
        if (SemVer.compareDigits(digits, U64_MAX) > 0) {
            throw new VersionException("invalid cargo version '" + SemVer.abbreviate(text) + "': number " + digits
                    + " does not fit in 64 bits");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
