package dev.mamori.match;

import dev.mamori.sbom.Component;
import java.util.List;

/**
 * The smallest upgrade of one component that fixes all its known vulnerabilities.
 *
 * @param target  the version to upgrade to, or null when no single known version fixes them all
 * @param bump    how big that upgrade is (patch / minor / major)
 * @param fixes   vulnerabilities the target fixes
 * @param remains vulnerabilities the target does not fix (no fix known, or still in range)
 */
public record UpgradeAdvice(Component component, String installedVersion, String target, VersionBump bump,
                            List<String> fixes, List<String> remains) {
    public UpgradeAdvice {
        fixes = List.copyOf(fixes);
        remains = List.copyOf(remains);
    }
}
