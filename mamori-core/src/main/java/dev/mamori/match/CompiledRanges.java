package dev.mamori.match;

import dev.mamori.advisory.Affected;
import dev.mamori.advisory.AffectedRange;
import dev.mamori.version.EventRange;
import dev.mamori.version.VersionException;
import dev.mamori.version.VersionScheme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One affected-package statement prepared for evaluation under one version scheme: each range's events sorted once
 * (OSV evaluates events in version order), and the explicit versions list as a set. Evaluating a version then costs
 * one comparison per event at or below it, plus one: the walk stops at the first event above the version, since
 * every later event is above it too.
 *
 * <p>The answers are those of {@link EventRange#contains} and of the matcher's earlier per-call sorting: a range
 * whose events the scheme cannot order reports the same {@link VersionException} on every evaluation.
 */
final class CompiledRanges {
    /** One non-GIT range, events sorted, limits apart; or the reason it cannot be evaluated. */
    record Range(AffectedRange source, EventRange.Event[] sorted, String[] limits, VersionException invalid) {}

    /** The outcome of evaluating one range. */
    static final class Outcome {
        boolean contained;
        /** The fixed version closing the interval the version lies in, or null. */
        String closing;
    }

    private final VersionScheme scheme;
    private final List<Range> ranges;
    private final boolean gitOnly;
    private final List<String> versions;
    private final Set<String> versionSet;
    private final Set<String> versionSetLower;

    private CompiledRanges(VersionScheme scheme, List<Range> ranges, boolean gitOnly, List<String> versions) {
        this.scheme = scheme;
        this.ranges = ranges;
        this.gitOnly = gitOnly;
        this.versions = versions;
        this.versionSet = versions.size() > 8 ? new HashSet<>(versions) : null;
        Set<String> lower = new HashSet<>();
        for (String v : versions) {
            lower.add(v.toLowerCase(Locale.ROOT));
        }
        this.versionSetLower = lower;
    }

    static CompiledRanges of(Affected affected, VersionScheme scheme) {
        List<Range> out = new ArrayList<>();
        boolean gitOnly = !affected.ranges().isEmpty();
        for (AffectedRange r : affected.ranges()) {
            if (r.isGit()) {
                continue;
            }
            gitOnly = false;
            List<EventRange.Event> events = new ArrayList<>();
            List<String> limits = new ArrayList<>();
            for (EventRange.Event e : r.events().events()) {
                if (e.kind() == EventRange.Kind.LIMIT) {
                    if (!e.version().equals("*")) {
                        limits.add(e.version());
                    }
                } else {
                    events.add(e);
                }
            }
            VersionException invalid = null;
            try {
                events.sort((a, b) -> {
                    boolean za = a.version().equals("0");
                    boolean zb = b.version().equals("0");
                    if (za || zb) {
                        return za == zb ? 0 : (za ? -1 : 1);
                    }
                    return scheme.compare(a.version(), b.version());
                });
            } catch (VersionException e) {
                invalid = e;
            }
            out.add(new Range(r, events.toArray(EventRange.Event[]::new), limits.toArray(String[]::new), invalid));
        }
        return new CompiledRanges(scheme, List.copyOf(out), gitOnly, affected.versions());
    }

    /**
     * The statement with its ranges' events put in an order computed before (by {@link #of} under the same scheme,
     * when a snapshot was written): {@code order[r]} lists range {@code r}'s non-limit events, by their position
     * among them, in sorted order. No version is compared.
     */
    static CompiledRanges presorted(Affected affected, VersionScheme scheme, int[][] order) {
        List<Range> out = new ArrayList<>();
        boolean gitOnly = !affected.ranges().isEmpty();
        int ri = 0;
        for (AffectedRange r : affected.ranges()) {
            if (r.isGit()) {
                continue;
            }
            gitOnly = false;
            List<EventRange.Event> events = new ArrayList<>();
            List<String> limits = new ArrayList<>();
            for (EventRange.Event e : r.events().events()) {
                if (e.kind() == EventRange.Kind.LIMIT) {
                    if (!e.version().equals("*")) {
                        limits.add(e.version());
                    }
                } else {
                    events.add(e);
                }
            }
            int[] o = order[ri++];
            EventRange.Event[] sorted = new EventRange.Event[o.length];
            for (int k = 0; k < o.length; k++) {
                sorted[k] = events.get(o[k]);
            }
            out.add(new Range(r, sorted, limits.toArray(String[]::new), null));
        }
        return new CompiledRanges(scheme, List.copyOf(out), gitOnly, affected.versions());
    }

    /** For a snapshot: each range's sorted events as positions among its non-limit events in source order. */
    int[][] order() {
        int[][] out = new int[ranges.size()][];
        for (int ri = 0; ri < ranges.size(); ri++) {
            Range r = ranges.get(ri);
            List<EventRange.Event> events = new ArrayList<>();
            for (EventRange.Event e : r.source().events().events()) {
                if (e.kind() != EventRange.Kind.LIMIT) {
                    events.add(e);
                }
            }
            boolean[] used = new boolean[events.size()];
            int[] o = new int[r.sorted().length];
            for (int k = 0; k < o.length; k++) {
                for (int j = 0; j < events.size(); j++) {
                    if (!used[j] && events.get(j) == r.sorted()[k]) {
                        used[j] = true;
                        o[k] = j;
                        break;
                    }
                }
            }
            out[ri] = o;
        }
        return out;
    }

    VersionScheme scheme() {
        return scheme;
    }

    List<Range> ranges() {
        return ranges;
    }

    /** Whether every range is a GIT range (which needs commit data) and there is at least one. */
    boolean gitOnly() {
        return gitOnly;
    }

    boolean hasVersions() {
        return !versions.isEmpty();
    }

    /** Whether the explicit versions list names the version (PyPI versions, which purls lower-case, in any case). */
    boolean listed(String version, boolean caseInsensitive) {
        boolean exact = versionSet != null ? versionSet.contains(version) : versions.contains(version);
        return exact || (caseInsensitive && versionSetLower.contains(version.toLowerCase(Locale.ROOT)));
    }

    /**
     * Evaluates a version against one range: whether the range contains it, the fix closing its interval, and (when
     * {@code fixesAbove} is not null) every fixed version above it.
     *
     * @throws VersionException when the scheme cannot order the range's versions or the version
     */
    static void evaluate(Range range, VersionScheme scheme, String version, Outcome out, List<String> fixesAbove) {
        if (range.invalid() != null) {
            throw range.invalid();
        }
        out.contained = false;
        out.closing = null;
        EventRange.Event[] ev = range.sorted();
        boolean affected = false;
        boolean blocked = false; // a last_affected at the version: no fix closes this interval
        int i = 0;
        for (; i < ev.length; i++) {
            EventRange.Event e = ev[i];
            if (e.kind() == EventRange.Kind.INTRODUCED && e.version().equals("0")) {
                affected = true;
                continue;
            }
            int c = scheme.compare(version, e.version());
            if (c < 0) {
                break; // this event and every later one lie above the version
            }
            switch (e.kind()) {
                case INTRODUCED -> affected = true;
                case FIXED -> affected = false;
                case LAST_AFFECTED -> {
                    if (c > 0) {
                        affected = false;
                    } else {
                        blocked = true;
                    }
                }
                default -> { }
            }
        }
        boolean closingFound = blocked;
        for (; i < ev.length; i++) {
            EventRange.Event e = ev[i];
            if (e.kind() == EventRange.Kind.FIXED) {
                if (fixesAbove != null) {
                    fixesAbove.add(e.version());
                }
                if (!closingFound) {
                    out.closing = e.version();
                    closingFound = true;
                }
            } else if (e.kind() == EventRange.Kind.LAST_AFFECTED) {
                closingFound = true;
            }
        }
        for (String limit : range.limits()) {
            if (scheme.compare(version, limit) >= 0) {
                affected = false;
            }
        }
        out.contained = affected;
        if (!affected) {
            out.closing = null;
        }
    }

    /** Whether a version is inside any range or the versions list (invalid ranges count as containing it). */
    boolean covers(String version, boolean caseInsensitive) {
        if (listed(version, caseInsensitive)) {
            return true;
        }
        Outcome o = new Outcome();
        for (Range r : ranges) {
            try {
                evaluate(r, scheme, version, o, null);
                if (o.contained) {
                    return true;
                }
            } catch (VersionException e) {
                return true;
            }
        }
        return false;
    }
}
