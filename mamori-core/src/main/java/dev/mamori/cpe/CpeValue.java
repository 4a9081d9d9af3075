package dev.mamori.cpe;

import java.util.Objects;

/**
 * One attribute value of a well-formed CPE name (NISTIR 7695 §5): the logical value ANY or NA, or a value string.
 *
 * <p>A value string is held in WFN form: ASCII letters, digits and {@code _} as is, every other printable
 * character quoted with a backslash ({@code 8\.0\.6001}), and the wildcards {@code *} (any run of characters) and
 * {@code ?} (one character) unquoted, only at the beginning or end. {@link #text()} gives the unquoted text.
 */
public final class CpeValue {
    public enum Kind { ANY, NA, VALUE }

    public static final CpeValue ANY = new CpeValue(Kind.ANY, null, null, null, 0, 0, false);
    public static final CpeValue NA = new CpeValue(Kind.NA, null, null, null, 0, 0, false);

    private final Kind kind;
    private final String wfn;
    private final String text;
    /** Lower-case text between the leading and trailing wildcards, for matching. */
    private final String core;
    /** -1 for a leading '*', else the number of leading '?'. */
    private final int begins;
    /** -1 for a trailing '*', else the number of trailing '?'. */
    private final int ends;
    private final boolean wildcards;

    private CpeValue(Kind kind, String wfn, String text, String core, int begins, int ends, boolean wildcards) {
        this.kind = kind;
        this.wfn = wfn;
        this.text = text;
        this.core = core;
        this.begins = begins;
        this.ends = ends;
        this.wildcards = wildcards;
    }

