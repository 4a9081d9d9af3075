package dev.mamori.risk;

/**
 * The SSVC options CISA publishes per CVE in the "CISA ADP Vulnrichment" container of the CVE record
 * ({@code metrics[].other.type = "ssvc"}, role "CISA Coordinator"). Null fields were not given.
 */
public record VulnrichmentSsvc(Ssvc.Exploitation exploitation, Ssvc.Automatable automatable,
        Ssvc.TechnicalImpact technicalImpact, String timestamp) {

    /** From the words CISA writes ({@code none|poc|active}, {@code yes|no}, {@code partial|total}; any case). */
    public static VulnrichmentSsvc of(String exploitation, String automatable, String technicalImpact, String timestamp) {
        return new VulnrichmentSsvc(
                exploitation == null ? null : Ssvc.parse(Ssvc.Exploitation.class, exploitation),
                automatable == null ? null : Ssvc.parse(Ssvc.Automatable.class, automatable),
                technicalImpact == null ? null : Ssvc.parse(Ssvc.TechnicalImpact.class, technicalImpact),
                timestamp);
    }
}
