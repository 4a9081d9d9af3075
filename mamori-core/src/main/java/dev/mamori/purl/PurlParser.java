package dev.mamori.purl;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TreeMap;

/** Parsing and canonical formatting of package URLs, per the purl specification. */
final class PurlParser {
    private PurlParser() {}

    static Purl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new PurlException("empty purl");
        }
        String rest = text.strip();
        // subpath
        String subpath = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            subpath = normaliseSubpath(rest.substring(hash + 1));
            rest = rest.substring(0, hash);
        }
        // qualifiers
        TreeMap<String, String> qualifiers = new TreeMap<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            for (String pair : rest.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new PurlException("qualifier without a key or '=': " + pair);
                }
                String key = pair.substring(0, eq).toLowerCase(Locale.ROOT);
                if (!key.matches("[a-z0-9.\\-_]+") || Character.isDigit(key.charAt(0))) {
                    throw new PurlException("invalid qualifier key: " + key);
                }
                String value = Purl.decode(pair.substring(eq + 1));
                if (!value.isEmpty()) {
                    if (qualifiers.put(key, value) != null) {
                        throw new PurlException("duplicate qualifier: " + key);
                    }
                }
            }
            rest = rest.substring(0, question);
        }
        // scheme
        int colon = rest.indexOf(':');
        if (colon < 0 || !rest.substring(0, colon).equalsIgnoreCase("pkg")) {
            throw new PurlException("a purl starts with 'pkg:'");
        }
        rest = rest.substring(colon + 1);
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        // version
        String version = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            version = Purl.decode(rest.substring(at + 1));
            rest = rest.substring(0, at);
            if (version.isEmpty()) {
                throw new PurlException("empty version after '@'");
            }
        }
        // type
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new PurlException("a purl needs a type and a name");
        }
        String type = rest.substring(0, slash).toLowerCase(Locale.ROOT);
        if (!type.matches("[a-z.\\-+][a-z0-9.\\-+]*")) {
            throw new PurlException("invalid type: " + type);
        }
        rest = rest.substring(slash + 1);
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int lastSlash = rest.lastIndexOf('/');
        String name = Purl.decode(lastSlash >= 0 ? rest.substring(lastSlash + 1) : rest);
        String namespace = null;
        if (lastSlash >= 0) {
            StringBuilder ns = new StringBuilder();
            for (String segment : rest.substring(0, lastSlash).split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                if (!ns.isEmpty()) {
                    ns.append('/');
                }
                ns.append(Purl.decode(segment));
            }
            namespace = ns.isEmpty() ? null : ns.toString();
        }
        if (name.isEmpty()) {
            throw new PurlException("a purl needs a name");
        }
        return PurlTypes.normalise(new Purl(type, namespace, name, version, qualifiers, subpath));
    }

    private static String normaliseSubpath(String raw) {
        StringBuilder out = new StringBuilder();
        for (String segment : raw.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(Purl.decode(segment));
        }
        return out.isEmpty() ? null : out.toString();
    }

    static String canonical(Purl purl) {
        StringBuilder out = new StringBuilder("pkg:").append(purl.type()).append('/');
        if (purl.namespace() != null) {
            for (String segment : purl.namespace().split("/")) {
                out.append(encode(segment, false)).append('/');
            }
        }
        out.append(encode(purl.name(), false));
        if (purl.version() != null) {
            out.append('@').append(encode(purl.version(), false));
        }
        if (!purl.qualifiers().isEmpty()) {
            out.append('?');
            boolean first = true;
            for (var e : purl.qualifiers().entrySet()) {
                if (!first) {
                    out.append('&');
                }
                first = false;
                out.append(e.getKey()).append('=').append(encode(e.getValue(), true));
            }
        }
        if (purl.subpath() != null) {
            out.append('#');
            String[] segments = purl.subpath().split("/");
            for (int i = 0; i < segments.length; i++) {
                if (i > 0) {
                    out.append('/');
                }
                out.append(encode(segments[i], false));
            }
        }
        return out.toString();
    }

    /** Percent-encodes everything but unreserved characters (and ':' which purl leaves alone; '/' in qualifier values). */
    static String encode(String s, boolean qualifierValue) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '~' || c == ':' || (qualifierValue && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
