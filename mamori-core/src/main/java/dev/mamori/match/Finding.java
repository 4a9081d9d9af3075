package dev.mamori.match;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.SeverityLevel;
import dev.mamori.sbom.Component;
import java.util.List;

/**
 * One vulnerability in one component, however many sources reported it, with the evidence for it.
 *
 * @param installedVersion the component's version that was compared
 * @param vulnerabilityId  the vulnerability's canonical id (its CVE when it has one)
 * @param aliases          every other id of the vulnerability (advisory ids, GHSA, distro ids…)
 * @param advisories       the advisory records that matched, the most informative first
 * @param fix              the versions that fix it
 */
public record Finding(Component component, String installedVersion, String vulnerabilityId, List<String> aliases,
                      List<Advisory> advisories, Evidence evidence, Fix fix, Confidence confidence) {

    public Finding {
        aliases = List.copyOf(aliases);
        advisories = List.copyOf(advisories);
    }

    /** The first matched advisory: the one whose summary and references are shown. */
    public Advisory advisory() {
        return advisories.getFirst();
    }

    /** The most severe level any matched advisory gives. */
    public SeverityLevel severity() {
        SeverityLevel best = SeverityLevel.UNKNOWN;
        for (Advisory a : advisories) {
            if (a.severityLevel().compareTo(best) > 0) {
                best = a.severityLevel();
            }
        }
        return best;
    }

    /** The nearest fixed version, or null. */
    public String nearestFix() {
        return fix.nearest();
    }

    /** The fixed versions above the installed one, ascending. */
    public List<String> fixedVersions() {
        return fix.all();
    }
}
