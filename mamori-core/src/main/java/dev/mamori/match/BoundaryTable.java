package dev.mamori.match;

import dev.mamori.version.EventRange;
import dev.mamori.version.VersionException;
import dev.mamori.version.VersionScheme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every range boundary of one package's advisories, sorted once, with each statement's answer for every place a
 * version can be: below the first boundary, on it, between it and the next, and so on ({@code 2B + 1} slots for
 * {@code B} distinct boundaries). A component's version is then placed with one binary search (about
 * {@code log2 B} comparisons) and every statement answers by a bit lookup; a fixed version, being a boundary itself,
 * is placed without any comparison (which makes upgrade advice cheap).
 *
 * <p>The bits are computed by sweeping each range's events (sorted as {@link CompiledRanges} sorts them) over the
 * slots with the OSV rules: an event below the slot opens (introduced) or closes (fixed, last_affected) the range;
 * an event on the slot's boundary opens (introduced), closes (fixed) or leaves it (last_affected); limit events
 * close everything from their boundary up. A statement whose ranges cannot take part (a range the scheme cannot
 * order, a {@code "0"} event other than {@code introduced}) has no bits and is evaluated directly instead.
 */
final class BoundaryTable {
    private final VersionScheme scheme;
    private final String[] bounds;
    private final Map<String, Integer> indexOf;
    private final long[][] bits;

    private BoundaryTable(VersionScheme scheme, String[] bounds, Map<String, Integer> indexOf, long[][] bits) {
        this.scheme = scheme;
        this.bounds = bounds;
        this.indexOf = indexOf;
        this.bits = bits;
    }

    VersionScheme scheme() {
        return scheme;
    }

    /** Builds the table; statements that cannot take part get no bits (all do not when the boundaries cannot be ordered). */
    static BoundaryTable build(List<AdvisoryIndex.PackageEntry> entries, VersionScheme scheme) {
        int n = entries.size();
        CompiledRanges[] compiled = new CompiledRanges[n];
        boolean[] usable = new boolean[n];
        List<String> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            compiled[i] = entries.get(i).compiled(scheme);
            usable[i] = usable(compiled[i]);
            if (usable[i]) {
                for (CompiledRanges.Range r : compiled[i].ranges()) {
                    for (EventRange.Event e : r.sorted()) {
                        if (!(e.kind() == EventRange.Kind.INTRODUCED && e.version().equals("0"))) {
                            all.add(e.version());
                        }
                    }
                    all.addAll(List.of(r.limits()));
                }
            }
        }
        String[] sorted = all.stream().distinct().toArray(String[]::new);
        Map<String, Integer> indexOf = new HashMap<>();
        List<String> bounds = new ArrayList<>();
        try {
            java.util.Arrays.sort(sorted, scheme::compare);
            for (String s : sorted) {
                if (bounds.isEmpty() || scheme.compare(bounds.getLast(), s) != 0) {
                    bounds.add(s);
                }
                indexOf.put(s, bounds.size() - 1);
            }
        } catch (VersionException e) {
            return new BoundaryTable(scheme, new String[0], Map.of(), new long[n][]); // no statement takes part
        }
        int slots = 2 * bounds.size() + 1;
        long[][] bits = new long[n][];
        for (int i = 0; i < n; i++) {
            if (usable[i]) {
                bits[i] = sweep(compiled[i], indexOf, slots);
            }
        }
        return new BoundaryTable(scheme, bounds.toArray(String[]::new), Map.copyOf(indexOf), bits);
    }

    private static boolean usable(CompiledRanges c) {
        for (CompiledRanges.Range r : c.ranges()) {
            if (r.invalid() != null) {
                return false;
            }
            for (EventRange.Event e : r.sorted()) {
                if (e.version().equals("0") && e.kind() != EventRange.Kind.INTRODUCED) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The slots where any range of the statement contains the version; null when the events are out of order. */
    private static long[] sweep(CompiledRanges c, Map<String, Integer> indexOf, int slots) {
        long[] out = new long[(slots + 63) / 64];
        for (CompiledRanges.Range r : c.ranges()) {
            EventRange.Event[] ev = r.sorted();
            int[] slotOf = new int[ev.length];
            int last = -1;
            for (int k = 0; k < ev.length; k++) {
                EventRange.Event e = ev[k];
                slotOf[k] = e.kind() == EventRange.Kind.INTRODUCED && e.version().equals("0") ? -1 : 2 * indexOf.get(e.version()) + 1;
                if (slotOf[k] < last) {
                    return null;
                }
                last = slotOf[k];
            }
            int limitFrom = slots;
            for (String l : r.limits()) {
                limitFrom = Math.min(limitFrom, 2 * indexOf.get(l) + 1);
            }
            boolean state = false;
            int p = 0;
            for (int s = 0; s < slots; s++) {
                while (p < ev.length && slotOf[p] < s) {
                    switch (ev[p].kind()) {
                        case INTRODUCED -> state = true;
                        case FIXED, LAST_AFFECTED -> state = false;
                        default -> { }
                    }
                    p++;
                }
                boolean here = state;
                for (int q = p; q < ev.length && slotOf[q] == s; q++) {
                    switch (ev[q].kind()) {
                        case INTRODUCED -> here = true;
                        case FIXED -> here = false;
                        default -> { } // last_affected on the version: still affected
                    }
                }
                if (here && s < limitFrom) {
                    out[s >>> 6] |= 1L << (s & 63);
                }
            }
        }
        return out;
    }

    /** Whether the statement at this position has bits (else it is evaluated directly). */
    boolean covered(int entry) {
        return bits[entry] != null;
    }

    /**
     * The slot of a version: {@code 2i + 1} on boundary {@code i}, {@code 2i} just below it.
     *
     * @throws VersionException when the scheme cannot compare the version with a boundary
     */
    int slotOf(String version) {
        Integer known = indexOf.get(version);
        if (known != null) {
            return 2 * known + 1;
        }
        int lo = 0;
        int hi = bounds.length;
        boolean equal = false;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = scheme.compare(version, bounds[mid]);
            if (c > 0) {
                lo = mid + 1;
            } else {
                hi = mid;
                equal = c == 0;
            }
        }
        return equal && lo < bounds.length ? 2 * lo + 1 : 2 * lo;
    }

    /** Whether the statement's ranges contain a version in this slot (only for statements with bits). */
    boolean contains(int entry, int slot) {
        long[] b = bits[entry];
        return (b[slot >>> 6] & (1L << (slot & 63))) != 0;
    }
}
