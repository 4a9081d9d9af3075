package dev.mamori.risk;

import java.util.List;
import java.util.Optional;

/** What the weakness classifier needs from the CWE catalogue; the catalogue reader implements it. */
public interface CweCatalog {
    /** The weakness with this id (e.g. 79 for CWE-79), or empty when the catalogue has no such weakness. */
    Optional<Entry> lookup(int id);

    /** A weakness: its Modes of Introduction and its ChildOf parents (research view 1000 first). */
    record Entry(int id, String name, List<Introduction> introductions, List<Integer> parents) {
        public Entry {
            introductions = List.copyOf(introductions);
            parents = List.copyOf(parents);
        }
    }

    /** One mode of introduction: the phase (e.g. {@code Implementation}) and its note (may be empty). */
    record Introduction(String phase, String note) {}
}
