package dev.mamori.store;

/** A write refused because it would break a uniqueness or state rule (a second product of the same name…). */
public final class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
