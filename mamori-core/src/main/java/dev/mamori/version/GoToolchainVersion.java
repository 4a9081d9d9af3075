package dev.mamori.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go release tags as SemVer, the form the Go vulnerability database (and so OSV) uses for the {@code stdlib} and
 * {@code toolchain} packages: {@code go1.20.4} → {@code 1.20.4}, {@code go1.21} → {@code 1.21.0} (a minor release's
 * first tag has no patch number), {@code go1.21rc2} → {@code 1.21.0-rc.2}, {@code go1.19beta1} →
 * {@code 1.19.0-beta.1}. SBOM tools write the standard library's version either way ({@code go1.20.4},
 * {@code 1.20.4}, {@code v1.20.4}).
 */
public final class GoToolchainVersion {
    private static final Pattern TAG = Pattern.compile("(?:go|v)?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:(beta|rc)(\\d+))?");

    private GoToolchainVersion() {}

    /** The SemVer form of a Go release tag, or the text unchanged when it is not one. */
    public static String toSemver(String tag) {
        Matcher m = TAG.matcher(tag.strip());
        if (!m.matches()) {
            return tag;
        }
        StringBuilder b = new StringBuilder().append(m.group(1)).append('.').append(m.group(2)).append('.')
                .append(m.group(3) == null ? "0" : m.group(3));
        if (m.group(4) != null) {
            b.append('-').append(m.group(4)).append('.').append(m.group(5));
        }
        return b.toString();
    }

    /** True for the Go vulnerability database's pseudo-modules of the Go distribution itself. */
    public static boolean isToolchainPackage(String name) {
        return "stdlib".equals(name) || "toolchain".equals(name);
    }
}
