package dev.mamori.match;

import java.util.List;

/**
 * The versions that fix a finding.
 *
 * @param nearest the fix that closes the range the installed version is in: the smallest upgrade on its release line
 * @param newest  the highest fixed version any matched advisory names
 * @param all     every fixed version above the installed one, ascending
 */
public record Fix(String nearest, String newest, List<String> all) {
    public static final Fix NONE = new Fix(null, null, List.of());

    public Fix {
        all = List.copyOf(all);
    }

    public boolean known() {
        return nearest != null;
    }
}
