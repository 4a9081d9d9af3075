package dev.mamori.version;

import java.util.Comparator;

/**
 * The version order and range syntax of one ecosystem (maven, npm, pypi, deb, …).
 *
 * <p>Versions are never compared as plain strings where an ecosystem defines an order: every comparison goes
 * through the scheme of the package's ecosystem. Implementations are immutable and thread-safe.
 */
public interface VersionScheme {
    /** The scheme's name: the purl type it serves (plus {@code openssl}, {@code semver}, {@code generic}). */
    String name();

    /**
     * Compares two versions of this scheme: negative, zero or positive.
     *
     * @throws VersionException when either version is not valid in this scheme
     */
    int compare(String a, String b);

    /** Checks a version: returns normally when valid, throws {@link VersionException} saying why otherwise. */
    void validate(String version);

    /**
     * Parses a range in the ecosystem's native syntax (Maven {@code [1.0,2.0)}, npm {@code ^1.2 || >=3},
     * PEP 440 {@code ~=1.4,!=1.4.2}, RubyGems {@code ~> 2.1}, …).
     *
     * @throws VersionException when the range is not valid in this scheme
     */
    VersionRange parseRange(String nativeRange);

    default Comparator<String> comparator() {
        return this::compare;
    }
}
