package dev.mamori.advisory;

import java.util.List;

/**
 * One version statement of an {@link AffectedProduct}, CVE 5 style: {@code version} alone, or a range from
 * {@code version} up to {@code lessThan} / {@code lessThanOrEqual}, with the ordering named by {@code versionType}.
 * Free-text statements (JVN's {@code VersionNumber}, 「v6 R4 およびそれ以前のバージョン」) keep the text in
 * {@code description} and leave {@code version} null.
 *
 * @param changes status changes inside a range (CVE 5 {@code changes}), possibly empty
 */
public record ProductVersion(String version, String status, String lessThan, String lessThanOrEqual,
                             String versionType, List<Change> changes, String description) {
    public ProductVersion {
        changes = List.copyOf(changes);
    }

    /** At {@code at} the status becomes {@code status}. */
    public record Change(String at, String status) {}
}
