package dev.mamori.store;

/** The database failed (connection lost, disk full, constraint broken); the operation changed nothing. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(shorten(message), cause);
    }

    /** Drivers put whole batches of SQL into their messages: the first line, cut to a readable length. */
    private static String shorten(String message) {
        if (message == null) {
            return null;
        }
        String first = message.lines().findFirst().orElse("");
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
