package dev.mamori.version;

/** JavaScript's notion of whitespace ({@code \s}, {@code String.prototype.trim}), which node-semver relies on. */
final class JsWhitespace {
    private JsWhitespace() {}

    static boolean is(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
                    '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && is(s.charAt(start))) {
            start++;
        }
        while (end > start && is(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Trims, then replaces every run of whitespace with one space. */
    static String collapse(String s) {
        String t = trim(s);
        StringBuilder b = new StringBuilder(t.length());
        boolean inSpace = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (is(c)) {
                if (!inSpace) {
                    b.append(' ');
                }
                inSpace = true;
            } else {
                b.append(c);
                inSpace = false;
            }
        }
        return b.toString();
    }
}
