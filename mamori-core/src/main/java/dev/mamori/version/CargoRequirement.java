package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A Cargo version requirement: comma-separated comparators that must all match ({@code >=1.2, <1.5}).
 *
 * <p>Each comparator is an operator ({@code = > >= < <= ~ ^}, none meaning {@code ^}) and a version that may be
 * partial ({@code 1}, {@code 1.2}) or end in a wildcard ({@code 1.*}, {@code 1.2.x}); a lone {@code *} matches
 * every release. Semantics follow Cargo's requirement rules: {@code ^1.2.3} is {@code >=1.2.3, <2.0.0},
 * {@code ^0.2.3} is {@code >=0.2.3, <0.3.0}, {@code ^0.0.3} is {@code =0.0.3}, {@code ~1.2} is
 * {@code >=1.2.0, <1.3.0}, a partial {@code =1.2} is {@code 1.2.*}, and a partial bound excludes every version of
 * the part it leaves out ({@code >1.2} is {@code >=1.3.0}, {@code <=1} is {@code <2.0.0}). A prerelease version
 * matches only when some comparator names the same major.minor.patch with a prerelease of its own.
 */
record CargoRequirement(List<Part> parts, String text) implements VersionRange {

    CargoRequirement {
        parts = List.copyOf(parts);
    }

    enum Op { EXACT, GREATER, GREATER_EQ, LESS, LESS_EQ, TILDE, CARET, WILDCARD }

    /** One comparator; {@code minor} and {@code patch} are null when the requirement leaves them out. */
    record Part(Op op, String major, String minor, String patch, List<String> pre) {}

    static CargoRequirement parse(String text) {
        if (text == null) {
            throw new VersionException("empty cargo requirement");
        }
        String s = stripSpaces(text);
        if (s.isEmpty()) {
            throw new VersionException("empty cargo requirement");
        }
        if (isWildcard(s)) {
            return new CargoRequirement(List.of(), text);
        }
        List<Part> parts = new ArrayList<>();
        for (String piece : s.split(",", -1)) {
            parts.add(part(stripSpaces(piece), text));
        }
        return new CargoRequirement(parts, text);
    }

    private static Part part(String s, String text) {
        if (s.isEmpty()) {
            throw invalid(text, "empty comparator");
        }
        Op op;
        int i;
        boolean defaultOp = false;
        if (s.startsWith(">=")) {
            op = Op.GREATER_EQ;
            i = 2;
        } else if (s.startsWith("<=")) {
            op = Op.LESS_EQ;
            i = 2;
        } else if (s.startsWith(">")) {
            op = Op.GREATER;
            i = 1;
        } else if (s.startsWith("<")) {
            op = Op.LESS;
            i = 1;
        } else if (s.startsWith("=")) {
            op = Op.EXACT;
            i = 1;
        } else if (s.startsWith("~")) {
            op = Op.TILDE;
            i = 1;
        } else if (s.startsWith("^")) {
            op = Op.CARET;
            i = 1;
        } else {
            op = Op.CARET;
            i = 0;
            defaultOp = true;
        }
        String v = stripSpaces(s.substring(i));
        if (isWildcard(v)) {
            throw invalid(text, "a wildcard major version must be the only comparator, without operator");
        }
        int plus = v.indexOf('+');
        String core = plus >= 0 ? v.substring(0, plus) : v;
        int dash = core.indexOf('-');
        String nums = dash >= 0 ? core.substring(0, dash) : core;
        String[] f = nums.split("\\.", -1);
        if (f.length > 3) {
            throw invalid(text, "more than three version numbers in '" + v + "'");
        }
        String major = number(f[0], text);
        String minor = null;
        String patch = null;
        boolean wildcard = false;
        if (f.length > 1) {
            if (isWildcard(f[1])) {
                wildcard = true;
            } else {
                minor = number(f[1], text);
            }
        }
        if (f.length > 2) {
            if (isWildcard(f[2])) {
                wildcard = true;
            } else if (wildcard) {
                throw invalid(text, "version number after a wildcard in '" + v + "'");
            } else {
                patch = number(f[2], text);
            }
        }
        if (wildcard && defaultOp) {
            op = Op.WILDCARD;
        }
        List<String> pre = List.of();
        if (dash >= 0 || plus >= 0) {
            if (patch == null) {
                throw invalid(text, "prerelease or build metadata needs a full major.minor.patch in '" + v + "'");
            }
            try {
                pre = CargoScheme.parse(major + "." + minor + "." + patch + v.substring(nums.length())).pre();
            } catch (VersionException e) {
                throw invalid(text, e.getMessage());
            }
        }
        return new Part(op, major, minor, patch, pre);
    }

