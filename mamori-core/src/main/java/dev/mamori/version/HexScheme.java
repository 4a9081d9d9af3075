package dev.mamori.version;

/** Hex: Elixir {@code Version} order (SemVer 2.0) and requirement syntax (see {@link HexRequirement}). */
final class HexScheme implements VersionScheme {
    static final HexScheme INSTANCE = new HexScheme();

    private HexScheme() {}

    @Override
    public String name() {
        return "hex";
    }

    @Override
    public int compare(String a, String b) {
        return HexVersion.parse(a).compareTo(HexVersion.parse(b));
    }

    @Override
    public void validate(String version) {
        HexVersion.parse(version);
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        return HexRequirement.parse(nativeRange);
    }
}
