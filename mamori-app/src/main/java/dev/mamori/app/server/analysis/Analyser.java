package dev.mamori.app.server.analysis;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.Reference;
import dev.mamori.app.server.JsonText;
import dev.mamori.input.InputException;
import dev.mamori.match.Finding;
import dev.mamori.match.Matcher;
import dev.mamori.purl.PackageKey;
import dev.mamori.purl.Purl;
import dev.mamori.report.ScanAssessor;
import dev.mamori.report.ThreatData;
import dev.mamori.risk.Assessment;
import dev.mamori.risk.Assessor;
import dev.mamori.risk.Priorities;
import dev.mamori.risk.CweCatalog;
import dev.mamori.risk.PriorityPolicy;
import dev.mamori.risk.RiskInput;
import dev.mamori.risk.RiskProfile;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.Metadata;
import dev.mamori.sbom.SbomFormat;
import dev.mamori.store.Database;
import dev.mamori.store.StoredCwe;
import dev.mamori.store.portfolio.AssessmentBasisRepository;
import dev.mamori.store.portfolio.ComponentRepository;
import dev.mamori.store.portfolio.FindingData;
import dev.mamori.store.portfolio.FindingRepository;
import dev.mamori.store.portfolio.Product;
import dev.mamori.store.portfolio.ProductRepository;
import dev.mamori.store.portfolio.Release;
import dev.mamori.store.portfolio.ReleaseRepository;
import dev.mamori.store.portfolio.StoredComponent;
import dev.mamori.store.portfolio.TriageRepository;
import dev.mamori.store.portfolio.TriageResolver;
import dev.mamori.store.queue.WorkQueue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Analyses one release: its stored components against the advisories in force ({@link Matcher}), each finding
 * assessed in the product ({@link Assessor} with the product's risk profile, and the store's KEV, EPSS and CWE
 * catalogue as {@code mamori scan --db} uses them), then reconciled with the release's stored findings (added,
 * updated, no longer present) and triaged by the decisions that reach it. The KEV and EPSS data the assessments used
 * is recorded with them ({@link AssessmentBasisRepository}), so that an import that changes it re-analyses the release.
 */
@Service
class Analyser {
    private static final PriorityPolicy POLICY = PriorityPolicy.defaults();

    private final ReleaseRepository releases;
    private final ProductRepository products;
    private final ComponentRepository components;
    private final FindingRepository findings;
    private final TriageRepository triage;
    private final AdvisoryProvider advisories;
    private final ThreatIntelligence threats;
    private final AssessmentBasisRepository basis;
    private final AnalysisQueue queue;
    private final Database db;
    private final JsonText json;
    private final Clock clock;

