package dev.mamori.advisory;

import java.util.List;

/**
 * One entry of CISA's Known Exploited Vulnerabilities catalogue.
 *
 * @param knownRansomwareCampaignUse {@code Known} or {@code Unknown}, or null
 * @param notes                      free text, often {@code ;}-separated URLs (vendor and distro errata)
 * @param cwes                       CWE ids ({@code CWE-79})
 */
public record KevEntry(String cveId, String vendorProject, String product, String vulnerabilityName, String dateAdded,
                       String shortDescription, String requiredAction, String dueDate,
                       String knownRansomwareCampaignUse, String notes, List<String> cwes) {
    public KevEntry {
        cwes = List.copyOf(cwes);
    }

    /** Whether CISA knows the vulnerability to have been used in ransomware campaigns. */
    public boolean knownRansomware() {
        return "Known".equalsIgnoreCase(knownRansomwareCampaignUse);
    }
}
