package dev.mamori.purl;

/** A string that is not a valid package URL; the message says which part is wrong. */
public final class PurlException extends IllegalArgumentException {
    public PurlException(String message) {
        super(message);
    }
}
