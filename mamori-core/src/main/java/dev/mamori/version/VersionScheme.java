package dev.mamori.version;

import java.util.Comparator;

/**
 * The version order of one ecosystem (maven, npm, pypi, deb, …).
 *
 * <p>Versions are never compared as plain strings where an ecosystem defines an order: every comparison goes
 * through the scheme of the package's ecosystem.
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

    default Comparator<String> comparator() {
        return this::compare;
    }
}
