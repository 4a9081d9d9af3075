package dev.mamori.cpe;

import java.util.List;
import java.util.Objects;

/** A node of an NVD configuration: cpeMatch entries combined with AND or OR, optionally negated. */
public record NvdNode(NvdConfiguration.Operator operator, boolean negate, List<NvdCpeMatch> cpeMatch) {
    public NvdNode {
        Objects.requireNonNull(operator, "operator");
        cpeMatch = List.copyOf(cpeMatch);
    }
}
