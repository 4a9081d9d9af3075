package dev.mamori.version;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The vers {@code lexicographic} scheme: versions ordered by their UTF-8 bytes, for ecosystems whose only order is
 * the string itself. This is the one scheme where string comparison <em>is</em> the defined order.
 */
final class LexicographicScheme implements VersionScheme {
    static final LexicographicScheme INSTANCE = new LexicographicScheme();

    private LexicographicScheme() {}

    @Override
    public String name() {
        return "lexicographic";
    }

    @Override
    public void validate(String version) {
        if (version == null || version.isEmpty()) {
            throw new VersionException("empty version");
        }
    }

    @Override
    public int compare(String a, String b) {
        validate(a);
        validate(b);
        return Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        return ComparatorRanges.parse(this, nativeRange);
    }
}
