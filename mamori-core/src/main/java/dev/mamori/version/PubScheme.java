package dev.mamori.version;

/** pub (Dart): {@code pub_semver} order and constraint syntax (see {@link PubVersion}, {@link PubConstraint}). */
final class PubScheme implements VersionScheme {
    static final PubScheme INSTANCE = new PubScheme();

    private PubScheme() {}

    @Override
    public String name() {
        return "pub";
    }

    @Override
    public int compare(String a, String b) {
        return PubVersion.parse(a).compareTo(PubVersion.parse(b));
    }

    @Override
    public void validate(String version) {
        PubVersion.parse(version);
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        return PubConstraint.parse(nativeRange);
    }
}
