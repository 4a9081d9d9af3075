package dev.mamori.sbom.validate;

import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser for {@link LicenseExpression}: or := and (OR and)*; and := with (AND with)*; with := simple (WITH exception)? | ( or ). */
final class LicenseExpressionParser {
    /** Deepest parenthesis nesting accepted. */
    static final int MAX_DEPTH = 100;

    private record Token(String text, int offset) {}

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int depth;

    LicenseExpressionParser(String text) {
        this.text = text == null ? "" : text;
        tokenize();
    }

    LicenseExpression parse() {
        if (tokens.isEmpty()) {
            throw new LicenseExpressionException("empty licence expression", 0);
        }
        LicenseExpression e = or();
        if (pos < tokens.size()) {
            Token t = tokens.get(pos);
            throw new LicenseExpressionException("unexpected '" + t.text() + "' at character " + (t.offset() + 1)
                    + " (an operator AND, OR or WITH, or a closing parenthesis, was expected)", t.offset());
        }
        return e;
    }

    private void tokenize() {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(String.valueOf(c), i));
                i++;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '(' && text.charAt(i) != ')') {
                    i++;
                }
                tokens.add(new Token(text.substring(start, i), start));
            }
        }
    }

    private LicenseExpression or() {
        LicenseExpression left = and();
        while (peekOperator("OR")) {
            pos++;
            left = new LicenseExpression.Or(left, and());
        }
        return left;
    }

    private LicenseExpression and() {
        LicenseExpression left = with();
        while (peekOperator("AND")) {
            pos++;
            left = new LicenseExpression.And(left, with());
        }
        return left;
    }

    private LicenseExpression with() {
        Token t = next("a licence");
        if (t.text().equals("(")) {
            if (++depth > MAX_DEPTH) {
                throw new LicenseExpressionException("parentheses nest deeper than " + MAX_DEPTH, t.offset());
            }
            LicenseExpression inner = or();
            Token close = next("')'");
            if (!close.text().equals(")")) {
                throw new LicenseExpressionException("expected ')' at character " + (close.offset() + 1) + " but found '"
                        + close.text() + "'", close.offset());
            }
            depth--;
            if (peekOperator("WITH")) {
                Token w = tokens.get(pos);
                throw new LicenseExpressionException("WITH at character " + (w.offset() + 1)
                        + " must follow a single licence, not a parenthesised expression", w.offset());
            }
            return inner;
        }
        LicenseExpression.SimpleLicense license = simple(t);
        if (peekOperator("WITH")) {
            pos++;
            Token ex = next("an exception id after WITH");
            checkException(ex);
            return new LicenseExpression.WithException(license, ex.text());
        }
        return license;
    }

    private LicenseExpression.SimpleLicense simple(Token t) {
        String s = t.text();
        if (s.equals(")")) {
            throw new LicenseExpressionException("unexpected ')' at character " + (t.offset() + 1), t.offset());
        }
        if (isOperator(s)) {
            throw new LicenseExpressionException("expected a licence at character " + (t.offset() + 1) + " but found the operator '"
                    + s + "'", t.offset());
        }
        checkLowerCaseOperator(t);
        boolean orLater = s.endsWith("+");
        String id = orLater ? s.substring(0, s.length() - 1) : s;
        if (id.startsWith("DocumentRef-")) {
            int colon = id.indexOf(':');
            if (colon < 0 || !isIdString(id, "DocumentRef-".length(), colon)
                    || !id.startsWith("LicenseRef-", colon + 1) || !isIdString(id, colon + 1 + "LicenseRef-".length(), id.length())) {
                throw bad(t, "'" + s + "' is not DocumentRef-<id>:LicenseRef-<id>");
            }
        } else if (id.startsWith("LicenseRef-")) {
            if (!isIdString(id, "LicenseRef-".length(), id.length())) {
                throw bad(t, "'" + s + "' is not LicenseRef- followed by letters, digits, '.' or '-'");
            }
        } else if (!isIdString(id, 0, id.length())) {
            throw bad(t, "'" + s + "' is not a licence id (letters, digits, '.' and '-', optionally ending in '+')");
        }
        if (orLater && (id.startsWith("LicenseRef-") || id.startsWith("DocumentRef-"))) {
            throw bad(t, "'+' (or later) applies to SPDX licence ids, not to '" + id + "'");
        }
        return new LicenseExpression.SimpleLicense(id, orLater);
    }

    private void checkException(Token t) {
        String s = t.text();
        if (s.equals("(") || s.equals(")") || isOperator(s)) {
            throw bad(t, "expected an exception id after WITH but found '" + s + "'");
        }
        if (s.startsWith("DocumentRef-")) {
            int colon = s.indexOf(':');
            if (colon < 0 || !isIdString(s, "DocumentRef-".length(), colon) || !s.startsWith("AdditionRef-", colon + 1)
                    || !isIdString(s, colon + 1 + "AdditionRef-".length(), s.length())) {
                throw bad(t, "'" + s + "' is not DocumentRef-<id>:AdditionRef-<id>");
            }
        } else if (!isIdString(s, 0, s.length())) {
            throw bad(t, "'" + s + "' is not an exception id");
        }
    }

    private void checkLowerCaseOperator(Token t) {
        String s = t.text();
        if ((s.equalsIgnoreCase("and") || s.equalsIgnoreCase("or") || s.equalsIgnoreCase("with"))) {
            throw bad(t, "operators are upper case: write '" + s.toUpperCase(java.util.Locale.ROOT) + "', not '" + s + "'");
        }
    }

    private LicenseExpressionException bad(Token t, String what) {
        return new LicenseExpressionException(what + " (character " + (t.offset() + 1) + ")", t.offset());
    }

    private Token next(String expected) {
        if (pos >= tokens.size()) {
            throw new LicenseExpressionException("the expression ends where " + expected + " was expected", text.length());
        }
        return tokens.get(pos++);
    }

    private boolean peekOperator(String op) {
        if (pos >= tokens.size()) {
            return false;
        }
        String s = tokens.get(pos).text();
        if (s.equals(op)) {
            return true;
        }
        if (s.equalsIgnoreCase(op)) {
            throw bad(tokens.get(pos), "operators are upper case: write '" + op + "', not '" + s + "'");
        }
        return false;
    }

    private static boolean isOperator(String s) {
        return s.equals("AND") || s.equals("OR") || s.equals("WITH");
    }

    private static boolean isIdString(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
