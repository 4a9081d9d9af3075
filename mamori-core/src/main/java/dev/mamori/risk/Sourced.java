package dev.mamori.risk;

import java.util.Objects;

/** A value with where it came from and a few words saying why. */
public record Sourced<T>(T value, Source source, String detail) {
    public Sourced {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        detail = detail == null ? "" : detail;
    }

    public static <T> Sourced<T> of(T value, Source source, String detail) {
        return new Sourced<>(value, source, detail);
    }
}
