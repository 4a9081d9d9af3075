package dev.mamori.sbom.validate;

/** A licence expression that does not follow the SPDX grammar; the message names the offending token and place. */
public final class LicenseExpressionException extends RuntimeException {
    private final int offset;

    LicenseExpressionException(String message, int offset) {
        super(message, null, false, false);
        this.offset = offset;
    }

    /** The character offset (0-based) where the problem is. */
    public int offset() {
        return offset;
    }
}
