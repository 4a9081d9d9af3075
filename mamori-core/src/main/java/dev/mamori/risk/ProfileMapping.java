package dev.mamori.risk;

import dev.mamori.risk.Ssvc.SafetyImpact;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link RiskProfile} to a CVSS vector as environmental metrics (docs/risk.md, "Product context").
 * The profile only ever narrows: it never makes an attack easier than the published vector says.
 */
final class ProfileMapping {
    private static final String AV_ORDER = "NALP";

    private ProfileMapping() {}

    /** The product vector and the list of what was set and why. */
    record Result(CvssVector vector, List<String> changes) {}

    /**
     * @param exploitMaturity v4 Exploit Maturity to set when the vector has none ({@code A}, {@code P}, {@code U}),
     *     or null; {@code why} says where it came from
     */
    static Result apply(CvssVector published, RiskProfile p, String exploitMaturity, String why) {
        List<String> changes = new ArrayList<>();
        CvssVector v = published;
        switch (v.version()) {
            case V2_0 -> {
                v = requirements(v, p, changes);
                if (p.safetyCritical() && p.safetyImpact() != SafetyImpact.NEGLIGIBLE && !v.isDefined("CDP")) {
                    String cdp = switch (p.safetyImpact()) {
                        case MARGINAL -> "LM";
                        case CRITICAL -> "MH";
                        default -> "H";
                    };
                    v = set(v, "CDP", cdp, "safety impact " + p.safetyImpact().word(), changes);
                }
            }
            case V3_0, V3_1 -> {
                v = attackVector(v, p, changes);
                if (Boolean.FALSE.equals(p.userInteraction()) && !"N".equals(effective(v, "UI"))) {
                    changes.add("UI:" + effective(v, "UI") + " kept (no user interacts with the product, but CVSS v3 has no stricter value)");
                }
                v = requirements(v, p, changes);
            }
            case V4_0 -> {
                v = attackVector(v, p, changes);
                if (Boolean.FALSE.equals(p.userInteraction()) && "P".equals(effective(v, "UI"))) {
                    v = set(v, "MUI", "A", "no user interacts with the product: only an active user action could help", changes);
                }
                v = requirements(v, p, changes);
                if (p.safetyCritical() && p.safetyImpact() != SafetyImpact.NEGLIGIBLE) {
                    String why2 = "safety-critical product, safety impact " + p.safetyImpact().word();
                    if (!"N".equals(effective(v, "VI")) || !"N".equals(effective(v, "SI"))) {
                        v = set(v, "MSI", "S", why2 + ", integrity impact", changes);
                    }
                    if (!"N".equals(effective(v, "VA")) || !"N".equals(effective(v, "SA"))) {
                        v = set(v, "MSA", "S", why2 + ", availability impact", changes);
                    }
                }
                if (exploitMaturity != null && !v.isDefined("E")) {
                    v = set(v, "E", exploitMaturity, why, changes);
                }
            }
        }
        return new Result(v, changes);
    }

    private static CvssVector attackVector(CvssVector v, RiskProfile p, List<String> changes) {
        if (p.networkExposure() == null) {
            return v;
        }
        String target = p.networkExposure().attackVector();
        String current = effective(v, "AV");
        if (AV_ORDER.indexOf(target) > AV_ORDER.indexOf(current)) {
            return set(v, "MAV", target, "network exposure " + p.networkExposure().name().toLowerCase(java.util.Locale.ROOT), changes);
        }
        return v;
    }

    private static CvssVector requirements(CvssVector v, RiskProfile p, List<String> changes) {
        v = requirement(v, "CR", p.confidentialityRequirement(), "confidentiality", changes);
        v = requirement(v, "IR", p.integrityRequirement(), "integrity", changes);
        return requirement(v, "AR", p.availabilityRequirement(), "availability", changes);
    }

    private static CvssVector requirement(CvssVector v, String key, RiskProfile.Requirement r, String what, List<String> changes) {
        if (r == null) {
            return v;
        }
        return set(v, key, r.letter(), what + " requirement " + r.name().toLowerCase(java.util.Locale.ROOT), changes);
    }

    private static CvssVector set(CvssVector v, String key, String value, String why, List<String> changes) {
        if (value.equals(v.get(key))) {
            return v;
        }
        changes.add(key + ":" + value + " (" + why + ")");
        return v.with(key, value);
    }

    /** The value in force: the modified metric when set (not X), else the base metric. */
    static String effective(CvssVector v, String base) {
        String m = v.get("M" + base);
        return m != null && !m.equals("X") ? m : v.get(base);
    }
}
