package dev.mamori.store.portfolio;

import java.util.List;

/**
 * Which findings of a release to list.
 *
 * @param severities    severity labels (critical, high, medium, low, none, unknown); empty for all
 * @param triageStates  triage states; empty for all
 * @param status        {@code present} (the default), {@code not_present} or {@code all}
 * @param vulnerability a vulnerability id or alias, or null
 * @param component     text the component's package name, name or purl contains, or null
 */
public record FindingFilter(List<String> severities, List<String> triageStates, String status, String vulnerability,
                            String component) {
    public FindingFilter {
        severities = severities == null ? List.of() : List.copyOf(severities);
        triageStates = triageStates == null ? List.of() : List.copyOf(triageStates);
        status = status == null ? StoredFinding.PRESENT : status;
    }

    public static FindingFilter present() {
        return new FindingFilter(List.of(), List.of(), StoredFinding.PRESENT, null, null);
    }
}
