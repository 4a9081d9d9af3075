package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PyPI version that is not PEP 440, ordered as packaging 21.3's {@code LegacyVersion} orders it (the scheme
 * setuptools used before PEP 440; OSV's PyPI ecosystem and pip before 24.1 still parse versions this way).
 *
 * <p>The key: the text is lower-cased and cut into runs of digits, runs of ASCII letters {@code a-z}, single
 * {@code .} and {@code -}, and runs of anything else. {@code pre}, {@code preview} and {@code rc} become
 * {@code c}, {@code dev} becomes {@code @} and {@code -} becomes {@code final-}; dots are dropped; a part starting
 * with an ASCII digit is left-padded with zeros to eight characters, every other part gets a {@code *} prefix, and
 * {@code *final} closes the list. Before a {@code *} part is appended, the zero parts ({@code 00000000}) just
 * before it are dropped and, when the part sorts below {@code *final}, so are the {@code *final-} parts before it.
 * Keys compare part by part as strings in code point order (so padded numbers longer than eight digits compare
 * as text, as in packaging), a shorter key first when it is a prefix of the other. Every legacy version has epoch
 * -1 and so sorts below every PEP 440 version.
 *
 * <p>Text is never stripped: packaging keeps surrounding white space in a legacy version. Blank text is not a
 * version. Text that packaging reads as PEP 440 only through Unicode case folding ({@code 1.0.poſt1}, see
 * {@link PypiVersion}) is rejected rather than ordered as legacy, since packaging would not order it so.
 */
final class PypiLegacyVersion implements Comparable<PypiLegacyVersion> {
    private static final String FINAL = "*final";
    private static final String FINAL_DASH = "*final-";
    private static final String ZERO = "00000000";

    private final String text;
    private final String[] key;

    private PypiLegacyVersion(String text, String[] key) {
        this.text = text;
        this.key = key;
    }

    /**
     * The legacy version of text that {@link PypiVersion#tryParse} refused.
     *
     * @throws VersionException for blank text and for text that is PEP 440 under packaging's Unicode case folding
     */
    static PypiLegacyVersion parse(String text) {
        if (text == null || isBlank(text)) {
            throw new VersionException("empty PyPI version");
        }
        if (pep440ByCaseFolding(text)) {
            throw new VersionException("not a PyPI version Mamori orders: '" + text
                    + "' is PEP 440 only through Unicode case folding of a non-ASCII letter");
        }
        return new PypiLegacyVersion(text, key(text));
    }

    /** The text as written (packaging's {@code str(LegacyVersion)}). */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public int compareTo(PypiLegacyVersion o) {
        int n = Math.min(key.length, o.key.length);
        for (int i = 0; i < n; i++) {
            int c = compareCodePoints(key[i], o.key[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(key.length, o.key.length);
    }

    private static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!PypiVersion.isPythonSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether packaging's IGNORECASE match would accept the text as PEP 440 ({@code ſ ı İ K} match ASCII). */
    private static boolean pep440ByCaseFolding(String text) {
        boolean folded = false;
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char f = switch (chars[i]) {
                case '\u017f' -> 's';
                case '\u0131', '\u0130' -> 'i';
                case '\u212a' -> 'k';
                default -> chars[i];
            };
            folded |= f != chars[i];
            chars[i] = f;
        }
        return folded && PypiVersion.tryParse(new String(chars)) != null;
    }

    private static String[] key(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> parts = new ArrayList<>();
        int i = 0;
        int end = lower.length();
        while (i < end) {
            Kind kind = kind(lower.codePointAt(i));
            int j = kind == null ? i + 1 : runEnd(lower, i, kind);
            String token = lower.substring(i, j);
            if (!token.equals(".")) {
                add(parts, part(token));
            }
            i = j;
        }
        add(parts, FINAL);
        return parts.toArray(new String[0]);
    }

    /** Runs of Unicode decimal digits ({@code \d}), of ASCII {@code a-z}, of anything else; null for . and -. */
    private enum Kind { DIGIT, LETTER, OTHER }

    private static Kind kind(int cp) {
        if (Character.isDigit(cp)) {
            return Kind.DIGIT;
        }
        if (cp >= 'a' && cp <= 'z') {
            return Kind.LETTER;
        }
        return cp == '.' || cp == '-' ? null : Kind.OTHER;
    }

    private static int runEnd(String s, int from, Kind kind) {
        int i = from;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (kind(cp) != kind) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** One token's key part: replaced words, zero-filled numbers, {@code *}-prefixed text. */
    private static String part(String token) {
        String mapped = switch (token) {
            case "pre", "preview", "rc" -> "c";
            case "-" -> "final-";
            case "dev" -> "@";
            default -> token;
        };
        char first = mapped.charAt(0);
        return first >= '0' && first <= '9' ? zeroFill(mapped) : "*" + mapped;
    }

    /** Appends a key part with packaging's pruning of the parts before it. */
    private static void add(List<String> parts, String part) {
        if (part.charAt(0) == '*') {
            if (compareCodePoints(part, FINAL) < 0) {
                while (!parts.isEmpty() && parts.getLast().equals(FINAL_DASH)) {
                    parts.removeLast();
                }
            }
            while (!parts.isEmpty() && parts.getLast().equals(ZERO)) {
                parts.removeLast();
            }
        }
        parts.add(part);
    }

    /** Python's {@code str.zfill(8)}: zeros on the left up to eight code points. */
    private static String zeroFill(String digits) {
        int missing = 8 - digits.codePointCount(0, digits.length());
        return missing <= 0 ? digits : "0".repeat(missing) + digits;
    }

    /** String order by code point, as Python compares {@code str} (UTF-16 order differs above U+FFFF). */
    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= '\ud800' && y >= '\ud800') {
                    return Integer.compare(codePointRank(x), codePointRank(y));
                }
                return Integer.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Moves surrogates above U+E000..U+FFFF so that UTF-16 units sort in code point order. */
    private static int codePointRank(char c) {
        return c >= '\ue000' ? c - 0x800 : c + 0x2000;
    }
}
