package dev.mamori.sbom;

import java.util.Locale;

/**
 * One licence statement of a component, kept as written.
 *
 * @param value           the SPDX id, SPDX expression or free-text name
 * @param kind            which of the three it is
 * @param acknowledgement whether the licence is declared (by the component's authors) or concluded (by whoever
 *                        made the SBOM), or unspecified
 */
public record License(String value, Kind kind, Acknowledgement acknowledgement) {

    /** How the licence is written. */
    public enum Kind {
        /** One SPDX licence identifier (or {@code LicenseRef-…}). */
        ID,
        /** A free-text licence name that is not an SPDX identifier. */
        NAME,
        /** An SPDX licence expression ({@code MIT OR Apache-2.0}). */
        EXPRESSION
    }

    /** CycloneDX {@code acknowledgement}; SPDX {@code licenseDeclared} / {@code licenseConcluded}. */
    public enum Acknowledgement {
        DECLARED, CONCLUDED, UNSPECIFIED;

        /** The lower-case name CycloneDX uses, or null for {@link #UNSPECIFIED}. */
        public String cycloneDxName() {
            return this == UNSPECIFIED ? null : name().toLowerCase(Locale.ROOT);
        }

        static Acknowledgement ofCycloneDx(String text) {
            if (text == null) {
                return UNSPECIFIED;
            }
            return switch (text) {
                case "declared" -> DECLARED;
                case "concluded" -> CONCLUDED;
                default -> UNSPECIFIED;
            };
        }
    }

    public License {
        acknowledgement = acknowledgement == null ? Acknowledgement.UNSPECIFIED : acknowledgement;
        kind = kind == null ? Kind.EXPRESSION : kind;
    }

    public static License id(String id) {
        return new License(id, Kind.ID, Acknowledgement.UNSPECIFIED);
    }

    public static License name(String name) {
        return new License(name, Kind.NAME, Acknowledgement.UNSPECIFIED);
    }

    public static License expression(String expression, Acknowledgement acknowledgement) {
        return new License(expression, Kind.EXPRESSION, acknowledgement);
    }

    /** True when the value is one token (an id or {@code LicenseRef-…}), not a compound expression. */
    public boolean isSingleIdentifier() {
        if (kind == Kind.NAME) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '+' || c == ':')) {
                return false;
            }
        }
        return !value.isEmpty();
    }
}
