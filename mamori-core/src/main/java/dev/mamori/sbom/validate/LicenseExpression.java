package dev.mamori.sbom.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * An SPDX licence expression (SPDX 2.3 Annex D, SPDX 3 simple licensing): licence ids, {@code +} (or later),
 * {@code LicenseRef-…} and {@code DocumentRef-…:LicenseRef-…}, {@code WITH} an exception (or {@code AdditionRef-…}),
 * {@code AND}, {@code OR} and parentheses. {@code WITH} binds tighter than {@code AND}, which binds tighter than
 * {@code OR}. Operators are upper case, as the specification requires.
 *
 * <p>{@link #parse} checks the syntax only; whether the ids are on the SPDX licence list is {@link SpdxLicenseList}'s
 * business.
 */
public sealed interface LicenseExpression {

    /** One licence: an SPDX id (with {@code +} for "or later"), or a {@code LicenseRef-}, possibly in another document. */
    record SimpleLicense(String id, boolean orLater) implements LicenseExpression {
        /** True for {@code LicenseRef-…} and {@code DocumentRef-…:LicenseRef-…}. */
        public boolean isReference() {
            return id.startsWith("LicenseRef-") || id.startsWith("DocumentRef-");
        }

        @Override
        public String toString() {
            return orLater ? id + "+" : id;
        }
    }

    /** A licence with an exception ({@code GPL-2.0-only WITH Classpath-exception-2.0}). */
    record WithException(SimpleLicense license, String exception) implements LicenseExpression {
        /** True for {@code AdditionRef-…} and {@code DocumentRef-…:AdditionRef-…}. */
        public boolean isReference() {
            return exception.startsWith("AdditionRef-") || exception.startsWith("DocumentRef-");
        }

        @Override
        public String toString() {
            return license + " WITH " + exception;
        }
    }

    /** Both apply. */
    record And(LicenseExpression left, LicenseExpression right) implements LicenseExpression {
        @Override
        public String toString() {
            return group(left, this) + " AND " + group(right, this);
        }
    }

    /** Either applies. */
    record Or(LicenseExpression left, LicenseExpression right) implements LicenseExpression {
        @Override
        public String toString() {
            return left + " OR " + right;
        }
    }

    /**
     * Parses an expression.
     *
     * @throws LicenseExpressionException saying what is wrong and at which character
     */
    static LicenseExpression parse(String text) {
        return new LicenseExpressionParser(text).parse();
    }

    /** The licences in the expression, left to right. */
    default List<SimpleLicense> licenses() {
        List<SimpleLicense> out = new ArrayList<>();
        collect(this, out, null);
        return out;
    }

    /** The exceptions in the expression, left to right. */
    default List<String> exceptions() {
        List<String> out = new ArrayList<>();
        collect(this, null, out);
        return out;
    }

    private static void collect(LicenseExpression e, List<SimpleLicense> licenses, List<String> exceptions) {
        switch (e) {
            case SimpleLicense s -> {
                if (licenses != null) {
                    licenses.add(s);
                }
            }
            case WithException w -> {
                if (licenses != null) {
                    licenses.add(w.license());
                }
                if (exceptions != null) {
                    exceptions.add(w.exception());
                }
            }
            case And a -> {
                collect(a.left(), licenses, exceptions);
                collect(a.right(), licenses, exceptions);
            }
            case Or o -> {
                collect(o.left(), licenses, exceptions);
                collect(o.right(), licenses, exceptions);
            }
        }
    }

    private static String group(LicenseExpression child, LicenseExpression parent) {
        return child instanceof Or ? "(" + child + ")" : child.toString();
    }
}
