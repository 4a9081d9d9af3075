package dev.mamori.sbom.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while one document is checked. */
final class Problems {
    /** At most this many problems of one rule are kept; the rest are counted in one last problem. */
    static final int MAX_PER_RULE = 1000;

    private final List<Problem> list = new ArrayList<>();
    private final java.util.Map<String, Integer> perRule = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> dropped = new java.util.LinkedHashMap<>();

    void error(String rule, String location, String message) {
        add(new Problem(Severity.ERROR, rule, location, message));
    }

    void warning(String rule, String location, String message) {
        add(new Problem(Severity.WARNING, rule, location, message));
    }

    void add(Problem p) {
        int n = perRule.merge(p.rule(), 1, Integer::sum);
        if (n > MAX_PER_RULE) {
            dropped.merge(p.rule() + "\u0000" + p.severity(), 1, Integer::sum);
            return;
        }
        list.add(p);
    }

    List<Problem> list() {
        List<Problem> out = new ArrayList<>(list);
        dropped.forEach((key, n) -> {
            String[] parts = key.split("\u0000");
            out.add(new Problem(Severity.valueOf(parts[1]), parts[0], "", n + " more problems of this rule not listed"));
        });
        return out;
    }
}
