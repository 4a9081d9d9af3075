package dev.mamori.version;

/** A set of versions of one scheme, as a range expression describes it. */
public interface VersionRange {
    /**
     * Whether the version is in the range.
     *
     * @throws VersionException when the version is not valid in the range's scheme
     */
    boolean contains(String version);

    /** The range as it was written. */
    @Override
    String toString();
}
