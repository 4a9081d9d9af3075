package dev.mamori.store.portfolio;

import java.util.Locale;

/**
 * How far a triage decision reaches. When several apply to a finding, the narrowest wins (release, then product,
 * then component version), and among equals the newest.
 */
public enum TriageScope {
    /** The finding's vulnerability in this package in one release (whatever version a later upload brings). */
    RELEASE,
    /** The vulnerability in this package in every release of one product, present and future. */
    PRODUCT,
    /** The vulnerability in this exact package version, in every release of every product. */
    COMPONENT_VERSION;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    int precedence() {
        return ordinal();
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static TriageScope parse(String text) {
        for (TriageScope s : values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + text + "': use release, product or component_version");
    }
}
