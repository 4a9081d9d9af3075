package dev.mamori.store.portfolio;

import java.util.Locale;

/** The orders a findings list can have; each ends with the id so that keyset pagination is exact. */
public enum FindingSort {
    /** Most urgent first, by the release's priority order (1 = first); findings not yet ranked last. */
    PRIORITY("priority_rank", false),
    /** Most severe first. */
    SEVERITY("severity_rank", true),
    /** Newest first. */
    FIRST_SEEN("first_seen", true),
    /** By vulnerability id. */
    VULNERABILITY("vulnerability_id", false),
    /** By component (ecosystem:name@version). */
    COMPONENT("component_key", false);

    final String column;
    final boolean descending;

    FindingSort(String column, boolean descending) {
        this.column = column;
        this.descending = descending;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static FindingSort parse(String text) {
        for (FindingSort s : values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sort '" + text + "': use priority, severity, first_seen, vulnerability or component");
    }
}
