package dev.mamori.report;

import dev.mamori.match.Evidence;
import dev.mamori.match.Finding;
import dev.mamori.risk.Assessment;
import dev.mamori.risk.ProductScore;
import dev.mamori.risk.WeaknessClass;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.DependencyGraph;
import dev.mamori.vex.VexStatement;
import java.util.List;
import java.util.Locale;

/** Short texts the writers share. */
final class ReportText {
    private ReportText() {}

    /** A score with one decimal. */
    static String score(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }

    /** The base score of the newest CVSS vector, or "-". */
    static String base(Assessment a) {
        ProductScore s = a == null ? null : a.primaryScore();
        return s == null ? "-" : score(s.baseScore());
    }

    /** The environmental score of the newest CVSS vector in the product, or "-". */
    static String environmental(Assessment a) {
        ProductScore s = a == null ? null : a.primaryScore();
        return s == null ? "-" : score(s.environmentalScore());
    }

    /** The SSVC decision of the lead tree ({@code Act}…), or "-". */
    static String ssvc(Assessment a) {
        return a == null || a.ssvc() == null ? "-" : a.ssvc().label();
    }

    /** The weakness class, {@code unknown} without one. */
    static String weakness(Assessment a) {
        return a == null || a.weakness() == null ? WeaknessClass.UNKNOWN.label() : a.weakness().weaknessClass().label();
    }

    /** {@code #3}, or "-". */
    static String priority(Assessment a) {
        return a == null || a.priority() == 0 ? "-" : "#" + a.priority();
    }

    /** The purl of the component as written, else its bom-ref, else name@version. */
    static String identity(Finding f) {
        if (f.component().purlText() != null) {
            return f.component().purlText();
        }
        if (f.component().bomRef() != null) {
            return f.component().bomRef();
        }
        return f.component().displayName() + (f.installedVersion() == null ? "" : "@" + f.installedVersion());
    }

    /** How the finding was matched, in one sentence. */
    static String evidence(Finding f) {
        StringBuilder b = new StringBuilder();
        Evidence e = f.evidence();
        b.append(e.method().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" match of ").append(e.identifier());
        if (!e.matched().isEmpty()) {
            Evidence.MatchedStatement m = e.matched().getFirst();
            b.append(" by ").append(m.advisoryId()).append(' ').append(m.range());
            if (e.matched().size() > 1) {
                b.append(" (and ").append(e.matched().size() - 1).append(" more advisor").append(e.matched().size() == 2 ? "y" : "ies").append(')');
            }
        }
        b.append("; confidence ").append(f.confidence().name().toLowerCase(Locale.ROOT));
        if (e.reason() != null && !e.reason().isBlank()) {
            b.append(" (").append(e.reason()).append(')');
        }
        return b.toString();
    }

    /** The one-line message of a finding: component, installed version, vulnerability, fix and evidence. */
    /**
     * How the component got into the product, from the SBOM's dependency graph: "direct dependency", "via a 1.0
     * (+2 more)" (the first of the direct dependencies that bring it in, and how many others do), or null when the
     * graph does not reach it.
     */
    static String introduced(DependencyGraph graph, Component c) {
        if (graph == null || graph.pathTo(c).isEmpty()) {
            return null;
        }
        if (graph.isDirect(c)) {
            return "direct dependency";
        }
        List<Component> by = graph.introducedBy(c);
        if (by.isEmpty()) {
            return null;
        }
        Component first = by.get(0);
        return "via " + first.displayName() + (first.version() == null ? "" : " " + first.version())
                + (by.size() > 1 ? " (+" + (by.size() - 1) + " more)" : "");
    }

    static String message(Finding f) {
        StringBuilder b = new StringBuilder();
        b.append(f.component().displayName()).append(' ').append(f.installedVersion()).append(" is affected by ")
                .append(f.vulnerabilityId());
        if (!f.aliases().isEmpty()) {
            b.append(" (").append(String.join(", ", f.aliases())).append(')');
        }
        String summary = f.advisory().summary();
        if (summary != null && !summary.isBlank()) {
            b.append(": ").append(summary.strip());
        }
        b.append(". ");
        b.append(f.nearestFix() == null ? "No fixed version is known." : "Fixed in " + f.nearestFix()
                + (f.fix().newest() != null && !f.fix().newest().equals(f.nearestFix()) ? " (newest fix " + f.fix().newest() + ")" : "") + ".");
        b.append(" Evidence: ").append(evidence(f)).append('.');
        return b.toString();
    }

    /** The VEX statement in one line. */
    static String vex(VexStatement s) {
        StringBuilder b = new StringBuilder(s.describe());
        if (s.detail() != null) {
            b.append(" — ").append(s.detail().strip().replaceAll("\\s+", " "));
        }
        return b.toString();
    }
}
