package dev.mamori.sbom.diff;

import java.util.List;

/**
 * One component present in both SBOMs that changed.
 *
 * @param name          {@code group/name} or {@code name} (the new side's)
 * @param key           the match key: purl without version (and without qualifiers other than distro and arch),
 *                      else {@code name+supplier} / {@code name+group} text
 * @param matchedBy     {@code purl}, {@code name+supplier} or {@code name+group}
 * @param oldVersion    the old version, or null
 * @param newVersion    the new version, or null
 * @param direction     how the version moved, by the component's version scheme
 * @param bump          the size of the move for schemes with major.minor.patch, else null
 * @param scheme        the version scheme used ({@code maven}, {@code npm}…)
 * @param oldLicences   licences before (only filled when they changed)
 * @param newLicences   licences after (only filled when they changed)
 * @param hashesChanged hash algorithms present on both sides whose values differ
 * @param oldSupplier   supplier before (only filled when it changed)
 * @param newSupplier   supplier after (only filled when it changed)
 */
public record ComponentChange(String name, String key, String matchedBy, String oldVersion, String newVersion,
                              Direction direction, Bump bump, String scheme, List<String> oldLicences,
                              List<String> newLicences, List<String> hashesChanged, String oldSupplier,
                              String newSupplier) {

    /** How a version moved. */
    public enum Direction {
        UPGRADE, DOWNGRADE,
        /** Versions differ in text but are equal in the scheme's order ({@code 1.0} vs {@code 1.0.0} in maven). */
        EQUIVALENT,
        /** The versions could not be compared (invalid in the scheme, or one side has none). */
        UNKNOWN,
        /** The version did not change (something else did). */
        SAME;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The size of a version move. */
    public enum Bump {
        MAJOR, MINOR, PATCH,
        /** Same major.minor.patch, different pre-release, build or fourth segment. */
        OTHER;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ComponentChange {
        oldLicences = List.copyOf(oldLicences);
        newLicences = List.copyOf(newLicences);
        hashesChanged = List.copyOf(hashesChanged);
    }

    public boolean versionChanged() {
        return direction != Direction.SAME;
    }

    public boolean licenceChanged() {
        return !oldLicences.equals(newLicences);
    }

    public boolean hashChanged() {
        return !hashesChanged.isEmpty();
    }

    public boolean supplierChanged() {
        return !java.util.Objects.equals(oldSupplier, newSupplier);
    }
}
