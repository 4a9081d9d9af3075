package dev.mamori.version;

/** RubyGems: {@code Gem::Version} order and {@code Gem::Requirement} syntax ({@code ~> 2.1}, {@code >= 1.0, < 2}). */
final class GemScheme implements VersionScheme {
    static final GemScheme INSTANCE = new GemScheme();

    private GemScheme() {}

    @Override
    public String name() {
        return "gem";
    }

    @Override
    public int compare(String a, String b) {
        return GemVersion.parse(a).compareTo(GemVersion.parse(b));
    }

    @Override
    public void validate(String version) {
        GemVersion.parse(version);
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        return GemRequirement.parse(nativeRange);
    }
}
