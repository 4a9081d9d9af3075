package dev.mamori.advisory;

import java.util.List;

/**
 * One advisory record as one source published it (an OSV entry, an NVD CVE, a JVN record…).
 *
 * @param id         the record's own id (GHSA-…, GO-…, CVE-…)
 * @param aliases    other ids of the same vulnerability
 * @param source     where it came from, e.g. the file or feed
 * @param withdrawn  when the source withdrew it, or null
 */
public record Advisory(String id, List<String> aliases, String summary, String details, List<Affected> affected,
                       List<Severity> severities, List<String> cwes, List<String> references,
                       String published, String modified, String withdrawn, String source) {

    public Advisory {
        aliases = List.copyOf(aliases);
        affected = List.copyOf(affected);
        severities = List.copyOf(severities);
        cwes = List.copyOf(cwes);
        references = List.copyOf(references);
    }

    /** The most severe level any of the record's severities gives, or {@link SeverityLevel#UNKNOWN}. */
    public SeverityLevel severityLevel() {
        SeverityLevel best = SeverityLevel.UNKNOWN;
        for (Severity s : severities) {
            SeverityLevel level = s.level();
            if (level.compareTo(best) > 0) {
                best = level;
            }
        }
        return best;
    }
}
