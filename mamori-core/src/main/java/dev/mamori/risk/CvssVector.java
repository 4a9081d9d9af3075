package dev.mamori.risk;

import dev.mamori.risk.CvssMetrics.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * A parsed, validated CVSS vector of any version. Immutable.
 *
 * <p>Parsing is strict: the prefix must be {@code CVSS:3.0/}, {@code CVSS:3.1/} or {@code CVSS:4.0/} (CVSS v2
 * vectors have none), every field is {@code KEY:VALUE} with a metric of that version and one of its values, no
 * metric appears twice, and every base metric is present. CVSS v2 metrics must be in the specification's order
 * (v2 guide §2.4); v3.x and v4.0 metrics may come in any order, as the v3.x specifications require readers to
 * accept (and as real CNA vectors such as {@code CVSS:3.1/AC:L/AV:N/…} do).
 */
public final class CvssVector {
    private static final byte ABSENT = -1;

    private final CvssVersion version;
    private final CvssMetrics.Set metrics;
    private final byte[] values;
    private final String text;

    private CvssVector(CvssVersion version, byte[] values, String text) {
        this.version = version;
        this.metrics = CvssMetrics.of(version);
        this.values = values;
        this.text = text;
    }

    /**
     * Parses a vector.
     *
     * @throws CvssException naming the metric at fault: unknown, duplicate or missing metric, invalid value,
     *     wrong or missing prefix, empty field
     */
    public static CvssVector parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new CvssException(String.valueOf(text), null, "empty vector");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                throw new CvssException(text, null, "whitespace at position " + (i + 1));
            }
        }
        CvssVersion version;
        int start;
        if (text.startsWith("CVSS:")) {
            int slash = text.indexOf('/');
            String label = slash < 0 ? text.substring(5) : text.substring(5, slash);
            version = switch (label) {
                case "3.0" -> CvssVersion.V3_0;
                case "3.1" -> CvssVersion.V3_1;
                case "4.0" -> CvssVersion.V4_0;
                case "2.0", "2" -> throw new CvssException(text, null,
                        "CVSS v2 vectors are written without a prefix (AV:N/AC:L/Au:N/…)");
                default -> throw new CvssException(text, null, "unsupported CVSS version 'CVSS:" + label
                        + "' (expected CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/, or a CVSS v2 vector without prefix)");
            };
            if (slash < 0 || slash == text.length() - 1) {
                throw new CvssException(text, null, "no metrics after the prefix 'CVSS:" + label + "/'");
            }
            start = slash + 1;
        } else if (text.startsWith("(")) {
            throw new CvssException(text, null, "parentheses are not part of a CVSS vector");
        } else {
            version = CvssVersion.V2_0;
            start = 0;
        }
        CvssMetrics.Set set = CvssMetrics.of(version);
        byte[] values = new byte[set.size()];
        Arrays.fill(values, ABSENT);
        int pos = start;
        int field = 0;
        int lastIndex = -1;
        while (true) {
            int end = text.indexOf('/', pos);
            if (end < 0) {
                end = text.length();
            }
            field++;
            if (end == pos) {
                throw new CvssException(text, null, "empty field " + field + " (a doubled or trailing '/')");
            }
            int colon = text.indexOf(':', pos);
            if (colon < 0 || colon >= end) {
                String key = text.substring(pos, end);
                throw new CvssException(text, key, "field '" + key + "' has no value (expected KEY:VALUE)");
            }
            String key = text.substring(pos, colon);
            String value = text.substring(colon + 1, end);
            Metric m = set.get(key);
            if (m == null) {
                throw unknownMetric(text, version, key);
            }
            if (values[m.index()] != ABSENT) {
                throw new CvssException(text, key, "duplicate metric " + key + " (" + m.name() + ")");
            }
            int vi = m.valueIndex(value);
            if (vi < 0) {
                throw new CvssException(text, key, "invalid value '" + value + "' for metric " + key + " ("
                        + m.name() + "); allowed: " + String.join(", ", m.values()));
            }
            if (version == CvssVersion.V2_0 && m.index() < lastIndex) {
                throw new CvssException(text, key, "metric " + key + " out of order: CVSS v2 metrics follow the order "
                        + String.join("/", set.metrics.stream().map(Metric::key).toList()));
            }
            lastIndex = m.index();
            values[m.index()] = (byte) vi;
            if (end == text.length()) {
                break;
            }
            pos = end + 1;
        }
        List<String> missing = new ArrayList<>();
        for (Metric m : set.metrics) {
            if (m.mandatory() && values[m.index()] == ABSENT) {
                missing.add(m.key());
            }
        }
        if (!missing.isEmpty()) {
            throw new CvssException(text, missing.get(0), "missing mandatory metric" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing));
        }
        return new CvssVector(version, values, text);
    }

    private static CvssException unknownMetric(String text, CvssVersion version, String key) {
        if (key.startsWith("CVSS")) {
            return new CvssException(text, key, "the prefix '" + key + "' is only allowed at the start");
        }
        if (version == CvssVersion.V2_0 && (CvssMetrics.V3.get(key) != null || CvssMetrics.V4.get(key) != null)) {
            return new CvssException(text, key, "unknown CVSS v2 metric " + key
                    + "; CVSS v3 and v4 vectors must start with their prefix (CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/)");
        }
        return new CvssException(text, key, "unknown metric " + key + " for CVSS " + version.label());
    }

    public CvssVersion version() {
        return version;
    }

    /** The vector exactly as it was given to {@link #parse} (or the canonical form for a derived vector). */
    public String text() {
        return text;
    }

    /** The value of a metric, or null when the vector does not carry it. */
    public String get(String key) {
        Metric m = metric(key);
        byte v = values[m.index()];
        return v == ABSENT ? null : m.values().get(v);
    }

    /** Whether the metric is present with a value other than Not Defined ({@code X}, {@code ND}). */
    public boolean isDefined(String key) {
        String v = get(key);
        return v != null && !v.equals(metrics.notDefined);
    }

    /** Whether any metric of the group is defined. */
    boolean anyDefined(CvssMetrics.Group group) {
        for (Metric m : metrics.metrics) {
            if (m.group() == group && values[m.index()] != ABSENT && !m.values().get(values[m.index()]).equals(metrics.notDefined)) {
                return true;
            }
        }
        return false;
    }

    /**
     * This vector with one metric set (replacing any value it had).
     *
     * @throws CvssException for a metric or value the version does not have
     */
    public CvssVector with(String key, String value) {
        Metric m = metrics.get(key);
        if (m == null) {
            throw unknownMetric(toString(), version, key);
        }
        int vi = m.valueIndex(value);
        if (vi < 0) {
            throw new CvssException(toString(), key, "invalid value '" + value + "' for metric " + key + " ("
                    + m.name() + "); allowed: " + String.join(", ", m.values()));
        }
        byte[] copy = values.clone();
        copy[m.index()] = (byte) vi;
        return derived(copy);
    }

    /** This vector without the metrics of the given groups (base metrics cannot be removed). */
    CvssVector withoutGroups(CvssMetrics.Group... groups) {
        byte[] copy = values.clone();
        boolean changed = false;
        for (Metric m : metrics.metrics) {
            for (CvssMetrics.Group g : groups) {
                if (m.group() == g && g != CvssMetrics.Group.BASE && copy[m.index()] != ABSENT) {
                    copy[m.index()] = ABSENT;
                    changed = true;
                }
            }
        }
        return changed ? derived(copy) : this;
    }

    private CvssVector derived(byte[] copy) {
        CvssVector v = new CvssVector(version, copy, null);
        return new CvssVector(version, copy, v.toString());
    }

    /** Value index of a metric (see {@link CvssMetrics}), or -1 when absent. For the scorers. */
    int index(Metric m) {
        return values[m.index()];
    }

    private Metric metric(String key) {
        Metric m = metrics.get(key);
        if (m == null) {
            throw new IllegalArgumentException("CVSS " + version.label() + " has no metric " + key);
        }
        return m;
    }

    /** The canonical form: prefix, then the metrics present in the specification's order. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner("/", version == CvssVersion.V2_0 ? "" : "CVSS:" + version.label() + "/", "");
        for (Metric m : metrics.metrics) {
            if (values[m.index()] != ABSENT) {
                j.add(m.key() + ":" + m.values().get(values[m.index()]));
            }
        }
        return j.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CvssVector other && other.version == version && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return version.hashCode() * 31 + Arrays.hashCode(values);
    }
}
