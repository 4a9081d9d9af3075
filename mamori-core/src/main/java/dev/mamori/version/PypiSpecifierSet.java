package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PEP 440 specifier set ({@code ~=1.4.2, !=1.4.5, <2}) with the containment rules of
 * {@code packaging.specifiers.SpecifierSet.contains(version, prereleases=True)}.
 *
 * <p>Prereleases: PEP 440 lets installers skip pre-releases unless asked for. For vulnerability matching the
 * question is "does this range cover that version", so a pre-release is matched whenever the specifiers cover it
 * ({@code prereleases=True}); the rules that are part of the comparison itself still apply: {@code <V} does not
 * match pre-releases of V (unless V is one), {@code >V} does not match post-releases of V (unless V is one) nor
 * local versions of V, {@code <=}/{@code >=}/{@code ==V} (without a local label) ignore the candidate's local
 * label, {@code ==V.*} is prefix matching and {@code ===} compares normalized text.
 *
 * <p>Legacy (non-PEP 440) candidate versions follow packaging 21.3, whose {@code SpecifierSet.contains} parses them
 * as {@code LegacyVersion}s: see {@link #contains}. The specifiers themselves must be PEP 440.
 */
final class PypiSpecifierSet implements VersionRange {
    private static final String[] OPERATORS = {"===", "~=", "==", "!=", "<=", ">=", "<", ">"};

    private final List<Specifier> specifiers;
    private final String text;

    private PypiSpecifierSet(List<Specifier> specifiers, String text) {
        this.specifiers = List.copyOf(specifiers);
        this.text = text;
    }

    static PypiSpecifierSet parse(String text) {
        if (text == null) {
            throw new VersionException("empty PEP 440 specifier set");
        }
        List<Specifier> specs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ',') {
                String part = strip(text.substring(start, i));
                if (!part.isEmpty()) {
                    specs.add(Specifier.parse(part, text));
                }
                start = i + 1;
            }
        }
        return new PypiSpecifierSet(specs, text);
    }

    /**
     * Whether the set contains the version. A legacy (non-PEP 440) version is contained as packaging 21.3 decides
     * it: only {@code ===} can match it (its text as written, case-insensitively); every other specifier refuses it,
     * {@code !=} included, and the empty set contains it.
     */
    @Override
    public boolean contains(String version) {
        PypiVersion v = PypiVersion.tryParse(version);
        if (v == null) {
            String legacy = PypiLegacyVersion.parse(version).toString();
            for (Specifier s : specifiers) {
                if (!s.containsLegacy(legacy)) {
                    return false;
                }
            }
            return true;
        }
        for (Specifier s : specifiers) {
            if (!s.contains(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }

    static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && PypiVersion.isPythonSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && PypiVersion.isPythonSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /**
     * The specifier set as vers constraints, where vers can say it: {@code == != < <= > >=} without wildcards map one
     * to one ({@code ===} and {@code ~=} and wildcards have no exact vers form and are refused).
     */
    List<Vers.Constraint> versConstraints() {
        List<Vers.Constraint> out = new ArrayList<>();
        for (Specifier s : specifiers) {
            String op = switch (s.operator()) {
                case "==" -> "=";
                case "!=", "<", "<=", ">", ">=" -> s.operator();
                default -> null;
            };
            if (op == null || s.wildcard()) {
                throw new VersionException("the PyPI specifier '" + s.operator() + s.versionText() + "' has no vers form");
            }
            out.add(new Vers.Constraint(op, s.versionText()));
        }
        return out;
    }

    /** One clause: operator and version text as written. */
    private record Specifier(String operator, String versionText, PypiVersion version, boolean wildcard) {

        static Specifier parse(String spec, String whole) {
            String op = null;
            for (String candidate : OPERATORS) {
                if (spec.startsWith(candidate)) {
                    op = candidate;
                    break;
                }
            }
            if (op == null) {
                throw invalid(spec, whole, "no operator (one of ~= == != <= >= < > ===)");
            }
            String v = strip(spec.substring(op.length()));
            if (op.equals("===")) {
                for (int i = 0; i < v.length(); i++) {
                    char c = v.charAt(i);
                    if (PypiVersion.isPythonSpace(c) || c == ';' || c == ')') {
                        throw invalid(spec, whole, "arbitrary equality text contains '" + c + "'");
                    }
                }
                return new Specifier(op, v, null, false);
            }
            boolean wildcard = (op.equals("==") || op.equals("!=")) && v.endsWith(".*");
            String versionPart = wildcard ? v.substring(0, v.length() - 2) : v;
            PypiVersion parsed = versionPart.isEmpty() || !strip(versionPart).equals(versionPart)
                    ? null : PypiVersion.tryParse(versionPart);
            if (parsed == null) {
                throw invalid(spec, whole, "'" + v + "' is not a PEP 440 version");
            }
            if (wildcard && (parsed.preLetter != PypiVersion.PRE_NONE || parsed.post != null || parsed.dev != null
                    || parsed.hasLocal())) {
                throw invalid(spec, whole, "a '.*' prefix may only follow a release number");
            }
            if (parsed.hasLocal() && !(op.equals("==") || op.equals("!="))) {
                throw invalid(spec, whole, "a local version label is only allowed with == and !=");
            }
            if (op.equals("~=") && parsed.release.length < 2) {
                throw invalid(spec, whole, "~= needs a release with at least two numbers");
            }
            return new Specifier(op, v, wildcard ? null : parsed, wildcard);
        }

        private static VersionException invalid(String spec, String whole, String why) {
            return new VersionException("invalid PEP 440 specifier '" + spec + "' in '" + whole + "': " + why);
        }

        /** packaging 21.3: only arbitrary equality compares a legacy version; the other operators refuse it. */
        boolean containsLegacy(String text) {
            return operator.equals("===")
                    && text.toLowerCase(Locale.ROOT).equals(versionText.toLowerCase(Locale.ROOT));
        }

        boolean contains(PypiVersion v) {
            return switch (operator) {
                case "==" -> equal(v);
                case "!=" -> !equal(v);
                case "<=" -> v.publicVersion().compareTo(version) <= 0;
                case ">=" -> v.publicVersion().compareTo(version) >= 0;
                case "<" -> lessThan(v);
                case ">" -> greaterThan(v);
                case "~=" -> v.publicVersion().compareTo(version) >= 0
                        && prefixMatch(v, compatiblePrefix(versionText));
                case "===" -> v.toString().toLowerCase(Locale.ROOT).equals(versionText.toLowerCase(Locale.ROOT));
                default -> throw new IllegalStateException(operator);
            };
        }

        private boolean equal(PypiVersion v) {
            if (wildcard) {
                return prefixMatch(v, versionText.substring(0, versionText.length() - 2));
            }
            PypiVersion candidate = version.hasLocal() ? v : v.publicVersion();
            return candidate.compareTo(version) == 0;
        }

        private boolean lessThan(PypiVersion v) {
            if (v.compareTo(version) >= 0) {
                return false;
            }
            return version.isPrerelease() || !v.isPrerelease() || v.compareBase(version) != 0;
        }

        private boolean greaterThan(PypiVersion v) {
            if (v.compareTo(version) <= 0) {
                return false;
            }
            if (!version.isPostrelease() && v.isPostrelease() && v.compareBase(version) == 0) {
                return false;
            }
            return !v.hasLocal() || v.compareBase(version) != 0;
        }
    }

    /**
     * The {@code ==P.*} prefix of {@code ~=V}: V's dot-separated parts up to the first pre/post/dev part, minus
     * the last one, taken from the text as written (as packaging does).
     */
    static String compatiblePrefix(String versionText) {
        List<String> tokens = versionSplit(versionText);
        int n = 0;
        while (n < tokens.size() && !isSuffixToken(tokens.get(n))) {
            n++;
        }
        return String.join(".", tokens.subList(0, Math.max(0, n - 1)));
    }

    private static boolean isSuffixToken(String t) {
        return t.startsWith("dev") || t.startsWith("a") || t.startsWith("b") || t.startsWith("rc")
                || t.startsWith("post");
    }

    /**
     * Prefix matching for {@code ==P.*}: the candidate's public version, canonical with trailing zeros dropped,
     * split into parts (a pre-release glued to a number counts as its own part), zero-padded to the prefix's
     * release length, must start with the prefix's parts.
     */
    static boolean prefixMatch(PypiVersion v, String prefixText) {
        PypiVersion p = PypiVersion.tryParse(prefixText);
        List<String> spec = versionSplit(p == null ? prefixText : p.toString());
        List<String> cand = versionSplit(v.publicText(true));
        int specRelease = leadingDigitTokens(spec);
        int candRelease = leadingDigitTokens(cand);
        List<String> padded = new ArrayList<>(cand.subList(0, candRelease));
        for (int i = candRelease; i < specRelease; i++) {
            padded.add("0");
        }
        padded.addAll(cand.subList(candRelease, cand.size()));
        if (padded.size() < spec.size()) {
            return false;
        }
        return padded.subList(0, spec.size()).equals(spec);
    }

    private static int leadingDigitTokens(List<String> tokens) {
        int n = 0;
        while (n < tokens.size() && DecimalText.isDigits(tokens.get(n))) {
            n++;
        }
        return n;
    }

    /** Splits at dots; a part like {@code 1a2}/{@code 3rc1} becomes two parts. */
    static List<String> versionSplit(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '.') {
                String item = text.substring(start, i);
                int d = 0;
                while (d < item.length() && DecimalText.isDigit(item.charAt(d))) {
                    d++;
                }
                String rest = item.substring(d);
                if (d > 0 && isPreNumber(rest)) {
                    out.add(item.substring(0, d));
                    out.add(rest);
                } else {
                    out.add(item);
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** {@code (a|b|c|rc)[0-9]+} */
    private static boolean isPreNumber(String s) {
        int letters = s.startsWith("rc") ? 2 : (s.startsWith("a") || s.startsWith("b") || s.startsWith("c")) ? 1 : 0;
        return letters > 0 && s.length() > letters && DecimalText.isDigits(s.substring(letters));
    }
}
