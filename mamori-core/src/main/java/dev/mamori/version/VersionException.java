package dev.mamori.version;

/** A version (or range) that is not valid in its scheme; the message says why. */
public final class VersionException extends IllegalArgumentException {
    public VersionException(String message) {
        super(message);
    }
}
