package dev.mamori.cpe;

/**
 * A string that is not a valid CPE name, or an invalid attribute value. The message says what is wrong and
 * {@link #component()} names the offending part: {@code prefix}, {@code part}, {@code vendor}, {@code product},
 * {@code version}, {@code update}, {@code edition}, {@code language}, {@code sw_edition}, {@code target_sw},
 * {@code target_hw} or {@code other}; null when no single part is at fault.
 */
public final class CpeException extends IllegalArgumentException {
    private final String component;

    public CpeException(String component, String message) {
        super(message);
        this.component = component;
    }

    /** The offending CPE component (WFN attribute name), or null. */
    public String component() {
        return component;
    }
}
