package dev.mamori.sbom;

/** SPDX 2 actors: {@code Person: Jane Doe (jane@example.com)}, {@code Organization: ACME ()}, {@code Tool: syft-0.50}. */
final class SpdxParties {
    private SpdxParties() {}

    /** Parses a Person/Organization actor; null for NOASSERTION, NONE, blank, or a Tool. */
    static Party parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.isEmpty() || t.equals("NOASSERTION") || t.equals("NONE")) {
            return null;
        }
        Party.Kind kind;
        String rest;
        if (startsWithIgnoreCase(t, "Person:")) {
            kind = Party.Kind.PERSON;
            rest = t.substring(7).trim();
        } else if (startsWithIgnoreCase(t, "Organization:")) {
            kind = Party.Kind.ORGANIZATION;
            rest = t.substring(13).trim();
        } else if (startsWithIgnoreCase(t, "Tool:")) {
            return null;
        } else {
            kind = Party.Kind.UNSPECIFIED;
            rest = t;
        }
        String email = null;
        String url = null;
        if (rest.endsWith(")")) {
            int open = rest.lastIndexOf('(');
            if (open >= 0) {
                String inside = rest.substring(open + 1, rest.length() - 1).trim();
                if (inside.contains("@") || inside.isEmpty() || !looksLikeUrl(inside) && rest.indexOf('<') < 0) {
                    email = inside.isEmpty() ? null : inside;
                    rest = rest.substring(0, open).trim();
                } else if (looksLikeUrl(inside)) {
                    // npm style: Name <email> (url)
                    url = inside;
                    rest = rest.substring(0, open).trim();
                }
            }
        }
        int lt = rest.lastIndexOf('<');
        if (email == null && lt >= 0 && rest.endsWith(">")) {
            String inside = rest.substring(lt + 1, rest.length() - 1).trim();
            email = inside.isEmpty() ? null : inside;
            rest = rest.substring(0, lt).trim();
        }
        return new Party(rest.isEmpty() ? null : rest, email, url, kind);
    }

    private static boolean looksLikeUrl(String s) {
        return s.startsWith("http://") || s.startsWith("https://") || (s.contains(".") && !s.contains(" ") && !s.contains("@"));
    }

    /** A {@code Tool: name-version} creator as a tool, or null when it is not one. */
    static Tool tool(String text) {
        if (text == null || !startsWithIgnoreCase(text.trim(), "Tool:")) {
            return null;
        }
        String rest = text.trim().substring(5).trim();
        int dash = rest.lastIndexOf('-');
        if (dash > 0 && dash < rest.length() - 1 && (Character.isDigit(rest.charAt(dash + 1)) || rest.charAt(dash + 1) == 'v')) {
            return new Tool(null, rest.substring(0, dash), rest.substring(dash + 1));
        }
        return new Tool(null, rest, null);
    }

    /** Writes a party as an SPDX 2 actor: {@code Organization: name (email)} or {@code Person: …}. */
    static String format(Party p, boolean defaultOrganization) {
        String kind = switch (p.kind()) {
            case PERSON -> "Person";
            case ORGANIZATION -> "Organization";
            case UNSPECIFIED -> defaultOrganization ? "Organization" : "Person";
        };
        String name = p.name() != null ? p.name() : p.label();
        return kind + ": " + (name == null ? "" : name) + " (" + (p.email() == null ? "" : p.email()) + ")";
    }

    static String formatTool(Tool t) {
        String name = t.vendor() != null && t.name() == null ? t.vendor() : t.name();
        return "Tool: " + (name == null ? "unknown" : name) + (t.version() == null ? "" : "-" + t.version());
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
