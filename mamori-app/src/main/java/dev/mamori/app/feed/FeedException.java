package dev.mamori.app.feed;

/**
 * A download or a check that failed, with a message fit for the user. A {@linkplain #stopsSource() stopping}
 * failure (the source's time budget is spent, the server keeps failing, the disk fails) ends the source's run; any
 * other failure concerns one item, which is recorded and skipped.
 */
final class FeedException extends RuntimeException {
    private final boolean stopsSource;
    private final boolean refusal;

    FeedException(String message) {
        this(message, false, false, null);
    }

    FeedException(String message, Throwable cause) {
        this(message, false, false, cause);
    }

    private FeedException(String message, boolean stopsSource, boolean refusal, Throwable cause) {
        super(message, cause);
        this.stopsSource = stopsSource;
        this.refusal = refusal;
    }

    static FeedException stopping(String message) {
        return new FeedException(message, true, false, null);
    }

    /** A download that arrived but was refused: wrong checksum, size or format. Nothing was written. */
    static FeedException refused(String message) {
        return new FeedException(message, false, true, null);
    }

    boolean refusal() {
        return refusal;
    }

    boolean stopsSource() {
        return stopsSource;
    }
}
