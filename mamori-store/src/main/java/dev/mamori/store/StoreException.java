package dev.mamori.store;

/** The database failed (connection lost, disk full, constraint broken); the operation changed nothing. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
