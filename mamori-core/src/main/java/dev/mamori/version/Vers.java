package dev.mamori.version;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A {@code vers:} version range specifier ({@code vers:<scheme>/<constraint>|<constraint>…}), evaluated with the
 * scheme's own version order.
 *
 * <p>{@link #parse} accepts only the canonical form (no whitespace, no empty constraints, sorted by version, percent
 * encoding decoded once); {@link #parseLenient} accepts what people type and normalises it. {@link #toString()}
 * gives the canonical form.
 */
public record Vers(String scheme, List<Constraint> constraints) implements VersionRange {

    /** One {@code comparator version} pair; the comparator {@code *} has no version. */
    public record Constraint(String comparator, String version) {
        @Override
        public String toString() {
            if (comparator.equals("*")) {
                return "*";
            }
            return (comparator.equals("=") ? "" : comparator) + encode(version);
        }
    }

    private static final List<String> COMPARATORS = List.of("<=", ">=", "!=", "<", ">", "=");

    public Vers {
        constraints = List.copyOf(constraints);
    }

    /**
     * Parses a canonical vers string.
     *
     * @throws VersionException naming what is not canonical, or an invalid version
     */
    public static Vers parse(String text) {
        return parse(text, true);
    }

    /** Parses a vers string, tolerating whitespace and unsorted constraints; the result is canonical. */
    public static Vers parseLenient(String text) {
        return parse(text, false);
    }

    private static Vers parse(String text, boolean strict) {
        if (text == null) {
            throw new VersionException("empty vers");
        }
        String s = strict ? text : text.strip();
        if (!s.regionMatches(true, 0, "vers:", 0, 5)) {
            throw new VersionException("a vers starts with 'vers:': " + text);
        }
        int slash = s.indexOf('/', 5);
        if (slash < 0) {
            throw new VersionException("a vers needs 'vers:<scheme>/<constraints>': " + text);
        }
        String scheme = s.substring(5, slash).toLowerCase(Locale.ROOT);
        if (scheme.isEmpty()) {
            throw new VersionException("a vers needs a versioning scheme: " + text);
        }
        String body = s.substring(slash + 1);
        if (strict) {
            for (int i = 0; i < body.length(); i++) {
                if (Character.isWhitespace(body.charAt(i))) {
                    throw new VersionException("non-canonical VERS: whitespace is not permitted");
                }
            }
            if (body.startsWith("|")) {
                throw new VersionException("non-canonical VERS: leading pipe is not permitted");
            }
            if (body.endsWith("|")) {
                throw new VersionException("non-canonical VERS: trailing pipe is not permitted");
            }
            if (body.contains("||")) {
                throw new VersionException("non-canonical VERS: consecutive pipes are not permitted");
            }
        } else {
            body = body.replaceAll("\\s+", "");
        }
        if (body.isEmpty()) {
            throw new VersionException("a vers needs at least one constraint: " + text);
        }
        VersionScheme vs = VersionSchemes.forName(scheme);
        if (body.equals("*")) {
            return new Vers(scheme, List.of(new Constraint("*", null)));
        }
        List<Constraint> constraints = new ArrayList<>();
        for (String raw : body.split("\\|")) {
            if (raw.isEmpty()) {
                if (strict) {
                    throw new VersionException("non-canonical VERS: consecutive pipes are not permitted");
                }
                continue;
            }
            String comparator = "=";
            for (String c : COMPARATORS) {
                if (raw.startsWith(c)) {
                    comparator = c;
                    raw = raw.substring(c.length());
                    break;
                }
            }
            if (raw.equals("*")) {
                throw new VersionException("'*' must be the only constraint of a vers: " + text);
            }
            if (raw.isEmpty()) {
                throw new VersionException("a constraint needs a version: " + text);
            }
            if (strict && scheme.equals("datetime")) {
                checkDatetimeEncoding(raw);
            }
            String version = decode(raw);
            constraints.add(new Constraint(comparator, version));
        }
        Comparator<Constraint> byVersion = (a, b) -> vs.compare(a.version(), b.version());
        List<Constraint> sorted = new ArrayList<>(constraints);
        if (sorted.size() > 1) {
            sorted.sort(byVersion);
        }
        if (strict) {
            for (int i = 1; i < constraints.size(); i++) {
                if (vs.compare(constraints.get(i - 1).version(), constraints.get(i).version()) > 0) {
                    throw new VersionException("non-canonical VERS: constraints are not sorted by version");
                }
            }
        }
        return new Vers(scheme, sorted);
    }

    private static void checkDatetimeEncoding(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    throw new VersionException("non-canonical VERS: invalid percent-encoding in version");
                }
                String triplet = raw.substring(i, i + 3);
                if (!triplet.equals(triplet.toUpperCase(Locale.ROOT))) {
                    throw new VersionException("non-canonical VERS: percent-encoding in version is not canonical");
                }
                if (triplet.equalsIgnoreCase("%3A")) {
                    throw new VersionException("non-canonical VERS: datetime time colons must be unencoded");
                }
            }
        }
        if (raw.indexOf('t') >= 0 || raw.indexOf('z') >= 0) {
            throw new VersionException("non-canonical VERS: datetime must use uppercase T and Z");
        }
    }

    /** The versioning scheme that orders this range's versions. */
    public VersionScheme versionScheme() {
        return VersionSchemes.forName(scheme);
    }

    /**
     * Whether the version is in the range, by the vers specification's algorithm: equality and inequality
     * constraints first, then the remaining constraints as consecutive intervals.
     */
    @Override
    public boolean contains(String version) {
        VersionScheme vs = versionScheme();
        vs.validate(version);
        if (constraints.size() == 1 && constraints.getFirst().comparator().equals("*")) {
            return true;
        }
        List<Constraint> ranges = new ArrayList<>();
        for (Constraint c : constraints) {
            switch (c.comparator()) {
                case "=" -> {
                    if (vs.compare(version, c.version()) == 0) {
                        return true;
                    }
                }
                case "!=" -> {
                    if (vs.compare(version, c.version()) == 0) {
                        return false;
                    }
                }
                default -> ranges.add(c);
            }
        }
        if (ranges.isEmpty()) {
            // only '=' and '!=' constraints: a '!=' set means "everything else"
            return constraints.stream().anyMatch(c -> c.comparator().equals("!="));
        }
        if (ranges.size() == 1) {
            return satisfies(vs, version, ranges.getFirst());
        }
        for (int i = 0; i + 1 < ranges.size(); i++) {
            Constraint current = ranges.get(i);
            Constraint next = ranges.get(i + 1);
            if (i == 0 && isLess(current) && satisfies(vs, version, current)) {
                return true;
            }
            if (i + 1 == ranges.size() - 1 && isGreater(next) && satisfies(vs, version, next)) {
                return true;
            }
            if (isGreater(current) && isLess(next) && satisfies(vs, version, current) && satisfies(vs, version, next)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLess(Constraint c) {
        return c.comparator().startsWith("<");
    }

    private static boolean isGreater(Constraint c) {
        return c.comparator().startsWith(">");
    }

    private static boolean satisfies(VersionScheme vs, String version, Constraint c) {
        int cmp = vs.compare(version, c.version());
        return switch (c.comparator()) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            default -> true;
        };
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("vers:").append(scheme).append('/');
        for (int i = 0; i < constraints.size(); i++) {
            if (i > 0) {
                out.append('|');
            }
            out.append(constraints.get(i));
        }
        return out.toString();
    }

    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    throw new VersionException("non-canonical VERS: invalid percent-encoding in version");
                }
                out.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String encode(String version) {
        StringBuilder out = new StringBuilder();
        for (byte b : version.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '%' || c == '|' || c == '/' || c <= ' ' || c >= 0x7F) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
