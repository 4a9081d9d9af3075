package dev.mamori.report;

import dev.mamori.advisory.Advisory;
import dev.mamori.match.Finding;
import dev.mamori.risk.Assessment;
import dev.mamori.vex.VexDecision;
import dev.mamori.vex.VexStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes scan reports as CSV (RFC 4180: a header row, CRLF line ends, fields with a comma, double quote, CR or LF
 * quoted, double quotes doubled): one row per finding, open findings first (most urgent first), then those VEX
 * suppressed. Lists inside a field (aliases, CWEs, advisories) are separated by spaces. Empty field: no value.
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><td>sbom</td><td>the SBOM file scanned</td></tr>
 *   <tr><td>status</td><td>{@code open}, or {@code suppressed} (by VEX)</td></tr>
 *   <tr><td>priority</td><td>rank in the scan's priority list (1 = most urgent), open findings only</td></tr>
 *   <tr><td>component, version, purl, bom_ref</td><td>the component and its installed version</td></tr>
 *   <tr><td>vulnerability, aliases</td><td>canonical id (the CVE when there is one) and every other id</td></tr>
 *   <tr><td>severity</td><td>the most severe level any matched advisory gives</td></tr>
 *   <tr><td>cvss_version, cvss_base, cvss_environmental</td><td>the newest CVSS vector's version, base score, and
 *       environmental score in the product (risk profile applied)</td></tr>
 *   <tr><td>epss, epss_percentile</td><td>EPSS probability and percentile (0–1)</td></tr>
 *   <tr><td>kev_date_added</td><td>when it entered CISA's KEV catalogue, if it is there</td></tr>
 *   <tr><td>ssvc</td><td>the SSVC decision (Track, Track*, Attend, Act)</td></tr>
 *   <tr><td>weakness, cwes</td><td>weakness class (design, code, configuration, unknown) and the CWEs</td></tr>
 *   <tr><td>fixed_in, newest_fix</td><td>the nearest fixed version on the installed release line, the newest fix</td></tr>
 *   <tr><td>confidence, match_method, advisories</td><td>the match evidence: confidence, how the component was
 *       matched, the advisory records that matched</td></tr>
 *   <tr><td>vex_file, vex_statement, vex_status, vex_justification</td><td>the VEX statement that decided the
 *       finding, if any</td></tr>
 *   <tr><td>reasons</td><td>the one-line priority reasons</td></tr>
 * </table>
 */
public final class CsvWriter {
    /** The header row. */
    public static final List<String> COLUMNS = List.of("sbom", "status", "priority", "component", "version", "purl",
            "bom_ref", "vulnerability", "aliases", "severity", "cvss_version", "cvss_base", "cvss_environmental", "epss",
            "epss_percentile", "kev_date_added", "ssvc", "weakness", "cwes", "fixed_in", "newest_fix", "confidence",
            "match_method", "advisories", "vex_file", "vex_statement", "vex_status", "vex_justification", "reasons");

    private CsvWriter() {}

    public static void write(List<ScanReport> reports, Writer out) {
        try {
            row(out, COLUMNS);
            for (ScanReport r : reports) {
                java.util.Map<Finding, VexDecision> vex = r.vexByFinding();
                for (Finding f : r.findingsByPriority()) {
                    VexDecision d = vex.get(f);
                    row(out, fields(r, f, r.assessment(f), "open", d == null ? null : d.statement()));
                }
                for (VexDecision d : r.suppressed()) {
                    row(out, fields(r, d.finding(), null, "suppressed", d.statement()));
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fields(ScanReport r, Finding f, Assessment a, String status, VexStatement vex) {
        Set<String> cwes = new LinkedHashSet<>();
        List<String> advisories = new ArrayList<>();
        for (Advisory adv : f.advisories()) {
            cwes.addAll(adv.cwes());
            advisories.add(adv.id());
        }
        List<String> v = new ArrayList<>(COLUMNS.size());
        v.add(r.sbom());
        v.add(status);
        v.add(a == null || a.priority() == 0 ? "" : Integer.toString(a.priority()));
        v.add(f.component().displayName());
        v.add(f.installedVersion());
        v.add(f.component().purlText());
        v.add(f.component().bomRef());
        v.add(f.vulnerabilityId());
        v.add(String.join(" ", f.aliases()));
        v.add(f.severity().label());
        boolean scored = a != null && a.primaryScore() != null;
        v.add(scored ? a.primaryScore().version().label() : "");
        v.add(scored ? ReportText.score(a.primaryScore().baseScore()) : "");
        v.add(scored ? ReportText.score(a.primaryScore().environmentalScore()) : "");
        v.add(a != null && a.epss() != null ? Double.toString(a.epss().score()) : "");
        v.add(a != null && a.epss() != null ? Double.toString(a.epss().percentile()) : "");
        v.add(a != null && a.kev() != null && a.kev().dateAdded() != null ? a.kev().dateAdded().toString() : "");
        v.add(a == null || a.ssvc() == null ? "" : a.ssvc().label());
        v.add(a == null ? "" : ReportText.weakness(a));
        v.add(String.join(" ", cwes));
        v.add(f.nearestFix());
        v.add(f.fix().newest());
        v.add(f.confidence().name().toLowerCase(Locale.ROOT));
        v.add(f.evidence().method().name().toLowerCase(Locale.ROOT));
        v.add(String.join(" ", advisories));
        v.add(vex == null ? "" : vex.source());
        v.add(vex == null ? "" : vex.statementId());
        v.add(vex == null ? "" : vex.statusText());
        v.add(vex == null ? "" : vex.justification());
        v.add(a == null ? "" : a.reasons());
        return v;
    }

    private static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** One field, quoted when RFC 4180 requires it. */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
