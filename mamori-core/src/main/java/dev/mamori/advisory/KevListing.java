package dev.mamori.advisory;

/**
 * A statement inside an advisory that the vulnerability is in CISA's Known Exploited Vulnerabilities catalogue
 * (NVD's {@code cisaExploitAdd} fields, the CVE 5 ADP {@code kev} metric). The catalogue itself is read as
 * {@link KevEntry}.
 *
 * @param dateAdded         when it was added to the catalogue
 * @param dueDate           the federal remediation due date, or null
 * @param requiredAction    the required action, or null
 * @param vulnerabilityName the catalogue's name for it, or null
 * @param reference         a link to the catalogue entry, or null
 * @param statedBy          who said so ({@code nvd}, the ADP's short name)
 */
public record KevListing(String dateAdded, String dueDate, String requiredAction, String vulnerabilityName,
                         String reference, String statedBy) {}
