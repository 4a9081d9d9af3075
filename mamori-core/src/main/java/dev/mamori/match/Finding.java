package dev.mamori.match;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.SeverityLevel;
import dev.mamori.sbom.Component;
import java.util.List;

/**
 * A component that an advisory affects, with the evidence for it.
 *
 * @param installedVersion the component's version that was compared
 * @param evidence         how the match was made: the identifier used and the range or list that matched
 * @param fixedVersions    versions that fix it, nearest first (empty when no fix is known)
 */
public record Finding(Component component, String installedVersion, Advisory advisory, Evidence evidence,
                      List<String> fixedVersions) {

    public Finding {
        fixedVersions = List.copyOf(fixedVersions);
    }

    /** Why a component was matched to an advisory. */
    public record Evidence(String identifier, String matchedBy, String advisoryLocation) {}

    public SeverityLevel severity() {
        return advisory.severityLevel();
    }

    /** The nearest fixed version above the installed one, or null. */
    public String nearestFix() {
        return fixedVersions.isEmpty() ? null : fixedVersions.getFirst();
    }
}
