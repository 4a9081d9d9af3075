package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;

/**
 * An Elixir/Hex requirement ({@code ~> 2.0}, {@code >= 1.0.0 and < 2.0.0 or == 3.0.0}), tokenised as
 * {@code Version.parse_requirement/1} does: operators {@code == != > >= < <= ~>} ({@code !} means {@code !=}, a
 * bare version means {@code ==}), joined by {@code and} (binding tighter) and {@code or}.
 *
 * <p>{@code ~> 2.1.3} means {@code >= 2.1.3 and < 2.2.0-0}, {@code ~> 2.1} means {@code >= 2.1.0 and < 3.0.0-0}
 * (the upper bound's pre-releases excluded). Other operators follow {@link HexVersion} order, and pre-releases
 * match whenever the order says so ({@code Version.match?/3} with its default {@code allow_pre: true}; Hex's own
 * resolver uses {@code allow_pre: false}, which is about choosing versions, not about whether a range covers one).
 *
 * <p>Beyond Elixir, a version without its patch number ({@code >= 1.0}) is accepted for every operator and read
 * with patch 0; Elixir only allows that form after {@code ~>}.
 */
final class HexRequirement implements VersionRange {
    private static final String[] LEXEMES = {">=", "<=", "~>", ">", "<", "==", "!=", "!", " or ", " and "};

    private record Clause(String op, HexVersion low, HexVersion high) {
        boolean matches(HexVersion v) {
            int c = v.compareTo(low);
            return switch (op) {
                case "==" -> c == 0;
                case "!=" -> c != 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case "~>" -> c >= 0 && v.compareTo(high) < 0;
                default -> throw new IllegalStateException(op);
            };
        }
    }

    private final List<List<Clause>> alternatives;
    private final String text;

    private HexRequirement(List<List<Clause>> alternatives, String text) {
        this.alternatives = alternatives;
        this.text = text;
    }

    static HexRequirement parse(String text) {
        if (text == null || text.isBlank()) {
            throw new VersionException("empty Hex requirement");
        }
        List<String> tokens = lex(text);
        List<List<Clause>> alternatives = new ArrayList<>();
        List<Clause> current = new ArrayList<>();
        int i = 0;
        while (true) {
            if (i + 1 >= tokens.size() || !isOperator(tokens.get(i)) || isOperator(tokens.get(i + 1))) {
                throw new VersionException("invalid Hex requirement '" + text + "': expected an operator and a version"
                        + (i < tokens.size() ? " at '" + tokens.get(i) + "'" : " at the end"));
            }
            current.add(clause(tokens.get(i), tokens.get(i + 1), text));
            i += 2;
            if (i == tokens.size()) {
                break;
            }
            String conj = tokens.get(i);
            if (conj.equals(" or ")) {
                alternatives.add(List.copyOf(current));
                current = new ArrayList<>();
            } else if (!conj.equals(" and ")) {
                throw new VersionException("invalid Hex requirement '" + text + "': expected 'and' or 'or' at '"
                        + conj + "'");
            }
            i++;
        }
        alternatives.add(List.copyOf(current));
        return new HexRequirement(List.copyOf(alternatives), text);
    }

    /** Operators, conjunctions (with their spaces) and version texts, as Elixir's lexer splits them. */
    private static List<String> lex(String s) {
        List<String> tokens = new ArrayList<>();
        boolean lastIsVersion = false;
        int i = 0;
        outer:
        while (i < s.length()) {
            for (String lexeme : LEXEMES) {
                if (s.startsWith(lexeme, i)) {
                    tokens.add(lexeme.equals("!") ? "!=" : lexeme);
                    lastIsVersion = false;
                    i += lexeme.length();
                    continue outer;
                }
            }
            char c = s.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (lastIsVersion) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + c);
            } else {
                if (tokens.isEmpty() || isConjunction(tokens.get(tokens.size() - 1))) {
                    tokens.add("==");
                }
                tokens.add(String.valueOf(c));
                lastIsVersion = true;
            }
            i++;
        }
        return tokens;
    }

    private static boolean isConjunction(String t) {
        return t.equals(" or ") || t.equals(" and ");
    }

    private static boolean isOperator(String t) {
        return switch (t) {
            case ">=", "<=", "~>", ">", "<", "==", "!=" -> true;
            default -> false;
        };
    }

    private static Clause clause(String op, String versionText, String whole) {
        HexVersion v = HexVersion.tryParse(versionText, true);
        if (v == null) {
            throw new VersionException("invalid Hex requirement '" + whole + "': '" + versionText
                    + "' is not a version" + (op.equals("~>") ? "" : " (MAJOR.MINOR.PATCH)"));
        }
        if (!op.equals("~>")) {
            return new Clause(op, v.withPatch(), null);
        }
        HexVersion high = v.patch == null
                ? new HexVersion(DecimalText.increment(v.major), "0", "0", new String[] {"0"}, new boolean[] {true})
                : new HexVersion(v.major, DecimalText.increment(v.minor), "0", new String[] {"0"}, new boolean[] {true});
        return new Clause(op, v.withPatch(), high);
    }

    @Override
    public boolean contains(String version) {
        HexVersion v = HexVersion.parse(version);
        for (List<Clause> all : alternatives) {
            boolean ok = true;
            for (Clause c : all) {
                if (!c.matches(v)) {
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
