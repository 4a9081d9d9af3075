package dev.mamori.advisory;

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
 * @param mappingUsage       {@code ALLOWED}, {@code ALLOWED-WITH-REVIEW}, {@code DISCOURAGED} or {@code PROHIBITED}, or null
 * @param members            for a category or view: the ids it has as members
 */
public record CweEntry(String id, Kind kind, String name, String abstraction, String structure, String status,
                       String description, List<String> parents, List<Relation> relations,
                       List<String> introductionPhases, String likelihoodOfExploit, String mappingUsage,
                       List<String> members) {
    public CweEntry {
        parents = List.copyOf(parents);
        relations = List.copyOf(relations);
        introductionPhases = List.copyOf(introductionPhases);
        members = List.copyOf(members);
    }

    public enum Kind { WEAKNESS, CATEGORY, VIEW }

    /** A {@code Related_Weakness}: {@code nature} ({@code ChildOf}, {@code CanPrecede}, …) to {@code cweId} in {@code viewId}. */
    public record Relation(String nature, String cweId, String viewId, String ordinal) {}
}
