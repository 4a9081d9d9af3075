package dev.mamori.app.server;

/** A request body that went past its size limit while it was being read. */
public final class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes");
    }
}
