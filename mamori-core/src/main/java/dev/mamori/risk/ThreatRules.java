package dev.mamori.risk;

import dev.mamori.risk.Ssvc.Automatable;
import dev.mamori.risk.Ssvc.Exploitation;
import dev.mamori.risk.Ssvc.TechnicalImpact;
import java.util.List;

/**
 * How SSVC's vulnerability inputs and CVSS v4 Exploit Maturity are derived from threat data and vectors. The rules
 * are documented in docs/risk.md ("Threat"); a person's input ({@link UserInputs}) always wins.
 */
final class ThreatRules {
    private ThreatRules() {}

    /** The vector the vulnerability-level SSVC inputs are read from: the newest version present. */
    static CvssVector primary(List<CvssVector> vectors) {
        CvssVector best = null;
        for (CvssVector v : vectors) {
            if (best == null || v.version().compareTo(best.version()) > 0) {
                best = v;
            }
        }
        return best;
    }

    /**
     * Exploitation: KEV listing → active; else the strongest evidence (CISA Vulnrichment, then the advisory's and
     * people's evidence in order): active, then public PoC; else Vulnrichment's "none"; else none by default.
     */
    static Sourced<Exploitation> exploitation(ThreatIntel t, UserInputs u) {
        if (u.exploitation() != null) {
            return Sourced.of(u.exploitation(), Source.USER, "set for this finding");
        }
        if (t.kev() != null) {
            return Sourced.of(Exploitation.ACTIVE, Source.KEV, "in KEV since " + t.kev().dateAdded());
        }
        for (Exploitation level : List.of(Exploitation.ACTIVE, Exploitation.PUBLIC_POC)) {
            if (t.vulnrichment() != null && t.vulnrichment().exploitation() == level) {
                return Sourced.of(level, Source.VULNRICHMENT, "CISA Vulnrichment: " + level.word());
            }
            for (ExploitEvidence e : t.evidence()) {
                if (e.level() == level) {
                    return Sourced.of(level, e.source(), e.detail());
                }
            }
        }
        if (t.vulnrichment() != null && t.vulnrichment().exploitation() == Exploitation.NONE) {
            return Sourced.of(Exploitation.NONE, Source.VULNRICHMENT, "CISA Vulnrichment: none");
        }
        return Sourced.of(Exploitation.NONE, Source.DEFAULT, "no KEV listing or exploit evidence");
    }

    /**
     * Automatable: Vulnrichment; else a v4 vector's supplemental AU; else yes when the base metrics let an
     * unauthenticated attacker reach and exploit it over the network without anyone's help (v4 AV:N/AC:L/AT:N/PR:N/UI:N,
     * v3 AV:N/AC:L/PR:N/UI:N, v2 AV:N/AC:L/Au:N), no otherwise; no when there is no vector.
     */
    static Sourced<Automatable> automatable(CvssVector v, ThreatIntel t, UserInputs u) {
        if (u.automatable() != null) {
            return Sourced.of(u.automatable(), Source.USER, "set for this finding");
        }
        if (t.vulnrichment() != null && t.vulnrichment().automatable() != null) {
            return Sourced.of(t.vulnrichment().automatable(), Source.VULNRICHMENT, "CISA Vulnrichment: " + t.vulnrichment().automatable().word());
        }
        if (v == null) {
            return Sourced.of(Automatable.NO, Source.DEFAULT, "no CVSS vector");
        }
        if (v.version() == CvssVersion.V4_0 && v.isDefined("AU")) {
            Automatable a = v.get("AU").equals("Y") ? Automatable.YES : Automatable.NO;
            return Sourced.of(a, Source.VECTOR, "AU:" + v.get("AU") + " in the CVSS 4.0 vector");
        }
        List<String> needed = switch (v.version()) {
            case V2_0 -> List.of("AV:N", "AC:L", "Au:N");
            case V3_0, V3_1 -> List.of("AV:N", "AC:L", "PR:N", "UI:N");
            case V4_0 -> List.of("AV:N", "AC:L", "AT:N", "PR:N", "UI:N");
        };
        for (String n : needed) {
            String key = n.substring(0, n.indexOf(':'));
            if (!n.equals(key + ":" + v.get(key))) {
                return Sourced.of(Automatable.NO, Source.VECTOR, "CVSS " + v.version().label() + " " + key + ":" + v.get(key));
            }
        }
        return Sourced.of(Automatable.YES, Source.VECTOR, "CVSS " + v.version().label() + " " + String.join("/", needed));
    }

    /**
     * Technical Impact: Vulnrichment; else total when the vector has high (v2: complete) confidentiality and
     * integrity impact on the vulnerable system, partial otherwise; total by default when there is no vector.
     */
    static Sourced<TechnicalImpact> technicalImpact(CvssVector v, ThreatIntel t, UserInputs u) {
        if (u.technicalImpact() != null) {
            return Sourced.of(u.technicalImpact(), Source.USER, "set for this finding");
        }
        if (t.vulnrichment() != null && t.vulnrichment().technicalImpact() != null) {
            return Sourced.of(t.vulnrichment().technicalImpact(), Source.VULNRICHMENT,
                    "CISA Vulnrichment: " + t.vulnrichment().technicalImpact().word());
        }
        if (v == null) {
            return Sourced.of(TechnicalImpact.TOTAL, Source.DEFAULT, "no CVSS vector: assume the worst");
        }
        String[] keys = switch (v.version()) {
            case V2_0 -> new String[] {"C", "I", "C"};
            case V3_0, V3_1 -> new String[] {"C", "I", "H"};
            case V4_0 -> new String[] {"VC", "VI", "H"};
        };
        boolean total = keys[2].equals(v.get(keys[0])) && keys[2].equals(v.get(keys[1]));
        String detail = "CVSS " + v.version().label() + " " + keys[0] + ":" + v.get(keys[0]) + "/" + keys[1] + ":" + v.get(keys[1]);
        return Sourced.of(total ? TechnicalImpact.TOTAL : TechnicalImpact.PARTIAL, Source.VECTOR, detail);
    }

    /**
     * CVSS v4 Exploit Maturity for a vector that does not set it: A (Attacked) when exploitation is active, P (POC)
     * for a public proof of concept, else U (Unreported) if the policy says so, otherwise null (left Not Defined,
     * which CVSS v4 scores as Attacked — the worst case).
     */
    static String exploitMaturity(Sourced<Exploitation> e, boolean unreportedWhenNoEvidence) {
        return switch (e.value()) {
            case ACTIVE -> "A";
            case PUBLIC_POC -> "P";
            case NONE -> unreportedWhenNoEvidence ? "U" : null;
        };
    }
}
