package dev.mamori.purl;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as the purl specification uses it: everything but ASCII letters, digits, {@code . - _ ~} and
 * {@code :} is encoded as {@code %XX} of its UTF-8 bytes, with upper-case hex. Decoding is strict: a {@code %}
 * not followed by two hex digits, or bytes that are not UTF-8, are errors. {@code +} is a plain character.
 */
final class PercentCoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCoding() {}

    static String encode(String s) {
        int i = 0;
        while (i < s.length() && isUnencoded(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (byte b : s.substring(i).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && isUnencoded((char) c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    static boolean isUnencoded(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '-' || c == '_' || c == '~' || c == ':';
    }

    /**
     * Decodes {@code %XX} sequences.
     *
     * @param component the purl component the text belongs to, named in the error message
     */
    static String decode(String s, String component) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            int pct = s.indexOf('%', i);
            if (pct < 0) {
                bytes.writeBytes(s.substring(i).getBytes(StandardCharsets.UTF_8));
                break;
            }
            bytes.writeBytes(s.substring(i, pct).getBytes(StandardCharsets.UTF_8));
            int hi = pct + 1 < s.length() ? hex(s.charAt(pct + 1)) : -1;
            int lo = pct + 2 < s.length() ? hex(s.charAt(pct + 2)) : -1;
            if (hi < 0 || lo < 0) {
                throw new PurlException(component, "invalid percent-encoding in " + component + " '" + s + "'");
            }
            bytes.write(hi << 4 | lo);
            i = pct + 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new PurlException(component, "percent-encoded bytes in " + component + " '" + s + "' are not UTF-8");
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
