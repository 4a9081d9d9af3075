package dev.mamori.advisory;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/** Classifying and ordering vulnerability ids (CVE, GHSA, JVN, distro ids…). */
final class VulnIds {
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern JVN = Pattern.compile("JVN(?:VU|TA)?#[A-Z]*\\d+|JVNDB-\\d{4}-\\d+");
    /** Letters (and digits) then '-' or '#', then no spaces: CVE-…, GHSA-…, RHSA-2021:5186, JVN#123, BIT-tomcat-…. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9]*[-#][A-Za-z0-9][A-Za-z0-9:._#/-]*");

    private VulnIds() {}

    static boolean isCve(String id) {
        return id != null && CVE.matcher(id).matches();
    }

    static boolean isJvn(String id) {
        return id != null && JVN.matcher(id).matches();
    }

    /** Whether a string looks like a vulnerability or advisory id rather than free text or a bare number. */
    static boolean looksLikeId(String s) {
        return s != null && s.length() <= 100 && ID.matcher(s).matches();
    }

    /** The id's prefix before the first '-' or '#', upper case ({@code CVE}, {@code GHSA}, {@code JVNDB}, {@code JVN}). */
    static String prefix(String id) {
        int end = 0;
        while (end < id.length() && id.charAt(end) != '-' && id.charAt(end) != '#') {
            end++;
        }
        return id.substring(0, end).toUpperCase(Locale.ROOT);
    }

    /**
     * The order in which ids are preferred as a vulnerability's canonical id: CVEs first (oldest year, then lowest
     * number), then GHSA, then other ids by prefix rank, then text.
     */
    static final Comparator<String> PREFERENCE = (a, b) -> {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (ra == 0) {
            int c = Long.compare(cveYear(a), cveYear(b));
            return c != 0 ? c : Long.compare(cveNumber(a), cveNumber(b));
        }
        return a.compareTo(b);
    };

    private static int rank(String id) {
        if (isCve(id)) {
            return 0;
        }
        return switch (prefix(id)) {
            case "GHSA" -> 1;
            case "JVNDB" -> 2;
            case "PYSEC", "GO", "RUSTSEC", "GSD", "OSV", "MAL" -> 3;
            default -> 4;
        };
    }

    private static long cveYear(String cve) {
        return Long.parseLong(cve.substring(4, 8));
    }

    private static long cveNumber(String cve) {
        String n = cve.substring(9);
        return n.length() > 18 ? Long.MAX_VALUE : Long.parseLong(n);
    }
}
