package dev.mamori.input;

import java.util.Objects;

/**
 * Input that Mamori cannot read: a malformed or hostile file, or a value that breaks a format's rules.
 *
 * <p>It names the source (usually a file) and the place inside it (a JSON pointer, {@code line:column},
 * or an XML path), so that {@link #getMessage()} is one line a user can act on.
 */
public class InputException extends RuntimeException {
    private final String source;
    private final String location;
    private final String reason;

    public InputException(String source, String location, String reason) {
        this(source, location, reason, null);
    }

    public InputException(String source, String location, String reason, Throwable cause) {
        super(format(source, location, reason), cause, false, false);
        this.source = Objects.requireNonNullElse(source, "<input>");
        this.location = location == null ? "" : location;
        this.reason = reason;
    }

    /** The file (or other source) that was being read. */
    public String source() {
        return source;
    }

    /** Where inside the source: a JSON pointer, {@code line:column}, or empty when the source as a whole is at fault. */
    public String location() {
        return location;
    }

    /** What is wrong, without the source and place. */
    public String reason() {
        return reason;
    }

    private static String format(String source, String location, String reason) {
        String where = Objects.requireNonNullElse(source, "<input>");
        if (location != null && !location.isEmpty()) {
            where = where + ": " + location;
        }
        return where + ": " + reason;
    }
}
