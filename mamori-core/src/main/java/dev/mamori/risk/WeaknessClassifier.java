package dev.mamori.risk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies a vulnerability as a design, code or configuration problem from its CWEs' Modes of Introduction.
 *
 * <ol>
 *   <li>Each CWE is looked up; one without modes of introduction is replaced by its nearest ChildOf ancestor that
 *       has some (breadth first, research view first). NVD's {@code NVD-CWE-noinfo}/{@code NVD-CWE-Other} and ids
 *       the catalogue does not know are skipped.</li>
 *   <li>Each mode counts for one class: Policy, Requirements, Architecture and Design → design (but an
 *       Architecture and Design mode whose note starts with "REALIZATION" — a designed tactic implemented wrongly —
 *       counts for code); Implementation, Build and Compilation → code; Installation, System Configuration,
 *       Operation, Patching and Maintenance → configuration. Other phases (Testing, Documentation, Manufacturing, …)
 *       do not count.</li>
 *   <li>The class with most modes over all the vulnerability's CWEs wins; a tie goes to code, then design (the
 *       vulnerable code has to be patched in any case). The first mode of the winning class names the deciding
 *       CWE and phase. No classifiable mode: unknown.</li>
 * </ol>
 */
public final class WeaknessClassifier {
    private static final int MAX_DEPTH = 12;

    private WeaknessClassifier() {}

    public static WeaknessClassification classify(List<String> cwes, CweCatalog catalog) {
        Map<WeaknessClass, Integer> counts = new EnumMap<>(WeaknessClass.class);
        Map<WeaknessClass, String[]> first = new EnumMap<>(WeaknessClass.class);
        List<String> notes = new ArrayList<>();
        for (String cwe : cwes == null ? List.<String>of() : cwes) {
            Integer id = parseId(cwe);
            if (id == null) {
                notes.add(cwe + " names no weakness");
                continue;
            }
            if (catalog.lookup(id).isEmpty()) {
                notes.add("CWE-" + id + " is not a weakness in the catalogue");
                continue;
            }
            Optional<CweCatalog.Entry> found = withModes(id, catalog);
            if (found.isEmpty()) {
                notes.add("neither CWE-" + id + " nor its parents have modes of introduction");
                continue;
            }
            CweCatalog.Entry entry = found.get();
            for (CweCatalog.Introduction intro : entry.introductions()) {
                WeaknessClass c = classOf(intro);
                if (c == null) {
                    continue;
                }
                counts.merge(c, 1, Integer::sum);
                first.putIfAbsent(c, new String[] {"CWE-" + id, "CWE-" + entry.id(), intro.phase()});
            }
        }
        WeaknessClass winner = null;
        for (WeaknessClass c : List.of(WeaknessClass.CODE, WeaknessClass.DESIGN, WeaknessClass.CONFIGURATION)) {
            if (counts.getOrDefault(c, 0) > 0 && (winner == null || counts.get(c) > counts.get(winner))) {
                winner = c;
            }
        }
        if (winner == null) {
            String why = cwes == null || cwes.isEmpty() ? "no CWE" : String.join("; ", notes);
            return new WeaknessClassification(WeaknessClass.UNKNOWN, null, null, null, why);
        }
        String[] f = first.get(winner);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        String via = f[0].equals(f[1]) ? f[0] : f[0] + " via its parent " + f[1];
        String explanation = winner.label() + ": " + via + ", phase " + f[2] + " (" + counts.get(winner) + " of " + total
                + " classified modes of introduction)";
        return new WeaknessClassification(winner, f[0], f[1], f[2], explanation);
    }

    /** The entry itself when it has modes, else the nearest ancestor (breadth first over ChildOf) that has some. */
    static Optional<CweCatalog.Entry> withModes(int id, CweCatalog catalog) {
        Deque<int[]> queue = new ArrayDeque<>();
        Set<Integer> seen = new HashSet<>();
        queue.add(new int[] {id, 0});
        while (!queue.isEmpty()) {
            int[] next = queue.poll();
            if (!seen.add(next[0])) {
                continue;
            }
            Optional<CweCatalog.Entry> e = catalog.lookup(next[0]);
            if (e.isEmpty()) {
                continue;
            }
            if (e.get().introductions().stream().anyMatch(i -> classOf(i) != null)) {
                return e;
            }
            if (next[1] < MAX_DEPTH) {
                for (int parent : e.get().parents()) {
                    queue.add(new int[] {parent, next[1] + 1});
                }
            }
        }
        return Optional.empty();
    }

    static WeaknessClass classOf(CweCatalog.Introduction intro) {
        String note = intro.note() == null ? "" : intro.note().strip();
        return switch (intro.phase()) {
            case "Architecture and Design" -> note.startsWith("REALIZATION") ? WeaknessClass.CODE : WeaknessClass.DESIGN;
            case "Policy", "Requirements" -> WeaknessClass.DESIGN;
            case "Implementation", "Build and Compilation" -> WeaknessClass.CODE;
            case "Installation", "System Configuration", "Operation", "Patching and Maintenance" -> WeaknessClass.CONFIGURATION;
            default -> null;
        };
    }

    /** 79 for {@code CWE-79} or {@code 79}; null for NVD placeholders and anything else. */
    static Integer parseId(String cwe) {
        if (cwe == null) {
            return null;
        }
        String s = cwe.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("CWE-")) {
            s = s.substring(4);
        }
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(s);
    }
}
