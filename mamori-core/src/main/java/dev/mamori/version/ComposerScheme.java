package dev.mamori.version;

/**
 * Packagist/Composer: {@code version_compare} order (see {@link ComposerVersion}) and Composer constraints
 * (see {@link ComposerConstraint}) as native ranges.
 */
final class ComposerScheme implements VersionScheme {
    static final ComposerScheme INSTANCE = new ComposerScheme();

    private ComposerScheme() {}

    @Override
    public String name() {
        return "composer";
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(ComposerVersion.parse(a).compareTo(ComposerVersion.parse(b)));
    }

    @Override
    public void validate(String version) {
        ComposerVersion.parse(version);
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        return ComposerConstraint.parse(nativeRange);
    }
}