    Analyser(ReleaseRepository releases, ProductRepository products, ComponentRepository components, FindingRepository findings,
             TriageRepository triage, AdvisoryProvider advisories, ThreatIntelligence threats, AssessmentBasisRepository basis,
             AnalysisQueue queue, Database db, JsonText json, Clock clock) {
        this.releases = releases;
        this.products = products;
        this.components = components;
        this.findings = findings;
        this.triage = triage;
        this.advisories = advisories;
        this.threats = threats;
        this.basis = basis;
        this.queue = queue;
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** What one analysis did (the job's result). */
    record Result(long releaseId, String outcome, int components, int advisories, String advisoriesFingerprint, int added,
                  int updated, int reopened, int closed, int present, long millis, Timing timing, Threats threats) {}

    /**
     * The threat intelligence the assessments used: the findings' CVEs, how many of them are in the store's KEV and
     * have an EPSS score, and the CWE catalogue's version (null without one).
     */
    record Threats(int cves, int kev, int epss, String cweCatalog) {}

    /** Where the time went, in milliseconds: reading components, matching, assessing, writing findings. */
    record Timing(long load, long match, long assess, long store) {}

    Result analyse(long releaseId) {
        long started = System.nanoTime();
        Optional<Release> found = releases.find(releaseId);
        if (found.isEmpty()) {
            return new Result(releaseId, "release deleted", 0, 0, null, 0, 0, 0, 0, 0, 0, null, null);
        }
        Release release = found.get();
        Product product = products.find(release.productId()).orElseThrow();
        RiskProfile profile = profile(product);
        AdvisorySnapshot snapshot = advisories.current();
        List<StoredComponent> stored = components.all(releaseId);
        Map<Component, StoredComponent> origin = new IdentityHashMap<>();
        Component subject = null;
        List<Component> list = new ArrayList<>();
        for (StoredComponent s : stored) {
            Component c = component(s);
            if (StoredComponent.ROLE_SUBJECT.equals(s.role())) {
                subject = c;
            } else {
                list.add(c);
                origin.put(c, s);
            }
        }
        Metadata metadata = new Metadata(null, null, null, null, null, null, subject, null, null, null, null);
        Bom bom = new Bom(SbomFormat.CYCLONEDX, null, null, null, null, metadata, list, Map.of(), List.of());
        long loaded = System.nanoTime();
        Matcher.Result matched = new Matcher(snapshot.index()).match(bom);
        long matchedAt = System.nanoTime();

        // the store's threat intelligence for this release's CVEs, in bulk (not per finding)
        String intelBefore = threats.signature();
        Set<String> cves = new LinkedHashSet<>();
        for (Finding f : matched.findings()) {
            if (origin.containsKey(f.component())) {
                cves.addAll(ScanAssessor.cves(f));
            }
        }
        ThreatData threatData = threats.data(cves);
        StoredCwe cwe = threats.storedCwe();
        CweCatalog catalog = cwe == null ? null : cwe.catalog();

        List<FindingData> data = new ArrayList<>();
        Set<PackageKey> packages = new LinkedHashSet<>();
        Map<RiskInput, Assessed> assessments = new java.util.HashMap<>();
        Map<String, StoredComponent> byRef = new java.util.HashMap<>();
        for (StoredComponent s : stored) {
            if (s.bomRef() != null) {
                byRef.putIfAbsent(s.bomRef(), s);
            }
        }
        for (Finding f : matched.findings()) {
            StoredComponent s = origin.get(f.component());
            if (s == null) {
                continue;
            }
            packages.add(new PackageKey(s.packageEcosystem(), s.packageName()));
            data.add(data(f, s, profile, threatData, catalog, assessments, byRef));
        }
        Map<String, Integer> rank = ranks(assessments.values().stream().map(Assessed::assessment)
                .filter(java.util.Objects::nonNull).toList());
        data.replaceAll(d -> d.withPriorityRank(rank.get(d.vulnerabilityId())));
        List<AssessmentBasisRepository.Basis> used = new ArrayList<>();
        for (String cve : cves) {
            used.add(new AssessmentBasisRepository.Basis(cve, threatData.kev().get(cve), threatData.epss().get(cve)));
        }
        long assessed = System.nanoTime();
        TriageResolver resolver = new TriageResolver(triage.activeFor(packages));
        Instant now = clock.instant();
        FindingRepository.Reconciled r = db.inTransaction(() -> {
            FindingRepository.Reconciled rec = findings.reconcile(releaseId, release.productId(), release.currentSbomId(), stored,
                    data, resolver, now);
            basis.replace(releaseId, used);
            return rec;
        });
        if (!intelBefore.equals(threats.signature())) {
            // KEV, EPSS or CWE was imported while this analysis ran: what it recorded may already be out of date
            queue.request(releaseId, WorkQueue.PRIORITY_ADVISORIES, "threat intelligence changed during the analysis");
        }
        long done = System.nanoTime();
        return new Result(releaseId, "analysed", list.size(), snapshot.advisories().size(), snapshot.fingerprint(), r.added(),
                r.updated(), r.reopened(), r.closed(), r.present(), (done - started) / 1_000_000,
                new Timing((loaded - started) / 1_000_000, (matchedAt - loaded) / 1_000_000, (assessed - matchedAt) / 1_000_000,
                        (done - assessed) / 1_000_000),
                new Threats(cves.size(), threatData.kev().size(), threatData.epss().size(), cwe == null ? null
                        : cwe.version() == null ? "store" : cwe.version()));
    }

    private RiskProfile profile(Product product) {
        if (product.riskProfile() == null) {
            return RiskProfile.unknown();
        }
        try {
            return RiskProfile.read(new ByteArrayInputStream(product.riskProfile().getBytes(StandardCharsets.UTF_8)),
                    "product " + product.id());
        } catch (InputException e) {
            return RiskProfile.unknown();
        }
    }

    private static Component component(StoredComponent s) {
        Component.Builder b = Component.builder(s.name()).group(s.group()).version(s.version()).type(s.type()).bomRef(s.bomRef());
        if (s.purl() != null) {
            Purl parsed = null;
            try {
                parsed = Purl.parse(s.purl());
            } catch (RuntimeException e) {
                // kept as text only, as the reader did
            }
            b.purl(s.purl(), parsed);
        }
        s.cpes().forEach(b::cpe);
        return b.build();
    }

    /** The component's stored chain from the SBOM's subject, subject first; empty when the SBOM gave none. */
    static List<Map<String, Object>> chain(StoredComponent s, Map<String, StoredComponent> byRef) {
        if (s.dependencyDepth() == null || s.dependencyDepth() < 1) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        StoredComponent at = s;
        for (int guard = 0; at != null && guard <= s.dependencyDepth(); guard++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", at.group() == null || at.group().isBlank() ? at.name() : at.group() + ":" + at.name());
            m.put("version", at.version());
            m.put("bomRef", at.bomRef());
            out.add(m);
            at = at.viaRef() == null ? null : byRef.get(at.viaRef());
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** An assessment and its score, as stored; the same vulnerability in several components is assessed once. */
    private record Assessed(Double score, String text, Assessment assessment) {}

    private FindingData data(Finding f, StoredComponent s, RiskProfile profile, ThreatData threatData, CweCatalog catalog,
                             Map<RiskInput, Assessed> cache, Map<String, StoredComponent> byRef) {
        Advisory first = f.advisory();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("identifier", f.evidence().identifier());
        evidence.put("method", f.evidence().method().name());
        evidence.put("reason", f.evidence().reason());
        evidence.put("installedVersion", f.installedVersion());
        evidence.put("matched", f.evidence().matched());
        List<Map<String, Object>> chain = chain(s, byRef);
        if (!chain.isEmpty()) {
            // why the component is in the release: its shortest chain from the SBOM's subject
            evidence.put("direct", s.dependencyDepth() == 1);
            evidence.put("dependencyPath", chain);
        }
        List<Map<String, Object>> advisoryList = new ArrayList<>();
        for (Advisory a : f.advisories()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("source", a.source());
            m.put("origin", a.provenance().origin());
            m.put("summary", a.summary());
            m.put("published", a.published());
            m.put("modified", a.modified());
            m.put("severity", a.severityLevel().label());
            m.put("cwes", a.cwes());
            m.put("references", a.references().stream().limit(20).map(Reference::url).toList());
            advisoryList.add(m);
        }
        evidence.put("advisories", advisoryList);
        Map<String, Object> fix = new LinkedHashMap<>();
        fix.put("nearest", f.fix().nearest());
        fix.put("newest", f.fix().newest());
        fix.put("all", f.fix().all());
        // as the scan builds it: CVSS vectors, CWEs, exploit references, Vulnrichment and KEV listings of the advisories,
        // and the store's KEV entry and EPSS score of the finding's CVEs
        RiskInput input = ScanAssessor.input(f.vulnerabilityId(), List.of(f), threatData);
        Assessed assessed = cache.computeIfAbsent(input, in -> {
            try {
                Assessment a = Assessor.assess(in, profile, catalog, POLICY);
                return new Assessed(a.primaryScore() == null ? null : a.primaryScore().environmentalScore(), json.text(a), a);
            } catch (RuntimeException e) {
                return new Assessed(null, json.text(Map.of("notes", List.of("assessment failed: " + e.getMessage()))), null);
            }
        });
        Double score = assessed.score();
        String assessmentText = assessed.text();
        return new FindingData(s.id(), s.componentKey(), s.name(), f.installedVersion(), s.purl(), s.packageEcosystem(),
                s.packageName(), f.vulnerabilityId(), f.aliases(), first.summary(), f.severity().label(), f.severity().ordinal(),
                score, f.confidence().name(), json.text(evidence), json.text(fix), f.fix().nearest(), assessmentText, null);
    }

    /**
     * The release's priority order: every assessment ordered by the priority policy, as the scan orders its list, one
     * rank per vulnerability (1 = most urgent); vulnerabilities whose assessment failed are not ranked.
     */
    static Map<String, Integer> ranks(java.util.Collection<Assessment> assessed) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Assessment a : Priorities.order(assessed, POLICY)) {
            out.putIfAbsent(a.vulnerabilityId(), out.size() + 1);
        }
        return out;
    }
}
