package dev.mamori.report;

import dev.mamori.match.Finding;
import dev.mamori.match.UpgradeAdvice;
import dev.mamori.risk.Assessment;
import dev.mamori.sbom.Bom;
import dev.mamori.vex.VexApplier;
import dev.mamori.vex.VexDecision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scan found, ready to be written in any output format.
 *
 * @param sbom                the SBOM file that was scanned
 * @param bom                 the SBOM as read (needed by the CycloneDX output and VEX), or null
 * @param componentsScanned   how many components it has (nested ones included)
 * @param advisoriesLoaded    how many advisories were matched against
 * @param findings            one per component and vulnerability, without the ones VEX suppressed
 * @param vex                 for each finding a VEX statement applied to, the deciding statement: those that
 *                            suppress (not affected, fixed) — their findings are not in {@code findings} — and those
 *                            that keep it (affected, under investigation)
 * @param upgrades            per affected component, the smallest upgrade that fixes its vulnerabilities
 * @param risk                per vulnerability id, its assessment in the product, most urgent first (may be empty)
 * @param warnings            what could not be read or evaluated, each with its place
 */
public record ScanReport(String sbom, Bom bom, int componentsScanned, int advisoriesLoaded, List<Finding> findings,
                         List<VexDecision> vex, List<UpgradeAdvice> upgrades, Map<String, Assessment> risk,
                         List<String> warnings) {
    public ScanReport {
        findings = List.copyOf(findings);
        vex = List.copyOf(vex);
        upgrades = List.copyOf(upgrades);
        risk = Collections.unmodifiableMap(new LinkedHashMap<>(risk));
        warnings = List.copyOf(warnings);
    }

    /** A report without VEX or risk assessment. */
    public ScanReport(String sbom, int componentsScanned, int advisoriesLoaded, List<Finding> findings,
                      List<UpgradeAdvice> upgrades, List<String> warnings) {
        this(sbom, null, componentsScanned, advisoriesLoaded, findings, List.of(), upgrades, Map.of(), warnings);
    }

    /** A report of a matched SBOM, before VEX and risk assessment. */
    public ScanReport(String sbom, Bom bom, int componentsScanned, int advisoriesLoaded, List<Finding> findings,
                      List<UpgradeAdvice> upgrades, List<String> warnings) {
        this(sbom, bom, componentsScanned, advisoriesLoaded, findings, List.of(), upgrades, Map.of(), warnings);
    }

    /** This report with VEX applied to its findings: suppressed ones move out of {@link #findings()}. */
    public ScanReport withVex(VexApplier.Result result) {
        return new ScanReport(sbom, bom, componentsScanned, advisoriesLoaded, result.kept(), result.decisions(), upgrades,
                risk, warnings);
    }

    /** This report with the risk assessments of its vulnerabilities (most urgent first). */
    public ScanReport withRisk(Map<String, Assessment> assessments) {
        return new ScanReport(sbom, bom, componentsScanned, advisoriesLoaded, findings, vex, upgrades, assessments, warnings);
    }

    /** This report with more warnings. */
    public ScanReport withWarnings(List<String> more) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new ScanReport(sbom, bom, componentsScanned, advisoriesLoaded, findings, vex, upgrades, risk, all);
    }

    /** The findings VEX suppressed, with the statement that did it. */
    public List<VexDecision> suppressed() {
        return vex.stream().filter(VexDecision::suppressed).toList();
    }

    /** The VEX statement that decided a finding that was kept (affected, under investigation), or null. */
    public VexDecision vexOf(Finding f) {
        for (VexDecision d : vex) {
            if (d.finding() == f) {
                return d;
            }
        }
        return null;
    }

    /** Every VEX decision by its finding (identity), for writers that look many findings up. */
    public Map<Finding, VexDecision> vexByFinding() {
        Map<Finding, VexDecision> out = new IdentityHashMap<>();
        for (VexDecision d : vex) {
            out.put(d.finding(), d);
        }
        return out;
    }

    /** The assessment of a finding's vulnerability, or null when the report has none. */
    public Assessment assessment(Finding f) {
        return risk.get(f.vulnerabilityId());
    }

    /** The findings ordered by priority (most urgent first; findings without an assessment last, in order). */
    public List<Finding> findingsByPriority() {
        Map<Finding, Integer> rank = new IdentityHashMap<>();
        for (Finding f : findings) {
            Assessment a = assessment(f);
            rank.put(f, a == null || a.priority() == 0 ? Integer.MAX_VALUE : a.priority());
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((x, y) -> Integer.compare(rank.get(x), rank.get(y)));
        return sorted;
    }
}
