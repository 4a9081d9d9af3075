package dev.mamori.vex;

import java.util.Locale;

/**
 * What a statement says about a vulnerability in a component. The five analysis states of CycloneDX, which are
 * also Mamori's triage states; OpenVEX and CSAF have four statuses, see the mapping methods.
 */
public enum VexState {
    IN_TRIAGE, EXPLOITABLE, NOT_AFFECTED, FALSE_POSITIVE, RESOLVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VexState parse(String text) {
        for (VexState s : values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown state '" + text + "'");
    }

    /** The OpenVEX status: under_investigation, affected, not_affected (false positives too), fixed. */
    public String openVexStatus() {
        return switch (this) {
            case IN_TRIAGE -> "under_investigation";
            case EXPLOITABLE -> "affected";
            case NOT_AFFECTED, FALSE_POSITIVE -> "not_affected";
            case RESOLVED -> "fixed";
        };
    }

    /** The state an OpenVEX or CSAF-style status means, or null for an unknown word. */
    public static VexState ofStatus(String status) {
        return switch (status == null ? "" : status) {
            case "under_investigation" -> IN_TRIAGE;
            case "affected", "known_affected" -> EXPLOITABLE;
            case "not_affected", "known_not_affected" -> NOT_AFFECTED;
            case "fixed" -> RESOLVED;
            default -> null;
        };
    }
}
