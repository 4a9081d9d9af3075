package dev.mamori.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A range written as OSV events: {@code introduced}, {@code fixed}, {@code last_affected} and {@code limit},
 * in any order, with {@code introduced: "0"} meaning "from the first version".
 */
public record EventRange(List<Event> events) {

    public EventRange {
        events = List.copyOf(events);
    }

    /** One OSV range event. */
    public record Event(Kind kind, String version) {}

    /** The kinds of OSV range events. */
    public enum Kind {
        INTRODUCED, FIXED, LAST_AFFECTED, LIMIT;

        public String osvName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Whether {@code version} lies inside this range under {@code scheme}, following the evaluation the OSV
     * schema gives: walk the events in version order; {@code introduced} opens, {@code fixed} (at or below the
     * version) and {@code last_affected} (below it) close; {@code limit} events bound the whole range.
     */
    public boolean contains(VersionScheme scheme, String version) {
        for (Event e : events) {
            if (e.kind() == Kind.LIMIT && !e.version().equals("*") && scheme.compare(version, e.version()) >= 0) {
                return false;
            }
        }
        List<Event> sorted = new ArrayList<>(events);
        sorted.removeIf(e -> e.kind() == Kind.LIMIT);
        sorted.sort(Comparator.comparing(Event::version, (a, b) -> {
            boolean za = a.equals("0");
            boolean zb = b.equals("0");
            if (za || zb) {
                return za == zb ? 0 : (za ? -1 : 1);
            }
            return scheme.compare(a, b);
        }));
        boolean affected = false;
        for (Event e : sorted) {
            switch (e.kind()) {
                case INTRODUCED -> {
                    if (e.version().equals("0") || scheme.compare(version, e.version()) >= 0) {
                        affected = true;
                    }
                }
                case FIXED -> {
                    if (scheme.compare(version, e.version()) >= 0) {
                        affected = false;
                    }
                }
                case LAST_AFFECTED -> {
                    if (scheme.compare(version, e.version()) > 0) {
                        affected = false;
                    }
                }
                case LIMIT -> {
                }
            }
        }
        return affected;
    }

    /** The versions named by {@code fixed} events. */
    public List<String> fixedVersions() {
        return events.stream().filter(e -> e.kind() == Kind.FIXED).map(Event::version).toList();
    }
}
