package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Composer version constraint, parsed as {@code Composer\Semver\VersionParser::parseConstraints} parses it and
 * matched as {@code Composer\Semver\Semver::satisfies} matches: {@code ||} or {@code |} separate alternatives;
 * a comma or a space joins clauses that must all hold; a clause is {@code ^1.2}, {@code ~1.2},
 * {@code 1.2.*}/{@code 1.x}, {@code 1.0 - 2.0}, {@code *}, or a comparison ({@code < <= > >= = == != <>},
 * default {@code =}), optionally with an {@code @stability} flag.
 *
 * <p>Bounds and the candidate are compared in Composer's normalized form ({@code 1.0} = {@code 1.0.0.0}), so
 * {@code <2.0} excludes {@code 2.0.0-beta1} (Composer reads it as {@code <2.0.0.0-dev}) and {@code >=1.0}
 * includes {@code 1.0.0-RC1}. {@code dev-} branches only match {@code ==}/{@code !=} of the same branch. A
 * candidate Composer cannot normalize (e.g. {@code 1.0.0.0.1}) is compared as written.
 */
final class ComposerConstraint implements VersionRange {
    private static final String STABILITIES = "stable|RC|beta|alpha|dev";
    private static final String VERSION_RE = "v?(\\d++)(?:\\.(\\d++))?(?:\\.(\\d++))?(?:\\.(\\d++))?(?:"
            + ComposerNormalizer.MODIFIER + "|\\.([xX*][.-]?dev))(?:\\+[^\\s]+)?";
    private static final Pattern OR = Pattern.compile("\\s*\\|\\|?\\s*");
    private static final Pattern AND = Pattern.compile("(?<!^|as|[=>< ,]) *(?<!-)[, ](?!-) *(?!,|as|$)");
    private static final Pattern ALIAS = Pattern.compile("^([^,\\s]++) ++as ++([^,\\s]++)$");
    private static final Pattern FLAG = Pattern.compile("^([^,\\s]*?)@(" + STABILITIES + ")$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REF = Pattern.compile("^(dev-[^,\\s@]+?|[^,\\s@]+?\\.x-dev)#.+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY = Pattern.compile("^(v)?[xX*](\\.[xX*])*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TILDE = Pattern.compile("^~>?" + VERSION_RE + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CARET = Pattern.compile("^\\^" + VERSION_RE + "($)", Pattern.CASE_INSENSITIVE);
    private static final Pattern X_RANGE = Pattern.compile("^v?(\\d++)(?:\\.(\\d++))?(?:\\.(\\d++))?(?:\\.[xX*])++$");
    private static final Pattern HYPHEN = Pattern.compile(
            "^(?<from>" + VERSION_RE + ") +- +(?<to>" + VERSION_RE + ")($)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BASIC = Pattern.compile("^(<>|!=|>=?|<=?|==?)?\\s*(.*)");
    private static final Pattern LOWER_MODIFIER_END = Pattern.compile("-" + ComposerNormalizer.MODIFIER + "$");

    /** One comparison against a normalized version; {@code op} null means "matches everything". */
    private record Atom(String op, String bound, ComposerVersion boundVersion) {
        static final Atom ALL = new Atom(null, null, null);

        static Atom of(String op, String bound) {
            String o = switch (op) {
                case "=" -> "==";
                case "<>" -> "!=";
                default -> op;
            };
            return new Atom(o, bound, bound.startsWith("dev-") ? null : ComposerVersion.parse(bound));
        }

        boolean matches(String version, ComposerVersion parsed) {
            if (op == null) {
                return true;
            }
            boolean vBranch = parsed == null;
            boolean bBranch = boundVersion == null;
            if (op.equals("!=") && (vBranch || bBranch)) {
                return !version.equals(bound);
            }
            if (vBranch || bBranch) {
                return vBranch && bBranch && op.equals("==") && version.equals(bound);
            }
            int c = parsed.compareTo(boundVersion);
            return switch (op) {
                case "==" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public String toString() {
            return op == null ? "*" : op + bound;
        }
    }

    private final List<List<Atom>> alternatives;
    private final String text;

    private ComposerConstraint(List<List<Atom>> alternatives, String text) {
        this.alternatives = alternatives;
        this.text = text;
    }

    static ComposerConstraint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new VersionException("empty Composer constraint");
        }
        List<List<Atom>> alternatives = new ArrayList<>();
        for (String or : OR.split(ComposerNormalizer.phpTrim(text), -1)) {
            List<Atom> all = new ArrayList<>();
            for (String and : AND.split(or, -1)) {
                all.addAll(parseOne(and, text));
            }
            alternatives.add(List.copyOf(all));
        }
        return new ComposerConstraint(List.copyOf(alternatives), text);
    }

    private static VersionException invalid(String clause, String whole, String why) {
        return new VersionException("invalid Composer constraint '" + clause + "' in '" + whole + "': " + why);
    }

    private static List<Atom> parseOne(String clause, String whole) {
        String c = clause;
        Matcher m = ALIAS.matcher(c);
        if (m.find()) {
            c = m.group(1);
        }
        String stabilityModifier = null;
        m = FLAG.matcher(c);
        if (m.find()) {
            c = m.group(1).isEmpty() ? "*" : m.group(1);
            if (!m.group(2).equals("stable")) {
                stabilityModifier = m.group(2);
            }
        }
        m = REF.matcher(c);
        if (m.find()) {
            c = m.group(1);
        }
        m = ANY.matcher(c);
        if (m.find()) {
            if (m.group(1) != null || m.group(2) != null) {
                return List.of(Atom.of(">=", "0.0.0.0-dev"));
            }
            return List.of(Atom.ALL);
        }
        try {
            m = TILDE.matcher(c);
            if (m.find()) {
                if (c.startsWith("~>")) {
                    throw invalid(clause, whole, "'~>' is not a Composer operator (use '~')");
                }
                int position = present(m.group(4)) ? 4 : present(m.group(3)) ? 3 : present(m.group(2)) ? 2 : 1;
                if (!ComposerNormalizer.empty(m.group(8))) {
                    position++;
                }
                String suffix = noStability(m.group(5), m.group(7), m.group(8)) ? "-dev" : "";
                String low = ComposerNormalizer.normalize((c + suffix).substring(1));
                String high = manipulate(groups(m, 1, 2, 3, 4), Math.max(1, position - 1), true) + "-dev";
                return List.of(Atom.of(">=", low), Atom.of("<", high));
            }
            m = CARET.matcher(c);
            if (m.find()) {
                int position;
                if (!"0".equals(m.group(1)) || !present(m.group(2))) {
                    position = 1;
                } else if (!"0".equals(m.group(2)) || !present(m.group(3))) {
                    position = 2;
                } else {
                    position = 3;
                }
                String suffix = noStability(m.group(5), m.group(7), m.group(8)) ? "-dev" : "";
                String low = ComposerNormalizer.normalize((c + suffix).substring(1));
                String high = manipulate(groups(m, 1, 2, 3, 4), position, true) + "-dev";
                return List.of(Atom.of(">=", low), Atom.of("<", high));
            }
            m = X_RANGE.matcher(c);
            if (m.find()) {
                int position = present(m.group(3)) ? 3 : present(m.group(2)) ? 2 : 1;
                String[] g = {m.group(1), m.group(2), m.group(3), null};
                String low = manipulate(g, position, false) + "-dev";
                String high = manipulate(g, position, true) + "-dev";
                if (low.equals("0.0.0.0-dev")) {
                    return List.of(Atom.of("<", high));
                }
                return List.of(Atom.of(">=", low), Atom.of("<", high));
            }
            m = HYPHEN.matcher(c);
            if (m.find()) {
                String lowSuffix = noStability(m.group(6), m.group(8), m.group(9)) ? "-dev" : "";
                Atom lower = Atom.of(">=", ComposerNormalizer.normalize(m.group("from")) + lowSuffix);
                Atom upper;
                if ((!phpZeroAwareEmpty(m.group(12)) && !phpZeroAwareEmpty(m.group(13)))
                        || !ComposerNormalizer.empty(m.group(15)) || !ComposerNormalizer.empty(m.group(17))
                        || !ComposerNormalizer.empty(m.group(18))) {
                    upper = Atom.of("<=", ComposerNormalizer.normalize(m.group("to")));
                } else {
                    ComposerNormalizer.normalize(m.group("to"));
                    String[] g = {m.group(11), m.group(12), m.group(13), m.group(14)};
                    upper = Atom.of("<", manipulate(g, phpZeroAwareEmpty(m.group(12)) ? 1 : 2, true) + "-dev");
                }
                return List.of(lower, upper);
            }
            m = BASIC.matcher(c);
            if (m.find()) {
                String rest = m.group(2);
                String version;
                try {
                    version = ComposerNormalizer.normalize(rest);
                } catch (VersionException e) {
                    if (rest.endsWith("-dev") && rest.matches("^[0-9a-zA-Z-./]+$")) {
                        version = ComposerNormalizer.normalize("dev-" + rest.substring(0, rest.length() - 4));
                    } else {
                        throw e;
                    }
                }
                String op = m.group(1) == null ? "=" : m.group(1);
                if (!op.equals("==") && !op.equals("=") && stabilityModifier != null
                        && ComposerNormalizer.parseStability(version).equals("stable")) {
                    version += "-" + stabilityModifier;
                } else if (op.equals("<") || op.equals(">=")) {
                    if (!LOWER_MODIFIER_END.matcher(rest.toLowerCase(Locale.ROOT)).find()
                            && !rest.startsWith("dev-")) {
                        version += "-dev";
                    }
                }
                return List.of(Atom.of(op, version));
            }
        } catch (VersionException e) {
            throw invalid(clause, whole, e.getMessage());
        }
        throw invalid(clause, whole, "not a constraint");
    }

    private static boolean present(String group) {
        return group != null && !group.isEmpty();
    }

    private static boolean noStability(String word, String dev, String xDev) {
        return ComposerNormalizer.empty(word) && ComposerNormalizer.empty(dev) && ComposerNormalizer.empty(xDev);
    }

    /** The hyphen range's {@code $empty}: like PHP's {@code empty()} but "0" counts as present. */
    private static boolean phpZeroAwareEmpty(String group) {
        return group == null || group.isEmpty();
    }

    private static String[] groups(Matcher m, int... indexes) {
        String[] out = new String[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            out[i] = m.group(indexes[i]);
        }
        return out;
    }

    /**
     * {@code VersionParser::manipulateVersionString}: the four numbers with those after {@code position} set
     * to 0 and, when {@code increment}, the one at {@code position} plus one.
     */
    private static String manipulate(String[] numbers, int position, boolean increment) {
        String[] n = numbers.clone();
        for (int i = 4; i > 0; i--) {
            if (i > position) {
                n[i - 1] = "0";
            } else if (i == position && increment) {
                String current = n[i - 1] == null || n[i - 1].isEmpty() ? "0" : n[i - 1];
                n[i - 1] = DecimalText.increment(DecimalText.normalize(current));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(n[i] == null ? "" : n[i]);
        }
        return out.toString();
    }

    @Override
    public boolean contains(String version) {
        ComposerVersion.parse(version);
        String normalized;
        try {
            normalized = ComposerNormalizer.normalize(version);
        } catch (VersionException notComposer) {
            normalized = version.charAt(0) == 'v' || version.charAt(0) == 'V' ? version.substring(1) : version;
        }
        ComposerVersion parsed = normalized.startsWith("dev-") ? null : ComposerVersion.parse(normalized);
        for (List<Atom> all : alternatives) {
            boolean ok = true;
            for (Atom a : all) {
                if (!a.matches(normalized, parsed)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
