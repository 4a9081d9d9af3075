package dev.mamori.version;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Versions that are RFC 3339 timestamps ({@code 2024-01-01T00:00:00Z}), ordered as instants in time. */
final class DatetimeScheme implements VersionScheme {
    static final DatetimeScheme INSTANCE = new DatetimeScheme();

    private DatetimeScheme() {}

    @Override
    public String name() {
        return "datetime";
    }

    private static OffsetDateTime parse(String v) {
        if (v == null || v.isEmpty()) {
            throw new VersionException("empty datetime version");
        }
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new VersionException("invalid datetime version '" + v + "': expected an RFC 3339 timestamp such as 2024-01-01T00:00:00Z");
        }
    }

    @Override
    public void validate(String version) {
        parse(version);
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(parse(a).toInstant().compareTo(parse(b).toInstant()));
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        return ComparatorRanges.parse(this, nativeRange);
    }
}
