package dev.mamori.version;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Composer's version normalisation ({@code Composer\Semver\VersionParser::normalize}): {@code v1.2} becomes
 * {@code 1.2.0.0}, {@code 1.0-b2} becomes {@code 1.0.0.0-beta2}, {@code 1.x-dev} becomes
 * {@code 1.9999999.9999999.9999999-dev}, {@code dev-main} stays a branch name; anything else is not a version
 * Composer accepts.
 */
final class ComposerNormalizer {
    static final String MODIFIER =
            "[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*+)?)?([.-]?dev)?";
    private static final Pattern ALIAS = Pattern.compile("^([^,\\s]++) ++as ++([^,\\s]++)$");
    private static final Pattern STABILITY_FLAG = Pattern.compile("@(?:stable|RC|beta|alpha|dev)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BUILD = Pattern.compile("^([^,\\s+]++)\\+[^\\s]++$");
    private static final Pattern CLASSICAL = Pattern.compile(
            "^v?(\\d{1,5})(\\.\\d++)?(\\.\\d++)?(\\.\\d++)?" + MODIFIER + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile(
            "^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3})?)" + MODIFIER + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEV_SUFFIX = Pattern.compile("(.*?)[.-]?dev$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BRANCH = Pattern.compile(
            "^v?(\\d++)(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern STABILITY_SUFFIX = Pattern.compile(MODIFIER + "(?:\\+.*)?$",
            Pattern.CASE_INSENSITIVE);

    private ComposerNormalizer() {}

    /** PHP's {@code trim()} characters. */
    static String phpTrim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isPhpTrim(s.charAt(from))) {
            from++;
        }
        while (to > from && isPhpTrim(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isPhpTrim(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == 0x0B;
    }

    /** PHP's {@code empty()} for a regex group: absent, empty or "0". */
    static boolean empty(String group) {
        return group == null || group.isEmpty() || group.equals("0");
    }

    /** The normalized version, or throws {@link VersionException} as Composer throws for an invalid one. */
    static String normalize(String text) {
        String version = phpTrim(text);
        String original = version;
        Matcher m = ALIAS.matcher(version);
        if (m.find()) {
            version = m.group(1);
        }
        m = STABILITY_FLAG.matcher(version);
        if (m.find()) {
            version = version.substring(0, m.start());
        }
        if (version.equals("master") || version.equals("trunk") || version.equals("default")) {
            version = "dev-" + version;
        }
        if (version.regionMatches(true, 0, "dev-", 0, 4)) {
            return "dev-" + version.substring(4);
        }
        m = BUILD.matcher(version);
        if (m.find()) {
            version = m.group(1);
        }
        m = CLASSICAL.matcher(version);
        int index;
        if (m.find()) {
            version = m.group(1) + orDefault(m.group(2)) + orDefault(m.group(3)) + orDefault(m.group(4));
            index = 5;
        } else {
            m = DATE.matcher(version);
            if (m.find()) {
                version = m.group(1).replaceAll("\\D", ".");
                index = 2;
            } else {
                index = -1;
            }
        }
        if (index > 0) {
            String stability = m.group(index);
            if (!empty(stability)) {
                if (stability.equals("stable")) {
                    return version;
                }
                String number = m.group(index + 1);
                version += "-" + expandStability(stability) + (number == null || number.isEmpty() ? ""
                        : stripLeading(number, ".-"));
            }
            if (!empty(m.group(index + 2))) {
                version += "-dev";
            }
            return version;
        }
        m = DEV_SUFFIX.matcher(version);
        if (m.find()) {
            String normalized = normalizeBranch(m.group(1));
            if (!normalized.contains("dev-")) {
                return normalized;
            }
        }
        throw new VersionException("not a version Composer accepts: '" + original + "'");
    }

    private static String orDefault(String group) {
        return empty(group) ? ".0" : group;
    }

    private static String stripLeading(String s, String chars) {
        int i = 0;
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }

    static String expandStability(String stability) {
        String s = stability.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "a" -> "alpha";
            case "b" -> "beta";
            case "p", "pl" -> "patch";
            case "rc" -> "RC";
            default -> s;
        };
    }

    /** {@code 1.x} → {@code 1.9999999.9999999.9999999-dev}; anything else → {@code dev-NAME}. */
    static String normalizeBranch(String name) {
        String n = phpTrim(name);
        Matcher m = BRANCH.matcher(n);
        if (m.find()) {
            StringBuilder v = new StringBuilder();
            for (int i = 1; i < 5; i++) {
                String g = m.group(i);
                v.append(g != null ? g.replace('*', 'x').replace('X', 'x') : ".x");
            }
            return v.toString().replace("x", "9999999") + "-dev";
        }
        return "dev-" + n;
    }

    /** Composer's {@code VersionParser::parseStability} (only "stable" matters to constraint parsing). */
    static String parseStability(String version) {
        String v = version.replaceAll("#.+$", "");
        if (v.startsWith("dev-") || v.endsWith("-dev")) {
            return "dev";
        }
        Matcher m = STABILITY_SUFFIX.matcher(v.toLowerCase(Locale.ROOT));
        if (m.find()) {
            if (!empty(m.group(3))) {
                return "dev";
            }
            String s = m.group(1);
            if (!empty(s)) {
                if (s.equals("beta") || s.equals("b")) {
                    return "beta";
                }
                if (s.equals("alpha") || s.equals("a")) {
                    return "alpha";
                }
                if (s.equals("rc")) {
                    return "RC";
                }
            }
        }
        return "stable";
    }
}
