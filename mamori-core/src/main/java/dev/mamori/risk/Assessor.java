package dev.mamori.risk;

import dev.mamori.risk.Ssvc.Automatable;
import dev.mamori.risk.Ssvc.Exploitation;
import dev.mamori.risk.Ssvc.MissionImpact;
import dev.mamori.risk.Ssvc.MissionPrevalence;
import dev.mamori.risk.Ssvc.PublicWellBeing;
import dev.mamori.risk.Ssvc.SafetyImpact;
import dev.mamori.risk.Ssvc.SystemExposure;
import dev.mamori.risk.Ssvc.TechnicalImpact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Builds the {@link Assessment} of a vulnerability in a product. Pure: no I/O, same inputs give the same result. */
public final class Assessor {
    private Assessor() {}

    /**
     * @param profile the product's context; {@link RiskProfile#unknown()} when there is none
     * @param catalog the CWE catalogue, or null (the weakness class is then unknown)
     */
    public static Assessment assess(RiskInput input, RiskProfile profile, CweCatalog catalog, PriorityPolicy policy) {
        List<String> notes = new ArrayList<>();
        List<CvssVector> vectors = new ArrayList<>();
        for (String text : input.cvssVectors()) {
            try {
                vectors.add(CvssVector.parse(text));
            } catch (CvssException e) {
                notes.add(e.getMessage());
            }
        }
        vectors.sort(Comparator.comparing(CvssVector::version).reversed());
        ThreatIntel threat = input.threat();
        Sourced<Exploitation> exploitation = ThreatRules.exploitation(threat, input.user());
        String maturity = ThreatRules.exploitMaturity(exploitation, policy.unreportedWhenNoEvidence());
        String maturityWhy = exploitation.detail().isEmpty() ? "exploitation " + exploitation.value().word()
                : exploitation.detail();

        List<ProductScore> scores = new ArrayList<>();
        for (CvssVector v : vectors) {
            ProfileMapping.Result product = ProfileMapping.apply(v, profile, maturity, maturityWhy);
            CvssScores published = CvssCalculator.score(v);
            CvssScores inProduct = CvssCalculator.score(product.vector());
            scores.add(new ProductScore(v.version(), v.toString(), published.baseScore(), published.baseSeverity(),
                    product.vector().toString(), inProduct.environmentalScore(),
                    CvssScores.severityOf(v.version(), inProduct.environmentalScore()), product.changes()));
        }

        CvssVector primary = ThreatRules.primary(vectors);
        Sourced<Automatable> automatable = ThreatRules.automatable(primary, threat, input.user());
        Sourced<TechnicalImpact> technicalImpact = ThreatRules.technicalImpact(primary, threat, input.user());
        String who = "profile " + profile.label();
        Sourced<MissionPrevalence> mp = profile.missionPrevalence() != null
                ? Sourced.of(profile.missionPrevalence(), Source.PROFILE, who)
                : Sourced.of(MissionPrevalence.SUPPORT, Source.DEFAULT, "no mission prevalence in the profile");
        PublicWellBeing pwiValue = profile.effectivePublicWellBeing();
        Sourced<PublicWellBeing> pwi = pwiValue != null
                ? Sourced.of(pwiValue, Source.PROFILE, profile.publicWellBeingImpact() != null ? who
                        : who + ", safety impact " + profile.effectiveSafetyImpact().word())
                : Sourced.of(PublicWellBeing.MINIMAL, Source.DEFAULT, "no safety information in the profile");
        SsvcDecision cisa = Ssvc.cisaCoordinator(exploitation, automatable, technicalImpact, mp, pwi);

        Sourced<SystemExposure> exposure = profile.networkExposure() != null
                ? Sourced.of(profile.networkExposure().systemExposure(), Source.PROFILE,
                        who + ", network exposure " + profile.networkExposure().name().toLowerCase(Locale.ROOT))
                : Sourced.of(SystemExposure.CONTROLLED, Source.DEFAULT, "no network exposure in the profile");
        Sourced<SafetyImpact> safety = profile.safetyCritical() || profile.safetyImpact() != null
                ? Sourced.of(profile.effectiveSafetyImpact(), Source.PROFILE, who)
                : Sourced.of(SafetyImpact.NEGLIGIBLE, Source.DEFAULT, "no safety information in the profile");
        MissionImpact miValue = profile.effectiveMissionImpact();
        Sourced<MissionImpact> mi = miValue != null
                ? Sourced.of(miValue, Source.PROFILE, profile.missionImpact() != null ? who
                        : who + ", from mission prevalence " + profile.missionPrevalence().word())
                : Sourced.of(MissionImpact.MEF_SUPPORT_CRIPPLED, Source.DEFAULT, "no mission information in the profile");
        SsvcDecision deployer = Ssvc.deployer(exploitation, exposure, automatable, safety, mi);

        WeaknessClassification weakness = catalog == null
                ? new WeaknessClassification(WeaknessClass.UNKNOWN, null, null, null, "no CWE catalogue")
                : WeaknessClassifier.classify(input.cwes(), catalog);

        Assessment a = new Assessment(input.vulnerabilityId(), scores, threat.epss(), threat.kev(), threat.evidence(),
                cisa, deployer, weakness, safety.value(), notes, 0, null);
        return new Assessment(a.vulnerabilityId(), a.cvss(), a.epss(), a.kev(), a.exploitEvidence(), a.ssvc(), a.deployer(),
                a.weakness(), a.safetyImpact(), a.notes(), 0, reasons(a, exploitation, automatable, technicalImpact, policy));
    }

