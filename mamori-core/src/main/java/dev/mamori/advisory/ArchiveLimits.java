package dev.mamori.advisory;

/**
 * Limits that protect archive reading from zip bombs. An archive that exceeds any of them is refused.
 *
 * @param maxEntries    the most entries an archive may have
 * @param maxEntryBytes the most bytes one entry may decompress to
 * @param maxTotalBytes the most bytes all entries together may decompress to
 * @param maxRatio      the highest decompressed/compressed ratio for an entry larger than {@link #RATIO_THRESHOLD}
 */
public record ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio) {
    /** Entries smaller than this are not ratio-checked: tiny files compress absurdly well and are harmless. */
    public static final long RATIO_THRESHOLD = 1 << 20;

    /**
     * Generous for OSV's published archives (the biggest per-ecosystem {@code all.zip} has a few hundred thousand
     * records of a few KB each; the largest single records are a few MB), tight against bombs.
     */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(2_000_000, 256L << 20, 32L << 30, 100);
}
