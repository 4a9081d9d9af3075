package dev.mamori.risk;

import java.util.List;

/**
 * An SSVC decision: the table used (file name, which carries its version), the outcome as written in the table
 * ({@code act}), its display label ({@code Act}), its rank among the table's outcomes (0 = least urgent), and every
 * input with its source, including the intermediate decision points computed from sub-tables.
 */
public record SsvcDecision(String table, String outcome, String label, int rank, List<SsvcInput> inputs) {
    public SsvcDecision {
        inputs = List.copyOf(inputs);
    }

    /** The path through the tree, e.g. {@code Exploitation=active, Automatable=yes, …}. */
    public String path() {
        StringBuilder b = new StringBuilder();
        for (SsvcInput i : inputs) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(i.decisionPoint()).append('=').append(i.value());
        }
        return b.toString();
    }
}
