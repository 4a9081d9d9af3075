package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;

/**
 * nginx versions ({@code 1.25.3}): numeric dot-separated segments. Its native ranges are the ones nginx's security
 * advisories use: {@code 1.5.0+} (from 1.5.0 on; on a stable branch — even minor — only up to the next branch,
 * since later stable branches are listed separately), {@code 0.7.52-0.8.39} (inclusive span), a bare version, and
 * comma-separated lists of these.
 */
final class NginxScheme implements VersionScheme {
    static final NginxScheme INSTANCE = new NginxScheme();

    private NginxScheme() {}

    @Override
    public String name() {
        return "nginx";
    }

    @Override
    public void validate(String version) {
        segments(version);
    }

    @Override
    public int compare(String a, String b) {
        long[] x = segments(a);
        long[] y = segments(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? x[i] : 0;
            long q = i < y.length ? y[i] : 0;
            if (p != q) {
                return p < q ? -1 : 1;
            }
        }
        return 0;
    }

    private static long[] segments(String v) {
        if (v == null || v.isEmpty()) {
            throw new VersionException("empty nginx version");
        }
        String[] parts = v.split("\\.", -1);
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 18 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new VersionException("invalid nginx version '" + v + "': segments are numbers separated by dots");
            }
            out[i] = Long.parseLong(p);
        }
        return out;
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        if (nativeRange == null || nativeRange.isBlank()) {
            throw new VersionException("empty nginx range");
        }
        List<Interval> intervals = new ArrayList<>();
        for (String raw : nativeRange.split(",")) {
            String item = raw.strip();
            if (item.endsWith("+")) {
                String from = item.substring(0, item.length() - 1).strip();
                long[] s = segments(from);
                if (s.length >= 2 && s[1] % 2 == 0) {
                    intervals.add(new Interval(from, true, s[0] + "." + (s[1] + 1) + ".0", false));
                } else {
                    intervals.add(Interval.atLeast(from));
                }
            } else if (item.contains("-")) {
                int dash = item.indexOf('-');
                String lo = item.substring(0, dash).strip();
                String hi = item.substring(dash + 1).strip();
                validate(lo);
                validate(hi);
                intervals.add(new Interval(lo, true, hi, true));
            } else {
                validate(item);
                intervals.add(Interval.exactly(item));
            }
        }
        return new IntervalRange(this, intervals, nativeRange);
    }
}
