package dev.mamori.cpe;

import dev.mamori.version.VersionException;
import dev.mamori.version.VersionScheme;

import java.util.Objects;

/**
 * One {@code cpeMatch} entry of an NVD configuration node (NVD CVE API 2.0): a match criteria CPE (usually with
 * wildcards or ANY version), whether matching products are vulnerable, and an optional version range.
 */
public record NvdCpeMatch(Cpe criteria, boolean vulnerable, String versionStartIncluding,
                          String versionStartExcluding, String versionEndIncluding, String versionEndExcluding,
                          String matchCriteriaId) {

    public NvdCpeMatch {
        Objects.requireNonNull(criteria, "criteria");
        if (versionStartIncluding != null && versionStartExcluding != null) {
            throw new IllegalArgumentException("cpeMatch has both versionStartIncluding and versionStartExcluding");
        }
        if (versionEndIncluding != null && versionEndExcluding != null) {
            throw new IllegalArgumentException("cpeMatch has both versionEndIncluding and versionEndExcluding");
        }
    }

    /** An entry without a version range. */
    public static NvdCpeMatch of(String criteria, boolean vulnerable) {
        return new NvdCpeMatch(Cpe.parse(criteria), vulnerable, null, null, null, null, null);
    }

    public boolean hasVersionRange() {
        return versionStartIncluding != null || versionStartExcluding != null
                || versionEndIncluding != null || versionEndExcluding != null;
    }

    /**
     * True when the platform CPE falls under this entry: the criteria matches it per NISTIR 7696 (SUPERSET or
     * EQUAL), and, when the entry has a version range, the platform has a concrete version (not ANY, NA or a
     * wildcard pattern) inside the range by the given scheme's order. A version the scheme rejects does not match.
     */
    public boolean matches(Cpe platform, VersionScheme scheme) {
        if (!CpeMatcher.matches(criteria, platform)) {
            return false;
        }
        if (!hasVersionRange()) {
            return true;
        }
        CpeValue v = platform.version();
        if (!v.isValue() || v.hasWildcards()) {
            return false;
        }
        String version = v.text();
        try {
            return (versionStartIncluding == null || scheme.compare(version, versionStartIncluding) >= 0)
                    && (versionStartExcluding == null || scheme.compare(version, versionStartExcluding) > 0)
                    && (versionEndIncluding == null || scheme.compare(version, versionEndIncluding) <= 0)
                    && (versionEndExcluding == null || scheme.compare(version, versionEndExcluding) < 0);
        } catch (VersionException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(criteria.toString());
        if (versionStartIncluding != null) {
            s.append(" >=").append(versionStartIncluding);
        }
        if (versionStartExcluding != null) {
            s.append(" >").append(versionStartExcluding);
        }
        if (versionEndIncluding != null) {
            s.append(" <=").append(versionEndIncluding);
        }
        if (versionEndExcluding != null) {
            s.append(" <").append(versionEndExcluding);
        }
        return s.append(vulnerable ? " (vulnerable)" : " (not vulnerable)").toString();
    }
}
