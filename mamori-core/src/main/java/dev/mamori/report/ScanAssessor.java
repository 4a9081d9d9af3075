package dev.mamori.report;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.EpssScore;
import dev.mamori.advisory.KevListing;
import dev.mamori.advisory.Reference;
import dev.mamori.advisory.Severity;
import dev.mamori.advisory.Ssvc;
import dev.mamori.match.Finding;
import dev.mamori.risk.Assessment;
import dev.mamori.risk.Assessor;
import dev.mamori.risk.CweCatalog;
import dev.mamori.risk.Epss;
import dev.mamori.risk.ExploitEvidence;
import dev.mamori.risk.KevEntry;
import dev.mamori.risk.Priorities;
import dev.mamori.risk.PriorityPolicy;
import dev.mamori.risk.RiskInput;
import dev.mamori.risk.RiskProfile;
import dev.mamori.risk.Source;
import dev.mamori.risk.ThreatIntel;
import dev.mamori.risk.UserInputs;
import dev.mamori.risk.VulnrichmentSsvc;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Assesses the vulnerabilities of a scan in its product with {@link Assessor} and orders them with
 * {@link Priorities}. The inputs of each vulnerability come from its findings' advisories — CVSS vectors, CWEs,
 * KEV listings, CISA's SSVC options (Vulnrichment), references tagged as exploits — and from the threat data
 * given ({@link ThreatData}: a KEV catalogue wins over an advisory's KEV listing; EPSS by CVE).
 */
public final class ScanAssessor {
    private ScanAssessor() {}

    /** The assessments by vulnerability id, most urgent first. */
    public static Map<String, Assessment> assess(List<Finding> findings, ThreatData threats, RiskProfile profile,
                                                 CweCatalog catalog, PriorityPolicy policy) {
        Map<String, List<Finding>> byVuln = new LinkedHashMap<>();
        for (Finding f : findings) {
            byVuln.computeIfAbsent(f.vulnerabilityId(), k -> new ArrayList<>()).add(f);
        }
        List<Assessment> assessed = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> e : byVuln.entrySet()) {
            assessed.add(Assessor.assess(input(e.getKey(), e.getValue(), threats), profile, catalog, policy));
        }
        Map<String, Assessment> out = new LinkedHashMap<>();
        for (Assessment a : Priorities.order(assessed, policy)) {
            out.put(a.vulnerabilityId(), a);
        }
        return out;
    }

    /** The CVE ids of a finding: its canonical id and aliases that are CVEs, upper case. */
    public static List<String> cves(Finding f) {
        Set<String> out = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        ids.add(f.vulnerabilityId());
        ids.addAll(f.aliases());
        for (String id : ids) {
            if (id.regionMatches(true, 0, "CVE-", 0, 4)) {
                out.add(id.toUpperCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * What is known about one vulnerability from its findings' advisories and the threat data: the scan's input per
     * vulnerability, and the portfolio server's per finding.
     */
    public static RiskInput input(String vulnerabilityId, List<Finding> findings, ThreatData threats) {
        Set<String> vectors = new LinkedHashSet<>();
        Set<String> cwes = new LinkedHashSet<>();
        List<ExploitEvidence> evidence = new ArrayList<>();
        Set<String> exploitUrls = new LinkedHashSet<>();
        VulnrichmentSsvc vulnrichment = null;
        KevEntry kev = null;
        Epss epss = null;
        Set<Advisory> advisories = new LinkedHashSet<>();
        Set<String> cves = new LinkedHashSet<>();
        for (Finding f : findings) {
            advisories.addAll(f.advisories());
            cves.addAll(cves(f));
        }
        for (String cve : cves) {
            dev.mamori.advisory.KevEntry k = threats.kev().get(cve);
            if (k != null && kev == null) {
                kev = new KevEntry(k.cveId(), date(k.dateAdded()), date(k.dueDate()), k.knownRansomware());
            }
            EpssScore s = threats.epss().get(cve);
            if (s != null && epss == null) {
                epss = new Epss(s.epss(), s.percentile(), threats.epssDate());
            }
        }
        for (Advisory a : advisories) {
            for (Severity s : a.severities()) {
                if (s.isCvss() && s.score() != null) {
                    vectors.add(s.score().strip());
                }
            }
            for (String cwe : a.cwes()) {
                cwes.add(cwe.toUpperCase(Locale.ROOT));
            }
            for (Reference r : a.references()) {
                if (r.isExploit() && exploitUrls.add(r.url())) {
                    evidence.add(new ExploitEvidence(dev.mamori.risk.Ssvc.Exploitation.PUBLIC_POC, Source.ADVISORY,
                            "reference tagged as exploit by " + a.id() + ": " + r.url()));
                }
            }
            for (Ssvc s : a.ssvc()) {
                if (vulnrichment == null && (s.exploitation() != null || s.automatable() != null || s.technicalImpact() != null)) {
                    try {
                        vulnrichment = VulnrichmentSsvc.of(s.exploitation(), s.automatable(), s.technicalImpact(), s.timestamp());
                    } catch (IllegalArgumentException e) {
                        vulnrichment = null; // a value outside SSVC's words is not used
                    }
                }
            }
            if (kev == null) {
                for (KevListing k : a.kev()) {
                    LocalDate added = date(k.dateAdded());
                    if (added != null) {
                        kev = new KevEntry(cves.isEmpty() ? vulnerabilityId : cves.iterator().next(), added, date(k.dueDate()), false);
                        break;
                    }
                }
            }
        }
        return new RiskInput(vulnerabilityId, new ArrayList<>(vectors), new ArrayList<>(cwes),
                new ThreatIntel(epss, kev, evidence, vulnrichment), UserInputs.none());
    }

    private static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
