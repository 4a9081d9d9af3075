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
    /** Per statement, per range: the slot of each sorted event ({@code -1} for introduced 0). */
    private final int[][][] eventSlots;
    /** Per statement, per range: the first slot its limit events exclude. */
    private final int[][] limitFrom;
    private final CompiledRanges[] compiled;

    private BoundaryTable(VersionScheme scheme, String[] bounds, Map<String, Integer> indexOf, long[][] bits,
                          int[][][] eventSlots, int[][] limitFrom, CompiledRanges[] compiled) {
        this.scheme = scheme;
        this.bounds = bounds;
        this.indexOf = indexOf;
        this.bits = bits;
        this.eventSlots = eventSlots;
        this.limitFrom = limitFrom;
        this.compiled = compiled;
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
            // no statement takes part
            return new BoundaryTable(scheme, new String[0], Map.of(), new long[n][], new int[n][][], new int[n][], compiled);
        }
        int slots = 2 * bounds.size() + 1;
        long[][] bits = new long[n][];
        int[][][] eventSlots = new int[n][][];
        int[][] limitFrom = new int[n][];
        for (int i = 0; i < n; i++) {
            if (usable[i]) {
                List<CompiledRanges.Range> ranges = compiled[i].ranges();
                eventSlots[i] = new int[ranges.size()][];
                limitFrom[i] = new int[ranges.size()];
                bits[i] = sweep(compiled[i], indexOf, slots, eventSlots[i], limitFrom[i]);
                if (bits[i] == null) {
                    eventSlots[i] = null;
                    limitFrom[i] = null;
                }
            }
        }
        return new BoundaryTable(scheme, bounds.toArray(String[]::new), indexOf, bits, eventSlots,
                limitFrom, compiled);
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
    private static long[] sweep(CompiledRanges c, Map<String, Integer> indexOf, int slots, int[][] eventSlots,
                                int[] limitFroms) {
        for (int ri = 0; ri < c.ranges().size(); ri++) {
            CompiledRanges.Range r = c.ranges().get(ri);
            EventRange.Event[] ev = r.sorted();
            int[] slotOf = new int[ev.length];
            eventSlots[ri] = slotOf;
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
            limitFroms[ri] = limitFrom;
        }
        return sweep(c, eventSlots, limitFroms, slots);
    }

    /** The bits of a statement from its events' slots. */
    private static long[] sweep(CompiledRanges c, int[][] eventSlots, int[] limitFroms, int slots) {
        long[] out = new long[(slots + 63) / 64];
        for (int ri = 0; ri < c.ranges().size(); ri++) {
            EventRange.Event[] ev = c.ranges().get(ri).sorted();
            int[] slotOf = eventSlots[ri];
            int limitFrom = limitFroms[ri];
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

    /**
     * A table whose order was computed before (when a snapshot was written, by {@link #build} under the same scheme):
     * the distinct boundaries in order, and for each statement that takes part its ranges (sorted the same way)
     * with each sorted event's slot and each range's limit slot ({@code eventSlots[i] == null}: the statement does
     * not take part). No version is compared; the bits are swept from the slots.
     */
    static BoundaryTable presorted(VersionScheme scheme, String[] bounds, CompiledRanges[] compiled,
                                   int[][][] eventSlots, int[][] limitFrom) {
        int n = compiled.length;
        int slots = 2 * bounds.length + 1;
        Map<String, Integer> indexOf = new HashMap<>();
        long[][] bits = new long[n][];
        for (int i = 0; i < n; i++) {
            if (eventSlots[i] == null) {
                continue;
            }
            List<CompiledRanges.Range> ranges = compiled[i].ranges();
            for (int ri = 0; ri < ranges.size(); ri++) {
                EventRange.Event[] ev = ranges.get(ri).sorted();
                for (int k = 0; k < ev.length; k++) {
                    if (eventSlots[i][ri][k] >= 0) {
                        indexOf.put(ev[k].version(), (eventSlots[i][ri][k] - 1) / 2);
                    }
                }
            }
            bits[i] = sweep(compiled[i], eventSlots[i], limitFrom[i], slots);
        }
        for (int b = 0; b < bounds.length; b++) {
            indexOf.put(bounds[b], b);
        }
        return new BoundaryTable(scheme, bounds, indexOf, bits, eventSlots, limitFrom, compiled);
    }

    /** For a snapshot: the distinct boundaries in order. */
    String[] bounds() {
        return bounds;
    }

    /** For a snapshot: the statement's ranges' sorted events' slots, or null when it does not take part. */
    int[][] eventSlots(int entry) {
        return eventSlots[entry];
    }

    /** For a snapshot: the statement's ranges' limit slots. */
    int[] limitFrom(int entry) {
        return limitFrom[entry];
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

    /** The boundary index of a version string that is a boundary, else -1. */
    int indexOf(String version) {
        Integer i = indexOf.get(version);
        return i == null ? -1 : i;
    }

    /**
     * Evaluates a statement at a slot without comparing versions: the first range containing the slot (or -1),
     * the fix closing the interval the slot lies in (the lowest over the containing ranges) in {@code closing[0]},
     * and every fixed version above the slot, of every range, added to {@code fixesAbove} — what
     * {@link CompiledRanges#evaluate} gives for a version in that slot.
     */
    int detail(int entry, int slot, String[] closing, List<String> fixesAbove) {
        List<CompiledRanges.Range> ranges = compiled[entry].ranges();
        int first = -1;
        int bestClosing = Integer.MAX_VALUE;
        closing[0] = null;
        for (int ri = 0; ri < ranges.size(); ri++) {
            EventRange.Event[] ev = ranges.get(ri).sorted();
            int[] slots = eventSlots[entry][ri];
            boolean affected = false;
            boolean blocked = false;
            int k = 0;
            for (; k < ev.length && slots[k] <= slot; k++) {
                boolean on = slots[k] == slot;
                switch (ev[k].kind()) {
                    case INTRODUCED -> affected = true;
                    case FIXED -> affected = false;
                    case LAST_AFFECTED -> {
                        if (on) {
                            blocked = true;
                        } else {
                            affected = false;
                        }
                    }
                    default -> { }
                }
            }
            String close = null;
            int closeSlot = Integer.MAX_VALUE;
            boolean found = blocked;
            for (; k < ev.length; k++) {
                if (ev[k].kind() == EventRange.Kind.FIXED) {
                    fixesAbove.add(ev[k].version());
                    if (!found) {
                        close = ev[k].version();
                        closeSlot = slots[k];
                        found = true;
                    }
                } else if (ev[k].kind() == EventRange.Kind.LAST_AFFECTED) {
                    found = true;
                }
            }
            if (slot >= limitFrom[entry][ri]) {
                affected = false;
            }
            if (affected) {
                if (first < 0) {
                    first = ri;
                }
                if (close != null && closeSlot < bestClosing) {
                    bestClosing = closeSlot;
                    closing[0] = close;
                }
            }
        }
        return first;
    }

    /** Whether the statement's ranges contain a version in this slot (only for statements with bits). */
    boolean contains(int entry, int slot) {
        long[] b = bits[entry];
        return (b[slot >>> 6] & (1L << (slot & 63))) != 0;
    }
}
