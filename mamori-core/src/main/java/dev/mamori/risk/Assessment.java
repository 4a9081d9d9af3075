package dev.mamori.risk;

import java.util.List;

/**
 * The risk of one vulnerability in one product: CVSS base and environmental scores per version, threat data, the
 * SSVC decisions with their inputs, the weakness class, and the priority with its one-line reasons.
 *
 * @param cvss one entry per valid vector, newest version first
 * @param ssvc the CISA Coordinator decision (Track, Track*, Attend, Act)
 * @param deployer the deployer decision (Defer, Scheduled, Out-of-Cycle, Immediate)
 * @param notes what could not be used (an invalid vector) and other remarks
 * @param priority 1 for the most urgent in its list, 0 until ordered by {@link Priorities#order}
 * @param reasons e.g. {@code Act — in KEV since 2023-12-11, automatable, total technical impact, …}
 */
public record Assessment(
        String vulnerabilityId,
        List<ProductScore> cvss,
        Epss epss,
        KevEntry kev,
        List<ExploitEvidence> exploitEvidence,
        SsvcDecision ssvc,
        SsvcDecision deployer,
        WeaknessClassification weakness,
        Ssvc.SafetyImpact safetyImpact,
        List<String> notes,
        int priority,
        String reasons) {

    public Assessment {
        cvss = List.copyOf(cvss);
        exploitEvidence = List.copyOf(exploitEvidence);
        notes = List.copyOf(notes);
    }

    Assessment withPriority(int rank) {
        return new Assessment(vulnerabilityId, cvss, epss, kev, exploitEvidence, ssvc, deployer, weakness, safetyImpact,
                notes, rank, reasons);
    }

    /** The score of the newest CVSS version, or null without any valid vector. */
    public ProductScore primaryScore() {
        return cvss.isEmpty() ? null : cvss.get(0);
    }

    /** The value of an SSVC input of the CISA decision, e.g. {@code Exploitation} → {@code active}. */
    public String ssvcInput(String decisionPoint) {
        for (SsvcInput i : ssvc.inputs()) {
            if (i.decisionPoint().equals(decisionPoint)) {
                return i.value();
            }
        }
        return null;
    }
}
