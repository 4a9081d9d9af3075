package dev.mamori.sbom.quality;

import java.util.List;

/**
 * An SBOM scored against one profile.
 *
 * @param profile  the profile
 * @param elements every element the profile names, document-level first
 * @param gates    the hard gates
 * @param score    0–100: the mean over the required elements of their share (document-level: 0 or 1)
 * @param grade    A–F from the score (A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, E ≥ 50, F below), F when a gate fails
 */
public record ProfileResult(Profile profile, List<ElementResult> elements, List<Gate> gates, double score, char grade) {

    public ProfileResult {
        elements = List.copyOf(elements);
        gates = List.copyOf(gates);
    }

    /** True when every gate passes. */
    public boolean gatesPassed() {
        return gates.stream().allMatch(Gate::passed);
    }
}
