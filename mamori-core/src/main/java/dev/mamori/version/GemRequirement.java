package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A RubyGems requirement: comma-separated clauses that must all hold, each an optional operator
 * ({@code = != > < >= <= ~>}, default {@code =}) and a version, as in {@code ~> 2.1} or {@code >= 1.0, < 2}.
 * {@code ~> V} means {@code >= V} and, with V's letter segments and then its last segment dropped and the new
 * last segment incremented ({@code ~> 2.1.3} → {@code 2.2}), the candidate's release part below that bump.
 */
final class GemRequirement implements VersionRange {
    private static final String[] OPERATORS = {"~>", ">=", "<=", "!=", "=", ">", "<"};

    private record Clause(String op, GemVersion version, GemVersion bump) {}

    private final List<Clause> clauses;
    private final String text;

    private GemRequirement(List<Clause> clauses, String text) {
        this.clauses = List.copyOf(clauses);
        this.text = text;
    }

    static GemRequirement parse(String text) {
        if (text == null || text.isBlank()) {
            throw new VersionException("empty RubyGems requirement");
        }
        List<Clause> clauses = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String part = raw.strip();
            if (part.isEmpty()) {
                throw new VersionException("empty clause in RubyGems requirement '" + text + "'");
            }
            String op = "=";
            for (String candidate : OPERATORS) {
                if (part.startsWith(candidate)) {
                    op = candidate;
                    part = part.substring(candidate.length()).strip();
                    break;
                }
            }
            GemVersion v;
            try {
                v = GemVersion.parse(part);
            } catch (VersionException e) {
                throw new VersionException("invalid RubyGems requirement '" + text + "': " + e.getMessage());
            }
            clauses.add(new Clause(op, v, op.equals("~>") ? v.bump() : null));
        }
        return new GemRequirement(clauses, text);
    }

    @Override
    public boolean contains(String version) {
        GemVersion v = GemVersion.parse(version);
        for (Clause c : clauses) {
            int cmp = v.compareTo(c.version());
            boolean ok = switch (c.op()) {
                case "=" -> cmp == 0;
                case "!=" -> cmp != 0;
                case ">" -> cmp > 0;
                case "<" -> cmp < 0;
                case ">=" -> cmp >= 0;
                case "<=" -> cmp <= 0;
                case "~>" -> cmp >= 0 && v.release().compareTo(c.bump()) < 0;
                default -> throw new IllegalStateException(c.op());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The requirement as vers constraints: {@code ~> V} becomes {@code >= V} and {@code < bump(V)}. */
    List<Vers.Constraint> versConstraints() {
        List<Vers.Constraint> out = new ArrayList<>();
        for (Clause c : clauses) {
            if (c.op().equals("~>")) {
                out.add(new Vers.Constraint(">=", c.version().toString()));
                out.add(new Vers.Constraint("<", c.bump().toString()));
            } else {
                out.add(new Vers.Constraint(c.op(), c.version().toString()));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
