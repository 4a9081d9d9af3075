package dev.mamori.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the store writes them: UTC, millisecond precision, fixed width ({@code 2026-11-25T10:15:30.123Z}), so
 * that text order is time order on both databases. And a lenient reading of the timestamps sources publish.
 */
public final class Timestamps {
    private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String format(Instant instant) {
        return instant == null ? null : FIXED.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static Instant parseStored(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** An instant the store wrote ({@link #format}), or null. */
    public static Instant parse(String text) {
        return parseStored(text);
    }

    /**
     * A source's timestamp as an instant, or null when it cannot be read: ISO instants and offset date-times
     * (OSV, CVE 5, JVN {@code +09:00}), local date-times (NVD, taken as UTC), dates (start of day, UTC).
     */
    static Instant parseSource(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
