package dev.mamori.store.portfolio;

import java.util.Locale;

/** Where a finding stands in triage. Every finding starts {@link #IN_TRIAGE}. */
public enum TriageState {
    IN_TRIAGE, EXPLOITABLE, NOT_AFFECTED, FALSE_POSITIVE, RESOLVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static TriageState parse(String text) {
        for (TriageState s : values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown triage state '" + text
                + "': use in_triage, exploitable, not_affected, false_positive or resolved");
    }
}
