package dev.mamori.advisory;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the CWE catalogue: a weakness, a category or a view.
 *
 * @param id                 {@code CWE-79}
 * @param kind               {@code WEAKNESS}, {@code CATEGORY} or {@code VIEW}
 * @param abstraction        a weakness's {@code Pillar}, {@code Class}, {@code Base}, {@code Variant} (or
 *                           {@code Compound}), else null
 * @param structure          {@code Simple}, {@code Chain} or {@code Composite}, or null
 * @param status             {@code Stable}, {@code Draft}, {@code Incomplete}, {@code Deprecated}, …
 * @param parents            ids of the entries it is {@code ChildOf} in the Research Concepts view (1000)
 * @param relations          every related-weakness statement
 * @param introductionPhases the phases of its modes of introduction ({@code Architecture and Design},
 *                           {@code Implementation}, {@code Operation}, …), in order, without repeats
 * @param introductions      every mode of introduction, in catalogue order, with its note (what the weakness
 *                           classifier counts: a phase may repeat); null when not known (an entry encoded by a
 *                           Mamori that kept only the phases)
 * @param mappingUsage       {@code ALLOWED}, {@code ALLOWED-WITH-REVIEW}, {@code DISCOURAGED} or {@code PROHIBITED}, or null
 * @param members            for a category or view: the ids it has as members
 */
public record CweEntry(String id, Kind kind, String name, String abstraction, String structure, String status,
                       String description, List<String> parents, List<Relation> relations,
                       List<String> introductionPhases, List<Introduction> introductions, String likelihoodOfExploit,
                       String mappingUsage, List<String> members) {
    public CweEntry {
        parents = List.copyOf(parents);
        relations = List.copyOf(relations);
        introductionPhases = List.copyOf(introductionPhases);
        introductions = introductions == null ? null : List.copyOf(introductions);
        members = List.copyOf(members);
    }

    /**
     * The ids of the entries it is {@code ChildOf} in any view, those of the Research Concepts view (1000) first,
     * each once: where the weakness classifier looks when the entry has no modes of introduction itself.
     */
    public List<String> childOf() {
        List<String> out = new ArrayList<>(parents);
        for (Relation r : relations) {
            if ("ChildOf".equals(r.nature()) && r.cweId() != null && !out.contains(r.cweId())) {
                out.add(r.cweId());
            }
        }
        return out;
    }

    public enum Kind { WEAKNESS, CATEGORY, VIEW }

    /**
     * A mode of introduction: the phase ({@code Implementation}) and its note, whitespace collapsed, or null without
     * one (e.g. {@code REALIZATION: This weakness is caused during implementation of an architectural security tactic.}).
     */
    public record Introduction(String phase, String note) {}

    /** A {@code Related_Weakness}: {@code nature} ({@code ChildOf}, {@code CanPrecede}, …) to {@code cweId} in {@code viewId}. */
    public record Relation(String nature, String cweId, String viewId, String ordinal) {}
}