    /**
     * A value string without wildcards from plain text: every character other than letters, digits and
     * {@code _} is quoted. Null gives ANY.
     *
     * @throws CpeException for empty text, whitespace or characters outside printable ASCII
     */
    public static CpeValue literal(String text) {
        if (text == null) {
            return ANY;
        }
        StringBuilder w = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isWordChar(c)) {
                w.append('\\');
            }
            w.append(c);
        }
        return wfn(w.toString(), null);
    }

    /**
     * A value from its WFN form ({@code "8\.0\.6001"}, {@code "events_calendar*"}); {@code ANY}/{@code NA} are
     * not strings here, use the constants.
     *
     * @throws CpeException when the string breaks the WFN rules of NISTIR 7695 §5.3.2
     */
    public static CpeValue wfn(String wfn) {
        return wfn(wfn, null);
    }

    /** As {@link #wfn(String)}, naming the attribute in errors. */
    static CpeValue wfn(String wfn, String attribute) {
        Objects.requireNonNull(wfn, "wfn");
        String where = attribute == null ? "value" : attribute;
        int n = wfn.length();
        if (n == 0) {
            throw new CpeException(attribute, "empty " + where + " (use ANY or NA)");
        }
        StringBuilder canonical = new StringBuilder(n);
        StringBuilder text = new StringBuilder(n);
        // positions (in text) of unquoted wildcards
        int leadingQ = 0;
        boolean leadingStar = false;
        int trailingQ = 0;
        boolean trailingStar = false;
        boolean seenLiteral = false;
        boolean afterTrailingWildcard = false;
        int i = 0;
        while (i < n) {
            char c = wfn.charAt(i);
            checkPrintable(c, wfn, where, attribute);
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new CpeException(attribute, "trailing backslash in " + where + " '" + wfn + "'");
                }
                char q = wfn.charAt(i + 1);
                checkPrintable(q, wfn, where, attribute);
                if (afterTrailingWildcard) {
                    throw new CpeException(attribute, "wildcard embedded in " + where + " '" + wfn
                            + "': '*' and '?' may appear only at the beginning or end");
                }
                if (isWordChar(q)) {
                    canonical.append(q); // quoting a letter, digit or '_' is redundant
                } else {
                    canonical.append('\\').append(q);
                }
                text.append(q);
                seenLiteral = true;
                i += 2;
                continue;
            }
            if (c == '*' || c == '?') {
                if (!seenLiteral) {
                    if (c == '*') {
                        if (leadingStar || leadingQ > 0) {
                            throw new CpeException(attribute, "invalid wildcard run in " + where + " '" + wfn + "'");
                        }
                        leadingStar = true;
                    } else {
                        if (leadingStar) {
                            throw new CpeException(attribute, "invalid wildcard run in " + where + " '" + wfn + "'");
                        }
                        leadingQ++;
                    }
                } else {
                    if (c == '*') {
                        if (trailingStar || trailingQ > 0) {
                            throw new CpeException(attribute, "invalid wildcard run in " + where + " '" + wfn + "'");
                        }
                        trailingStar = true;
                    } else {
                        if (trailingStar) {
                            throw new CpeException(attribute, "invalid wildcard run in " + where + " '" + wfn + "'");
                        }
                        trailingQ++;
                    }
                    afterTrailingWildcard = true;
                }
                canonical.append(c);
                text.append(c);
                i++;
                continue;
            }
            if (!isWordChar(c)) {
                throw new CpeException(attribute, "unquoted '" + c + "' in " + where + " '" + wfn
                        + "': WFN values quote every character other than letters, digits and '_'");
            }
            if (afterTrailingWildcard) {
                throw new CpeException(attribute, "wildcard embedded in " + where + " '" + wfn
                        + "': '*' and '?' may appear only at the beginning or end");
            }
            canonical.append(c);
            text.append(c);
            seenLiteral = true;
            i++;
        }
        if (!seenLiteral) {
            if (leadingStar && leadingQ == 0) {
                return ANY; // a lone '*' is the logical value ANY
            }
            throw new CpeException(attribute, where + " '" + wfn + "' has no character besides wildcards");
        }
        String t = text.toString();
        int coreStart = leadingStar ? 1 : leadingQ;
        int coreEnd = t.length() - (trailingStar ? 1 : trailingQ);
        return new CpeValue(Kind.VALUE, canonical.toString(), t, lower(t.substring(coreStart, coreEnd)),
                leadingStar ? -1 : leadingQ, trailingStar ? -1 : trailingQ,
                leadingStar || trailingStar || leadingQ > 0 || trailingQ > 0);
    }

    private static void checkPrintable(char c, String wfn, String where, String attribute) {
        if (c < 0x21 || c > 0x7E) {
            throw new CpeException(attribute, "character U+" + String.format("%04X", (int) c) + " in " + where + " '"
                    + wfn + "': CPE values are printable ASCII without whitespace");
        }
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] a = s.toCharArray();
                for (int j = i; j < a.length; j++) {
                    if (a[j] >= 'A' && a[j] <= 'Z') {
                        a[j] = (char) (a[j] + 32);
                    }
                }
                return new String(a);
            }
        }
        return s;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isAny() {
        return kind == Kind.ANY;
    }

    public boolean isNa() {
        return kind == Kind.NA;
    }

    /** True for a value string (not ANY or NA). */
    public boolean isValue() {
        return kind == Kind.VALUE;
    }

    /** True when the value string has unquoted {@code *} or {@code ?}. */
    public boolean hasWildcards() {
        return wildcards;
    }

    /** The WFN form (quoted), or null for ANY and NA. */
    public String wfn() {
        return wfn;
    }

    /** The unquoted text (wildcards shown as {@code *} and {@code ?}), or null for ANY and NA. */
    public String text() {
        return text;
    }

    String core() {
        return core;
    }

    int begins() {
        return begins;
    }

    int ends() {
        return ends;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpeValue v && kind == v.kind && Objects.equals(wfn, v.wfn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, wfn);
    }

    /** ANY, NA, or the WFN form in double quotes, as NISTIR 7695 writes WFNs. */
    @Override
    public String toString() {
        return switch (kind) {
            case ANY -> "ANY";
            case NA -> "NA";
            case VALUE -> "\"" + wfn + "\"";
        };
    }
}