    private static String number(String s, String text) {
        if (!SemVer.isNumeric(s)) {
            throw invalid(text, "'" + s + "' is not a version number");
        }
        if (s.length() > 1 && s.charAt(0) == '0') {
            throw invalid(text, "version number with a leading zero '" + s + "'");
        }
        CargoScheme.checkU64(s, text);
        return s;
    }

    private static boolean isWildcard(String s) {
        return s.equals("*") || s.equals("x") || s.equals("X");
    }

    private static String stripSpaces(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == ' ') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == ' ') {
            b--;
        }
        return s.substring(a, b);
    }

    private static VersionException invalid(String text, String reason) {
        return new VersionException("invalid cargo requirement '" + SemVer.abbreviate(text) + "': " + reason);
    }

    @Override
    public boolean contains(String version) {
        SemVer v = CargoScheme.parse(version);
        for (Part p : parts) {
            if (!matches(p, v)) {
                return false;
            }
        }
        if (!v.isPrerelease()) {
            return true;
        }
        for (Part p : parts) {
            if (!p.pre().isEmpty() && p.major().equals(v.major()) && v.minor().equals(p.minor())
                    && v.patch().equals(p.patch())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Part p, SemVer v) {
        return switch (p.op()) {
            case EXACT, WILDCARD -> exact(p, v);
            case GREATER -> greater(p, v);
            case GREATER_EQ -> exact(p, v) || greater(p, v);
            case LESS -> less(p, v);
            case LESS_EQ -> exact(p, v) || less(p, v);
            case TILDE -> tilde(p, v);
            case CARET -> caret(p, v);
        };
    }

    private static int num(String a, String b) {
        return SemVer.compareDigits(a, b);
    }

    private static int pre(SemVer v, Part p) {
        return SemVer.comparePre(v.pre(), p.pre(), false);
    }

    private static boolean exact(Part p, SemVer v) {
        if (num(v.major(), p.major()) != 0) {
            return false;
        }
        if (p.minor() != null && num(v.minor(), p.minor()) != 0) {
            return false;
        }
        if (p.patch() != null && num(v.patch(), p.patch()) != 0) {
            return false;
        }
        return pre(v, p) == 0;
    }

    private static boolean greater(Part p, SemVer v) {
        int c = num(v.major(), p.major());
        if (c != 0) {
            return c > 0;
        }
        if (p.minor() == null) {
            return false;
        }
        c = num(v.minor(), p.minor());
        if (c != 0) {
            return c > 0;
        }
        if (p.patch() == null) {
            return false;
        }
        c = num(v.patch(), p.patch());
        if (c != 0) {
            return c > 0;
        }
        return pre(v, p) > 0;
    }

    private static boolean less(Part p, SemVer v) {
        int c = num(v.major(), p.major());
        if (c != 0) {
            return c < 0;
        }
        if (p.minor() == null) {
            return false;
        }
        c = num(v.minor(), p.minor());
        if (c != 0) {
            return c < 0;
        }
        if (p.patch() == null) {
            return false;
        }
        c = num(v.patch(), p.patch());
        if (c != 0) {
            return c < 0;
        }
        return pre(v, p) < 0;
    }

    private static boolean tilde(Part p, SemVer v) {
        if (num(v.major(), p.major()) != 0) {
            return false;
        }
        if (p.minor() != null && num(v.minor(), p.minor()) != 0) {
            return false;
        }
        if (p.patch() != null) {
            int c = num(v.patch(), p.patch());
            if (c != 0) {
                return c > 0;
            }
        }
        return pre(v, p) >= 0;
    }

    private static boolean caret(Part p, SemVer v) {
        if (num(v.major(), p.major()) != 0) {
            return false;
        }
        if (p.minor() == null) {
            return true;
        }
        boolean majorZero = p.major().equals("0");
        if (p.patch() == null) {
            int c = num(v.minor(), p.minor());
            return majorZero ? c == 0 : c >= 0;
        }
        int cm = num(v.minor(), p.minor());
        int cp = num(v.patch(), p.patch());
        if (!majorZero) {
            if (cm != 0) {
                return cm > 0;
            }
            if (cp != 0) {
                return cp > 0;
            }
        } else if (!p.minor().equals("0")) {
            if (cm != 0) {
                return false;
            }
            if (cp != 0) {
                return cp > 0;
            }
        } else if (cm != 0 || cp != 0) {
            return false;
        }
        return pre(v, p) >= 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
