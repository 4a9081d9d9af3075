package dev.mamori.sbom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a writer could not put into its target format, counted per kind with the first example. */
final class Losses {
    private final String target;
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Map<String, String> examples = new LinkedHashMap<>();

    Losses(String target) {
        this.target = target;
    }

    void add(String what, String example) {
        counts.computeIfAbsent(what, k -> new int[1])[0]++;
        examples.putIfAbsent(what, example);
    }

    /** One line per kind: {@code SPDX 2.3 cannot hold: evidence (12 components, e.g. 'foo')}. */
    List<String> report() {
        List<String> out = new ArrayList<>();
        counts.forEach((what, n) -> {
            String ex = examples.get(what);
            out.add(target + " cannot hold " + what + " (" + n[0] + "×" + (ex == null ? "" : ", e.g. " + ex) + ")");
        });
        return out;
    }
}
