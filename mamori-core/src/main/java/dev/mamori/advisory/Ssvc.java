package dev.mamori.advisory;

/**
 * An SSVC decision-point selection as a source published it (CISA's ADP "Vulnrichment" container, NVD's
 * {@code ssvcV203} metric).
 *
 * @param exploitation    {@code none}, {@code poc} or {@code active}
 * @param automatable     {@code yes} or {@code no}
 * @param technicalImpact {@code partial} or {@code total}
 * @param role            e.g. {@code CISA Coordinator}
 * @param version         the SSVC version, e.g. {@code 2.0.3}
 * @param timestamp       when the decision points were selected
 * @param statedBy        who said so (the ADP's short name or the NVD metric's source)
 */
public record Ssvc(String exploitation, String automatable, String technicalImpact, String role, String version,
                   String timestamp, String statedBy) {}
