package dev.mamori.match;

import dev.mamori.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How big an upgrade is: the first of the leading numeric segments (major, minor, patch) that changes. The size of
 * the upgrade decides the size of the testing. Distro versions are judged on their upstream part (after the epoch,
 * before the Debian/RPM revision); anything whose release segments cannot be read is {@link #UNKNOWN}.
 */
public enum VersionBump {
    NONE, PATCH, MINOR, MAJOR, UNKNOWN;

    /** The bump from {@code from} to {@code to} (to is expected to be higher). */
    public static VersionBump between(VersionScheme scheme, String from, String to) {
        if (from == null || to == null) {
            return UNKNOWN;
        }
        List<Long> a = release(scheme.name(), from);
        List<Long> b = release(scheme.name(), to);
        if (a.isEmpty() || b.isEmpty()) {
            return UNKNOWN;
        }
        for (int i = 0; i < 3; i++) {
            long x = i < a.size() ? a.get(i) : 0;
            long y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return i == 0 ? MAJOR : i == 1 ? MINOR : PATCH;
            }
        }
        return scheme.compare(from, to) == 0 ? NONE : PATCH;
    }

    static List<Long> release(String scheme, String version) {
        String v = version.strip();
        if (v.startsWith("v") || v.startsWith("V")) {
            v = v.substring(1);
        }
        if (scheme.equals("deb") || scheme.equals("rpm") || scheme.equals("apk") || scheme.equals("alpm")) {
            int colon = v.indexOf(':');
            if (colon >= 0) {
                v = v.substring(colon + 1);
            }
            int dash = v.lastIndexOf('-');
            if (dash > 0) {
                v = v.substring(0, dash);
            }
        }
        if (scheme.equals("pypi")) {
            int bang = v.indexOf('!');
            if (bang >= 0) {
                v = v.substring(bang + 1);
            }
        }
        List<Long> out = new ArrayList<>();
        for (String part : v.toLowerCase(Locale.ROOT).split("[.]")) {
            int end = 0;
            while (end < part.length() && Character.isDigit(part.charAt(end))) {
                end++;
            }
            if (end == 0 || end > 18) {
                break;
            }
            out.add(Long.parseLong(part.substring(0, end)));
            if (end < part.length()) {
                break;
            }
        }
        return out;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
