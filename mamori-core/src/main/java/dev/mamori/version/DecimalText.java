package dev.mamori.version;

/**
 * Unbounded non-negative decimal numbers kept as text: ecosystems allow release numbers of any size
 * ({@code 999999999999999999999999999999}), so numbers are stored without leading zeros and compared by length,
 * then digit by digit, without allocating.
 */
final class DecimalText {
    private DecimalText() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code s} is one or more ASCII digits. */
    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII digits {@code s[from, to)} without leading zeros ("0" for zero). */
    static String normalize(String s, int from, int to) {
        int i = from;
        while (i < to - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i, to);
    }

    static String normalize(String digits) {
        return normalize(digits, 0, digits.length());
    }

    /** Compares two numbers given as normalized digit strings. */
    static int compare(String a, String b) {
        if (a.length() != b.length()) {
            return a.length() < b.length() ? -1 : 1;
        }
        int c = a.compareTo(b);
        return Integer.signum(c);
    }

    /** The normalized digit string plus one. */
    static String increment(String digits) {
        char[] out = digits.toCharArray();
        for (int i = out.length - 1; i >= 0; i--) {
            if (out[i] != '9') {
                out[i]++;
                return new String(out);
            }
            out[i] = '0';
        }
        return "1" + new String(out);
    }

    static boolean isZero(String normalized) {
        return normalized.length() == 1 && normalized.charAt(0) == '0';
    }
}