    /** The one-line reasons: the decision's label, then the facts the policy asks for. */
    static String reasons(Assessment a, Sourced<Exploitation> exploitation, Sourced<Automatable> automatable,
            Sourced<TechnicalImpact> technicalImpact, PriorityPolicy policy) {
        SsvcDecision lead = policy.ssvcTree().equals("deployer") ? a.deployer() : a.ssvc();
        List<String> parts = new ArrayList<>();
        for (String kind : policy.reasons()) {
            switch (kind) {
                case "exploitation" -> {
                    if (a.kev() != null) {
                        parts.add("in KEV since " + a.kev().dateAdded() + (a.kev().knownRansomwareUse() ? " (known ransomware use)" : ""));
                    } else if (exploitation.value() == Exploitation.ACTIVE) {
                        parts.add("actively exploited (" + exploitation.detail() + ")");
                    } else if (exploitation.value() == Exploitation.PUBLIC_POC) {
                        parts.add("public exploit (" + exploitation.detail() + ")");
                    } else {
                        parts.add("no known exploitation");
                    }
                }
                case "automatable" -> {
                    if (automatable.value() == Automatable.YES) {
                        parts.add("automatable");
                    }
                }
                case "technicalImpact" -> {
                    if (technicalImpact.value() == TechnicalImpact.TOTAL) {
                        parts.add("total technical impact");
                    }
                }
                case "epss" -> {
                    if (a.epss() != null) {
                        parts.add(String.format(Locale.ROOT, "EPSS %.1f%% (%s percentile)", a.epss().score() * 100,
                                ordinal((int) Math.floor(a.epss().percentile() * 100))));
                    }
                }
                case "cvss" -> {
                    ProductScore s = a.primaryScore();
                    if (s != null) {
                        parts.add(s.baseScore() == s.environmentalScore()
                                ? String.format(Locale.ROOT, "CVSS %s %.1f", s.version().label(), s.baseScore())
                                : String.format(Locale.ROOT, "CVSS %s %.1f, %.1f in this product", s.version().label(),
                                        s.baseScore(), s.environmentalScore()));
                    }
                }
                case "safety" -> {
                    if (a.safetyImpact() != null && a.safetyImpact() != SafetyImpact.NEGLIGIBLE) {
                        parts.add("safety impact " + a.safetyImpact().word());
                    }
                }
                case "weakness" -> {
                    if (a.weakness().weaknessClass() != WeaknessClass.UNKNOWN) {
                        parts.add(a.weakness().weaknessClass().label() + " weakness (" + a.weakness().cwe() + ")");
                    }
                }
                default -> throw new IllegalArgumentException("unknown reason " + kind);
            }
        }
        return lead.label() + " — " + String.join(", ", parts);
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
