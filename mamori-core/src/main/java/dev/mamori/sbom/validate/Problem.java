package dev.mamori.sbom.validate;

/**
 * One thing wrong with an SBOM.
 *
 * @param severity error (the SBOM is invalid) or warning
 * @param rule     which rule found it: {@code schema}, {@code ref.duplicate}, {@code ref.dangling},
 *                 {@code license.unknown-id}, … (listed in docs/sbom-formats.md)
 * @param location where: a JSON pointer ({@code /components/3/purl}), an XML path with line and column, or
 *                 {@code line N}; empty for the document as a whole
 * @param message  what is wrong, in words a supplier can act on
 */
public record Problem(Severity severity, String rule, String location, String message) {

    public Problem {
        location = location == null ? "" : location;
    }

    /** {@code error [rule] location: message}. */
    @Override
    public String toString() {
        return severity.label() + " [" + rule + "] " + (location.isEmpty() ? "" : location + ": ") + message;
    }
}
