package dev.mamori.cpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The two CPE 2.3 bindings of NISTIR 7695 §6: the formatted string ({@code cpe:2.3:a:vendor:product:…}, 11
 * attributes, {@code \}-quoting) and the URI ({@code cpe:/a:vendor:product:…}, 7 components, percent-encoding,
 * the five 2.3 attributes packed into the edition with {@code ~}).
 */
final class CpeBinding {
    static final String[] ATTRIBUTES = {"part", "vendor", "product", "version", "update", "edition", "language",
            "sw_edition", "target_sw", "target_hw", "other"};
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-([A-Za-z]{2}|[0-9]{3}))?");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CpeBinding() {}

    // ---------------------------------------------------------------- formatted string

    static Cpe unbindFs(String fs) {
        if (fs.length() < 8 || !fs.regionMatches(true, 0, "cpe:2.3:", 0, 8)) {
            throw new CpeException("prefix", "a CPE 2.3 formatted string starts with 'cpe:2.3:': '" + fs + "'");
        }
        List<String> fields = new ArrayList<>(11);
        int start = 8;
        for (int i = 8; i < fs.length(); i++) {
            char c = fs.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ':') {
                fields.add(fs.substring(start, i));
                start = i + 1;
            }
        }
        fields.add(fs.substring(start));
        if (fields.size() != 11) {
            String missing = fields.size() < 11 ? ATTRIBUTES[fields.size()] : "other";
            throw new CpeException(missing, "a CPE 2.3 formatted string has 11 attributes after 'cpe:2.3:', got "
                    + fields.size() + ": '" + fs + "'");
        }
        CpeValue[] values = new CpeValue[11];
        for (int a = 0; a < 11; a++) {
            values[a] = unbindValueFs(fields.get(a), ATTRIBUTES[a], fs);
        }
        return Cpe.fromValues(values);
    }

    /** NISTIR 7695 §6.2.3.2 unbind_value_fs: '*' is ANY, '-' NA, other punctuation gets quoted. */
    private static CpeValue unbindValueFs(String s, String attribute, String fs) {
        if (s.isEmpty()) {
            throw new CpeException(attribute, "empty " + attribute + " in '" + fs + "' (use * or -)");
        }
        if (s.equals("*")) {
            return CpeValue.ANY;
        }
        if (s.equals("-")) {
            return CpeValue.NA;
        }
        StringBuilder w = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (CpeValue.isWordChar(c) || c == '*' || c == '?') {
                w.append(c); // wildcard placement is checked by CpeValue
            } else if (c == '\\') {
                w.append(c);
                if (i + 1 < s.length()) {
                    w.append(s.charAt(++i));
                }
            } else {
                w.append('\\').append(c);
            }
        }
        return CpeValue.wfn(w.toString(), attribute);
    }

    static String bindFs(Cpe cpe) {
        StringBuilder out = new StringBuilder(64).append("cpe:2.3");
        for (CpeValue v : cpe.values()) {
            out.append(':').append(bindValueFs(v));
        }
        return out.toString();
    }

    /** NISTIR 7695 §6.2.2.2: quoted '.', '-' and '_' are written bare, other quoting is kept. */
    static String bindValueFs(CpeValue v) {
        if (v.isAny()) {
            return "*";
        }
        if (v.isNa()) {
            return "-";
        }
        String w = v.wfn();
        if (w.equals("\\-")) {
            return "\\-"; // a bare '-' would read back as NA
        }
        StringBuilder out = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == '\\') {
                char q = w.charAt(++i);
                if (q != '.' && q != '-' && q != '_') {
                    out.append('\\');
                }
                out.append(q);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- URI

    static Cpe unbindUri(String uri) {
        if (uri.length() < 5 || !uri.regionMatches(true, 0, "cpe:/", 0, 5)) {
            throw new CpeException("prefix", "a CPE URI starts with 'cpe:/': '" + uri + "'");
        }
        String[] parts = uri.substring(5).split(":", -1);
        if (parts.length > 7) {
            throw new CpeException("language", "a CPE URI has at most 7 components (part … language), got "
                    + parts.length + ": '" + uri + "'");
        }
        CpeValue[] values = new CpeValue[11];
        Arrays.fill(values, CpeValue.ANY);
        for (int i = 0; i < parts.length; i++) {
            String comp = parts[i];
            if (i == 5 && comp.startsWith("~")) {
                String[] packed = comp.split("~", -1);
                if (packed.length != 6) {
                    throw new CpeException("edition", "a packed CPE URI edition has five '~'-separated fields "
                            + "(~edition~sw_edition~target_sw~target_hw~other), got '" + comp + "' in '" + uri + "'");
                }
                values[5] = decodeUri(packed[1], "edition", uri);
                values[7] = decodeUri(packed[2], "sw_edition", uri);
                values[8] = decodeUri(packed[3], "target_sw", uri);
                values[9] = decodeUri(packed[4], "target_hw", uri);
                values[10] = decodeUri(packed[5], "other", uri);
            } else {
                values[i] = decodeUri(comp, ATTRIBUTES[i], uri);
            }
        }
        return Cpe.fromValues(values);
    }

    /** NISTIR 7695 §6.1.3.2 decode: lowercase, '.' '-' '~' quoted, %01 '?', %02 '*', %xx a quoted character. */
    private static CpeValue decodeUri(String s, String attribute, String uri) {
        if (s.isEmpty()) {
            return CpeValue.ANY;
        }
        if (s.equals("-")) {
            return CpeValue.NA;
        }
        String lower = CpeValue.lower(s);
        StringBuilder w = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '.' || c == '-' || c == '~') {
                w.append('\\').append(c);
            } else if (CpeValue.isWordChar(c)) {
                w.append(c);
            } else if (c == '%') {
                int hi = i + 1 < lower.length() ? hex(lower.charAt(i + 1)) : -1;
                int lo = i + 2 < lower.length() ? hex(lower.charAt(i + 2)) : -1;
                if (hi < 0 || lo < 0) {
                    throw new CpeException(attribute, "invalid percent-encoding in " + attribute + " '" + s + "' of '"
                            + uri + "'");
                }
                int b = hi << 4 | lo;
                i += 2;
                if (b == 0x01) {
                    w.append('?');
                } else if (b == 0x02) {
                    w.append('*');
                } else if (b < 0x21 || b > 0x7E) {
                    throw new CpeException(attribute, "percent-encoded %" + lower.substring(i - 1, i + 1)
                            + " in " + attribute + " of '" + uri + "' is not printable ASCII");
                } else if (CpeValue.isWordChar((char) b)) {
                    w.append(CpeValue.lower(String.valueOf((char) b)));
                } else {
                    w.append('\\').append((char) b);
                }
            } else {
                throw new CpeException(attribute, "character '" + c + "' in " + attribute + " '" + s + "' of '" + uri
                        + "' must be percent-encoded in a CPE URI");
            }
        }
        return CpeValue.wfn(w.toString(), attribute);
    }

    static String bindUri(Cpe cpe) {
        CpeValue[] v = cpe.values();
        StringBuilder out = new StringBuilder(64).append("cpe:/");
        for (int i = 0; i < 5; i++) {
            out.append(bindValueUri(v[i])).append(':');
        }
        if (v[7].isAny() && v[8].isAny() && v[9].isAny() && v[10].isAny()) {
            out.append(bindValueUri(v[5]));
        } else {
            out.append('~').append(bindValueUri(v[5])).append('~').append(bindValueUri(v[7]))
                    .append('~').append(bindValueUri(v[8])).append('~').append(bindValueUri(v[9]))
                    .append('~').append(bindValueUri(v[10]));
        }
        out.append(':').append(bindValueUri(v[6]));
        int end = out.length();
        while (out.charAt(end - 1) == ':') {
            end--;
        }
        out.setLength(end);
        return out.toString();
    }

    /** NISTIR 7695 §6.1.2.3 transform_for_uri: quoted characters percent-encoded except '.' and '-'. */
    static String bindValueUri(CpeValue v) {
        if (v.isAny()) {
            return "";
        }
        if (v.isNa()) {
            return "-";
        }
        String w = v.wfn();
        if (w.equals("\\-")) {
            return "%2d"; // a bare '-' would read back as NA
        }
        StringBuilder out = new StringBuilder(w.length() + 8);
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == '\\') {
                char q = w.charAt(++i);
                if (q == '.' || q == '-') {
                    out.append(q);
                } else {
                    out.append('%').append(HEX[q >> 4]).append(HEX[q & 0xF]);
                }
            } else if (c == '?') {
                out.append("%01");
            } else if (c == '*') {
                out.append("%02");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- WFN

    static String toWfn(Cpe cpe) {
        StringBuilder out = new StringBuilder(96).append("wfn:[");
        CpeValue[] v = cpe.values();
        for (int i = 0; i < 11; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(ATTRIBUTES[i]).append('=').append(v[i]);
        }
        return out.append(']').toString();
    }

    // ---------------------------------------------------------------- checks shared by both bindings

    static CpeValue checkPart(CpeValue part) {
        if (part.isValue()) {
            String t = CpeValue.lower(part.text());
            if (!t.equals("a") && !t.equals("o") && !t.equals("h")) {
                throw new CpeException("part", "part must be a, o or h (or ANY, NA), got '" + part.text() + "'");
            }
            return t.equals(part.text()) ? part : CpeValue.wfn(t, "part");
        }
        return part;
    }

    static void checkLanguage(CpeValue language) {
        if (language.isValue() && (language.hasWildcards() || !LANGUAGE.matcher(language.text()).matches())) {
            throw new CpeException("language", "language must be an RFC 5646 tag such as en or en-us (or ANY, NA), got '"
                    + language.text() + "'");
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
