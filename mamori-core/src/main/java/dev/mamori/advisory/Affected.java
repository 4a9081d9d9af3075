package dev.mamori.advisory;

import dev.mamori.purl.PackageKey;
import java.util.List;

/**
 * The versions of one package that an advisory says are affected.
 *
 * @param packageKey        the package, or null when its ecosystem is unknown to Mamori
 * @param osvEcosystem      the ecosystem as the source wrote it (e.g. {@code Debian:12}), which carries the release
 * @param ranges            version ranges
 * @param versions          versions listed explicitly as affected
 * @param location          where in the source record this entry is (a JSON pointer)
 * @param purl              the package URL the source gave (OSV {@code package.purl}), or null
 * @param severities        severities given for this package only (OSV {@code affected[].severity})
 * @param ecosystemSpecific OSV {@code ecosystem_specific} as JSON text, or null
 * @param databaseSpecific  OSV {@code database_specific} as JSON text, or null
 */
public record Affected(PackageKey packageKey, String osvEcosystem, String packageName, List<AffectedRange> ranges,
                       List<String> versions, String location, String purl, List<Severity> severities,
                       String ecosystemSpecific, String databaseSpecific) {

    public Affected {
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
        severities = List.copyOf(severities);
    }

    public Affected(PackageKey packageKey, String osvEcosystem, String packageName, List<AffectedRange> ranges,
                    List<String> versions, String location) {
        this(packageKey, osvEcosystem, packageName, ranges, versions, location, null, List.of(), null, null);
    }

    /** The release part of the ecosystem ({@code 12} of {@code Debian:12}, {@code v3.18} of {@code Alpine:v3.18}), or null. */
    public String ecosystemRelease() {
        if (osvEcosystem == null) {
            return null;
        }
        int colon = osvEcosystem.indexOf(':');
        return colon < 0 ? null : osvEcosystem.substring(colon + 1);
    }
}
