package dev.mamori.purl;

/**
 * A string or set of components that is not a valid package URL. The message says which part is wrong and
 * {@link #component()} names it ({@code scheme}, {@code type}, {@code namespace}, {@code name}, {@code version},
 * {@code qualifiers}, {@code subpath}), or is null when no single component is at fault.
 */
public final class PurlException extends IllegalArgumentException {
    private final String component;

    public PurlException(String message) {
        this(null, message);
    }

    public PurlException(String component, String message) {
        super(message);
        this.component = component;
    }

    /** The offending purl component, or null. */
    public String component() {
        return component;
    }
}
