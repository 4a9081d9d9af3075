package dev.mamori.report;

import dev.mamori.match.Finding;
import dev.mamori.match.UpgradeAdvice;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Writes scan reports as a plain-text table for people. */
public final class TableWriter {
    private static final String[] HEADER = {"COMPONENT", "VERSION", "ADVISORY", "ALIASES", "SEVERITY", "FIXED IN"};

    private TableWriter() {}

    public static void write(List<ScanReport> reports, PrintWriter out) {
        for (ScanReport report : reports) {
            List<String[]> rows = new ArrayList<>();
            rows.add(HEADER);
            for (Finding f : report.findings()) {
                rows.add(new String[] {
                    f.component().displayName(),
                    f.installedVersion(),
                    f.vulnerabilityId(),
                    String.join(", ", f.aliases()),
                    f.severity().label(),
                    f.nearestFix() == null ? "-" : f.nearestFix()
                });
            }
            if (reports.size() > 1) {
                out.println("== " + report.sbom());
            }
            if (report.findings().isEmpty()) {
                out.println("No known vulnerabilities.");
            } else {
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
            long components = report.findings().stream().map(f -> f.component()).distinct().count();
            out.println();
            out.printf("%d finding%s in %d of %d components (%d advisories checked)%n",
                    report.findings().size(), report.findings().size() == 1 ? "" : "s",
                    components, report.componentsScanned(), report.advisoriesLoaded());
            if (!report.upgrades().isEmpty()) {
                out.println();
                out.println("Upgrades (smallest version that fixes every known vulnerability of the component):");
                for (UpgradeAdvice u : report.upgrades()) {
                    String what = u.target() == null ? "no fixed version known"
                            : u.installedVersion() + " -> " + u.target() + " (" + u.bump().label() + ")";
                    String rest = u.remains().isEmpty() ? "" : "; still open: " + String.join(", ", u.remains());
                    out.println("  " + u.component().displayName() + ": " + what + rest);
                }
            }
            for (String w : report.warnings()) {
                out.println("warning: " + w);
            }
        }
        out.flush();
    }
}
