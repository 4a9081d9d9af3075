package dev.mamori.report;

import dev.mamori.match.Finding;
import dev.mamori.match.UpgradeAdvice;
import java.util.List;

/**
 * What one scan found, ready to be written in any output format.
 *
 * @param sbom                the SBOM file that was scanned
 * @param componentsScanned   how many components it has (nested ones included)
 * @param advisoriesLoaded    how many advisories were matched against
 * @param findings            one per component and advisory
 * @param upgrades            per affected component, the smallest upgrade that fixes its vulnerabilities
 * @param warnings            what could not be read or evaluated, each with its place
 */
public record ScanReport(String sbom, int componentsScanned, int advisoriesLoaded, List<Finding> findings,
                         List<UpgradeAdvice> upgrades, List<String> warnings) {
    public ScanReport {
        findings = List.copyOf(findings);
        upgrades = List.copyOf(upgrades);
        warnings = List.copyOf(warnings);
    }
}
