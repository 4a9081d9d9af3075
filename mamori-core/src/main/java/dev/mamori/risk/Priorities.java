package dev.mamori.risk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Orders assessments by a {@link PriorityPolicy} and numbers them from 1 (most urgent). */
public final class Priorities {
    private Priorities() {}

    public static List<Assessment> order(Collection<Assessment> assessments, PriorityPolicy policy) {
        Comparator<Assessment> c = (a, b) -> 0;
        for (String key : policy.order()) {
            c = c.thenComparing(key(key, policy));
        }
        c = c.thenComparing(Assessment::vulnerabilityId, Comparator.nullsLast(Comparator.naturalOrder()));
        List<Assessment> sorted = new ArrayList<>(assessments);
        sorted.sort(c);
        List<Assessment> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            ranked.add(sorted.get(i).withPriority(i + 1));
        }
        return ranked;
    }

    /** A comparator putting the more urgent first for one policy key. */
    static Comparator<Assessment> key(String key, PriorityPolicy policy) {
        return switch (key) {
            case "ssvc" -> descending(a -> (double) (policy.ssvcTree().equals("deployer") ? a.deployer() : a.ssvc()).rank());
            case "deployer" -> descending(a -> (double) a.deployer().rank());
            case "kev" -> descending(a -> a.kev() == null ? 0.0 : 1.0);
            case "ransomware" -> descending(a -> a.kev() != null && a.kev().knownRansomwareUse() ? 1.0 : 0.0);
            case "exploitation" -> descending(a -> (double) Ssvc.parse(Ssvc.Exploitation.class, a.ssvcInput("Exploitation")).ordinal());
            case "automatable" -> descending(a -> "yes".equals(a.ssvcInput("Automatable")) ? 1.0 : 0.0);
            case "epss" -> descending(a -> a.epss() == null ? null : a.epss().score());
            case "epssPercentile" -> descending(a -> a.epss() == null ? null : a.epss().percentile());
            case "environmentalScore" -> descending(a -> a.primaryScore() == null ? null : a.primaryScore().environmentalScore());
            case "baseScore" -> descending(a -> a.primaryScore() == null ? null : a.primaryScore().baseScore());
            case "safetyImpact" -> descending(a -> a.safetyImpact() == null ? null : (double) a.safetyImpact().ordinal());
            default -> throw new IllegalArgumentException("unknown priority key " + key);
        };
    }

    private static Comparator<Assessment> descending(java.util.function.Function<Assessment, Double> f) {
        return Comparator.comparing(f, Comparator.nullsLast(Comparator.<Double>reverseOrder()));
    }
}
