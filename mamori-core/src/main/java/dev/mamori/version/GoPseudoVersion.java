package dev.mamori.version;

import java.util.List;

/**
 * Recognises Go pseudo-versions: {@code vX.0.0-yyyymmddhhmmss-abcdefabcdef},
 * {@code vX.Y.Z-pre.0.yyyymmddhhmmss-abcdefabcdef} and {@code vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdefabcdef}
 * (each optionally {@code +incompatible}). They need no special ordering: they are SemVer prereleases that
 * sort after the base version's tag and before the next release, which is what the Go toolchain intends.
 */
final class GoPseudoVersion {
    private GoPseudoVersion() {}

    static boolean is(String version) {
        SemVer v;
        try {
            v = SemverDialect.GO.parse(version);
        } catch (VersionException e) {
            return false;
        }
        List<String> pre = v.pre();
        if (pre.isEmpty()) {
            return false;
        }
        String last = pre.get(pre.size() - 1);
        int dash = last.indexOf('-');
        if (dash != 14 || !isTimestamp(last.substring(0, 14)) || !isRevision(last.substring(15))) {
            return false;
        }
        if (pre.size() == 1) {
            return v.minor().equals("0") && v.patch().equals("0");
        }
        return pre.get(pre.size() - 2).equals("0");
    }

    private static boolean isTimestamp(String s) {
        return SemVer.isNumeric(s);
    }

    private static boolean isRevision(String s) {
        if (s.length() < 12) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(SemVer.isDigit(c) || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
