package dev.mamori.advisory;

import dev.mamori.purl.PackageKey;
import java.util.List;

/**
 * The versions of one package that an advisory says are affected.
 *
 * @param packageKey    the package, or null when its ecosystem is unknown to Mamori
 * @param osvEcosystem  the ecosystem as the source wrote it (e.g. {@code Debian:12}), which carries the release
 * @param ranges        version ranges
 * @param versions      versions listed explicitly as affected
 * @param location      where in the source record this entry is (a JSON pointer)
 */
public record Affected(PackageKey packageKey, String osvEcosystem, String packageName, List<AffectedRange> ranges,
                       List<String> versions, String location) {

    public Affected {
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
    }
}
