package dev.mamori.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset-pagination cursor: the sort it belongs to and the sort values of the last row returned
 * (always ending with the row id, the tie-breaker). Encoded as URL-safe Base64 so clients cannot rely on its shape.
 *
 * @param sort   the sort the cursor was made for; a cursor used with another sort is refused
 * @param values the last row's sort values, as text; null values are written as an empty marker
 */
public record Cursor(String sort, List<String> values) {
    private static final String VERSION = "c1";
    private static final char SEP = '\u001f';
    private static final String NULL = "\u0000";

    public Cursor {
        values = List.copyOf(values.stream().map(v -> v == null ? NULL : v).toList());
    }

    /** The value at a position, or null. */
    public String value(int i) {
        String v = values.get(i);
        return NULL.equals(v) ? null : v;
    }

    public long id() {
        return Long.parseLong(values.getLast());
    }

    public String encode() {
        StringBuilder b = new StringBuilder(VERSION).append(SEP).append(sort);
        for (String v : values) {
            b.append(SEP).append(v);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor made for {@code expectedSort}.
     *
     * @throws IllegalArgumentException when the text is not such a cursor
     */
    public static Cursor decode(String text, String expectedSort, int valueCount) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cursor '" + text + "'");
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= raw.length(); i++) {
            if (i == raw.length() || raw.charAt(i) == SEP) {
                parts.add(raw.substring(from, i));
                from = i + 1;
            }
        }
        if (parts.size() != valueCount + 2 || !VERSION.equals(parts.get(0))) {
            throw new IllegalArgumentException("invalid cursor '" + text + "'");
        }
        if (!parts.get(1).equals(expectedSort)) {
            throw new IllegalArgumentException("the cursor belongs to sort '" + parts.get(1) + "', not '" + expectedSort
                    + "': start again without a cursor");
        }
        List<String> values = parts.subList(2, parts.size());
        try {
            Long.parseLong(values.getLast());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid cursor '" + text + "'");
        }
        return new Cursor(parts.get(1), values);
    }
}
