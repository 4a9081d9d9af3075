package dev.mamori.purl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parsing, building and canonical formatting of package URLs per the purl specification (ECMA-427) and the
 * purl-spec type definitions.
 *
 * <p>Parsing reads the string right to left: {@code #subpath}, {@code ?qualifiers}, {@code scheme:}, {@code type/},
 * {@code @version} (the last {@code @} of the last path segment, so an unencoded npm scope "@babel/core" is a
 * namespace, and "node@20@20.10.0" has the name "node@20"), then name and namespace. The lenient mode accepts what
 * the specification's "recommended" tests normalise (upper-case qualifier keys are lowercased); the strict mode
 * rejects qualifier keys that are not lower case, as ECMA-427 requires ("The key shall be composed only of
 * lowercase ASCII letters ...").
 */
final class PurlParser {
    private PurlParser() {}

    static Purl parse(String text, boolean strict) {
        if (text == null) {
            throw new PurlException("scheme", "null purl");
        }
        String rest = strict ? text : text.strip();
        if (rest.isEmpty()) {
            throw new PurlException("scheme", "empty purl");
        }

        // subpath: right of the last '#'; empty, '.' and '..' segments are discarded before decoding
        List<String> subpath = new ArrayList<>();
        int hash = rest.lastIndexOf('#');
        if (hash >= 0) {
            for (String segment : rest.substring(hash + 1).split("/")) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    continue;
                }
                String decoded = PercentCoding.decode(segment, "subpath");
                if (decoded.indexOf('/') >= 0) {
                    throw new PurlException("subpath", "a subpath segment must not contain an encoded '/': '"
                            + segment + "'");
                }
                subpath.add(decoded);
            }
            rest = rest.substring(0, hash);
        }

        // qualifiers: right of the first '?' (neither type, namespace, name nor version may hold an unencoded '?',
        // so for a valid purl this is the spec's split from the right; sloppy URLs in values stay in their value)
        List<String[]> qualifiers = new ArrayList<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            for (String pair : rest.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new PurlException("qualifiers", "qualifier '" + pair + "' has no '='");
                }
                qualifiers.add(new String[] {pair.substring(0, eq),
                        PercentCoding.decode(pair.substring(eq + 1), "qualifiers")});
            }
            rest = rest.substring(0, question);
        }

        // scheme
        int colon = rest.indexOf(':');
        if (colon < 0 || !rest.substring(0, colon).equalsIgnoreCase("pkg")) {
            throw new PurlException("scheme", "a purl starts with 'pkg:': '" + text + "'");
        }
        rest = rest.substring(colon + 1);
        int start = 0;
        while (start < rest.length() && rest.charAt(start) == '/') {
            start++;
        }
        rest = rest.substring(start);

        // type
        int slash = rest.indexOf('/');
        if (slash < 0) {
            if (rest.isEmpty() || isValidType(rest.toLowerCase(Locale.ROOT))) {
                throw new PurlException("name", "a purl needs a type and a name: '" + text + "'");
            }
            throw new PurlException("type", "a purl needs a type followed by '/': '" + text + "'");
        }
        String type = rest.substring(0, slash);
        rest = rest.substring(slash + 1);

        // version: right of the last '@' in the last path segment
        String version = null;
        int lastSlash = rest.lastIndexOf('/');
        int at = rest.lastIndexOf('@');
        if (at > lastSlash) {
            version = PercentCoding.decode(rest.substring(at + 1), "version");
            if (version.isEmpty()) {
                throw new PurlException("version", "empty version after '@': '" + text + "'");
            }
            rest = rest.substring(0, at);
        }

        // name and namespace
        type = checkType(type);
        String[] segments = rest.split("/", -1);
        List<String> path = new ArrayList<>();
        for (int i = 0; i < segments.length - 1; i++) {
            if (!segments[i].isEmpty()) {
                path.add(decodeSegment(segments[i], "namespace"));
            }
        }
        String name = PercentCoding.decode(segments[segments.length - 1], "name");
        List<String> namespace = path;
        if (PurlTypes.nameSpansSegments(type) && path.size() > 1 && !name.isEmpty()) {
            namespace = path.subList(0, 1);
            name = String.join("/", path.subList(1, path.size())) + "/" + name;
        }
        return assemble(type, namespace, name, version, qualifiers, subpath.isEmpty() ? null : String.join("/", subpath),
                strict);
    }

    /** Builds a purl from decoded components, validating and normalising them as parsing does. */
    static Purl build(String type, String namespace, String name, String version, Map<String, String> qualifiers,
                      String subpath) {
        if (type == null || type.isEmpty()) {
            throw new PurlException("type", "a purl needs a type");
        }
        String t = checkType(type);
        List<String> ns = new ArrayList<>();
        if (namespace != null) {
            for (String segment : namespace.split("/")) {
                if (!segment.isEmpty()) {
                    ns.add(segment);
                }
            }
        }
        List<String[]> pairs = new ArrayList<>();
        if (qualifiers != null) {
            for (var e : qualifiers.entrySet()) {
                if (e.getKey() == null) {
                    throw new PurlException("qualifiers", "null qualifier key");
                }
                pairs.add(new String[] {e.getKey(), e.getValue()});
            }
        }
        String sp = null;
        if (subpath != null) {
            List<String> segments = new ArrayList<>();
            for (String segment : subpath.split("/")) {
                if (!segment.isEmpty() && !segment.equals(".") && !segment.equals("..")) {
                    segments.add(segment);
                }
            }
            sp = segments.isEmpty() ? null : String.join("/", segments);
        }
        String v = version == null || version.isEmpty() ? null : version;
        return assemble(t, ns, name == null ? "" : name, v, pairs, sp, false);
    }

    private static Purl assemble(String type, List<String> namespace, String name, String version,
                                 List<String[]> qualifierPairs, String subpath, boolean strict) {
        if (name.isEmpty()) {
            throw new PurlException("name", "a " + type + " purl needs a name");
        }
        TreeMap<String, String> qualifiers = new TreeMap<>();
        for (String[] pair : qualifierPairs) {
            String key = pair[0];
            String lowerKey = key.toLowerCase(Locale.ROOT);
            if (strict && !key.equals(lowerKey)) {
                throw new PurlException("qualifiers", "qualifier key '" + key + "' is not lower case");
            }
            if (!isValidQualifierKey(lowerKey)) {
                throw new PurlException("qualifiers", "invalid qualifier key '" + key
                        + "': ASCII letters, digits, '.', '-' and '_' only, not starting with a digit");
            }
            if (qualifiers.containsKey(lowerKey)) {
                throw new PurlException("qualifiers", "duplicate qualifier key '" + lowerKey + "'");
            }
            String value = pair[1];
            if (value != null && !value.isEmpty()) {
                qualifiers.put(lowerKey, value);
            } else {
                qualifiers.put(lowerKey, null); // remembered for the duplicate check, dropped below
            }
        }
        qualifiers.values().removeIf(v -> v == null);
        return PurlTypes.normalise(type, namespace, name, version, qualifiers, subpath, strict);
    }

    private static String decodeSegment(String raw, String component) {
        String decoded = PercentCoding.decode(raw, component);
        if (decoded.indexOf('/') >= 0) {
            throw new PurlException(component, "a " + component + " segment must not contain an encoded '/': '"
                    + raw + "'");
        }
        return decoded;
    }

    private static String checkType(String raw) {
        String type = raw.toLowerCase(Locale.ROOT);
        if (!isValidType(type)) {
            throw new PurlException("type", "invalid type '" + raw
                    + "': ASCII letters, digits, '.', '+' and '-' only, starting with a letter");
        }
        return type;
    }

    private static boolean isValidType(String type) {
        if (type.isEmpty() || !(type.charAt(0) >= 'a' && type.charAt(0) <= 'z')) {
            return false;
        }
        for (int i = 1; i < type.length(); i++) {
            char c = type.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidQualifierKey(String key) {
        if (key.isEmpty() || (key.charAt(0) >= '0' && key.charAt(0) <= '9')) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The canonical string form. */
    static String canonical(Purl purl) {
        StringBuilder out = new StringBuilder(64).append("pkg:").append(purl.type()).append('/');
        if (purl.namespace() != null) {
            appendSegments(out, purl.namespace());
            out.append('/');
        }
        if (PurlTypes.nameSpansSegments(purl.type())) {
            appendSegments(out, purl.name());
        } else {
            out.append(PercentCoding.encode(purl.name()));
        }
        if (purl.version() != null) {
            out.append('@').append(PercentCoding.encode(purl.version()));
        }
        boolean first = true;
        for (var e : purl.qualifiers().entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            out.append(first ? '?' : '&').append(e.getKey()).append('=').append(PercentCoding.encode(e.getValue()));
            first = false;
        }
        if (purl.subpath() != null) {
            int mark = out.length();
            out.append('#');
            boolean any = false;
            for (String segment : purl.subpath().split("/")) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    continue;
                }
                if (any) {
                    out.append('/');
                }
                out.append(PercentCoding.encode(segment));
                any = true;
            }
            if (!any) {
                out.setLength(mark);
            }
        }
        return out.toString();
    }

    private static void appendSegments(StringBuilder out, String path) {
        boolean any = false;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (any) {
                out.append('/');
            }
            out.append(PercentCoding.encode(segment));
            any = true;
        }
    }
}
