package dev.mamori.report;

import dev.mamori.match.Finding;
import dev.mamori.match.UpgradeAdvice;
import dev.mamori.risk.Assessment;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.DependencyGraph;
import dev.mamori.vex.VexDecision;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes scan reports as a plain-text table for people, most urgent first: per finding its priority, component,
 * installed version, vulnerability and aliases, severity, CVSS base score beside the environmental score in the
 * product, SSVC decision, weakness class and nearest fix; then the priority list with one line of reasons per
 * vulnerability, the findings VEX suppressed (with the statement), upgrades and warnings.
 */
public final class TableWriter {
    private static final String[] HEADER = {"PRIORITY", "COMPONENT", "VERSION", "ADVISORY", "ALIASES", "SEVERITY", "CVSS",
        "ENV", "SSVC", "WEAKNESS", "FIXED IN"};

    private TableWriter() {}

    public static void write(List<ScanReport> reports, PrintWriter out) {
        for (ScanReport report : reports) {
            if (reports.size() > 1) {
                out.println("== " + report.sbom());
            }
            if (report.findings().isEmpty()) {
                out.println("No known vulnerabilities.");
            } else {
                List<String[]> rows = new ArrayList<>();
                rows.add(HEADER);
                java.util.Map<Finding, VexDecision> vexes = report.vexByFinding();
                for (Finding f : report.findingsByPriority()) {
                    Assessment a = report.assessment(f);
                    VexDecision vex = vexes.get(f);
                    rows.add(new String[] {
                        ReportText.priority(a),
                        f.component().displayName(),
                        f.installedVersion(),
                        f.vulnerabilityId() + (vex == null ? "" : " [VEX: " + vex.statement().status().label() + "]"),
                        String.join(", ", f.aliases()),
                        f.severity().label(),
                        ReportText.base(a),
                        ReportText.environmental(a),
                        ReportText.ssvc(a),
                        ReportText.weakness(a),
                        f.nearestFix() == null ? "-" : f.nearestFix()
                    });
                }
                table(rows, out);
            }
            long components = report.findings().stream().map(f -> f.component()).distinct().count();
            out.println();
            out.printf("%d finding%s in %d of %d components (%d advisories checked)%s%n",
                    report.findings().size(), report.findings().size() == 1 ? "" : "s",
                    components, report.componentsScanned(), report.advisoriesLoaded(),
                    report.suppressed().isEmpty() ? "" : "; " + report.suppressed().size() + " suppressed by VEX");
            if (!report.risk().isEmpty()) {
                out.println();
                Assessment first = report.risk().values().iterator().next();
                out.println("Priority (SSVC " + first.ssvc().table() + "):");
                for (Assessment a : report.risk().values()) {
                    out.println("  " + a.priority() + ". " + a.vulnerabilityId() + "  " + a.reasons());
                }
            }
            List<VexDecision> suppressed = report.suppressed();
            if (!suppressed.isEmpty()) {
                out.println();
                out.println("Suppressed by VEX (not affected or fixed; these never fail the build):");
                for (VexDecision d : suppressed) {
                    Finding f = d.finding();
                    out.println("  " + f.component().displayName() + " " + f.installedVersion() + "  " + f.vulnerabilityId()
                            + "  by " + ReportText.vex(d.statement()));
                }
            }
            if (!report.upgrades().isEmpty()) {
                out.println();
                out.println("Upgrades (smallest version that fixes every known vulnerability of the component):");
                DependencyGraph graph = report.bom() == null ? null : DependencyGraph.of(report.bom());
                for (UpgradeAdvice u : report.upgrades()) {
                    String what = u.target() == null ? "no fixed version known"
                            : u.installedVersion() + " -> " + u.target() + " (" + u.bump().label() + ")";
                    String rest = u.remains().isEmpty() ? "" : "; still open: " + String.join(", ", u.remains());
                    out.println("  " + u.component().displayName() + ": " + what + rest + via(graph, u.component()));
                }
            }
            for (String w : report.warnings()) {
                out.println("warning: " + w);
            }
        }
        out.flush();
    }

    /** "; direct dependency" or "; via a 1.0 (+2 more)": which of the product's direct dependencies bring it in. */
    static String via(DependencyGraph graph, Component c) {
        String why = ReportText.introduced(graph, c);
        return why == null ? "" : "; " + why;
    }

    private static void table(List<String[]> rows, PrintWriter out) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
