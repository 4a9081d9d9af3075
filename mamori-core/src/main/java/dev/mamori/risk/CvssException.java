package dev.mamori.risk;

/**
 * A CVSS vector that breaks its version's rules: unknown, duplicate or missing metric, invalid value, wrong or
 * missing prefix. The message is one line naming the vector and, where there is one, the metric at fault.
 */
public final class CvssException extends IllegalArgumentException {
    private final String vector;
    private final String metric;
    private final String reason;

    CvssException(String vector, String metric, String reason) {
        super("invalid CVSS vector '" + vector + "': " + reason);
        this.vector = vector;
        this.metric = metric;
        this.reason = reason;
    }

    /** The vector as given. */
    public String vector() {
        return vector;
    }

    /** The metric at fault (e.g. {@code AV}), or null when the vector as a whole is at fault. */
    public String metric() {
        return metric;
    }

    /** What is wrong, without the vector. */
    public String reason() {
        return reason;
    }
}
