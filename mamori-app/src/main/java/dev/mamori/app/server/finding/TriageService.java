package dev.mamori.app.server.finding;

import dev.mamori.app.server.ApiException;
import dev.mamori.app.server.JsonText;
import dev.mamori.purl.PackageKey;
import dev.mamori.store.AuditLog;
import dev.mamori.store.Database;
import dev.mamori.store.portfolio.FindingRepository;
import dev.mamori.store.portfolio.Justification;
import dev.mamori.store.portfolio.ReleaseRepository;
import dev.mamori.store.portfolio.StoredFinding;
import dev.mamori.store.portfolio.TriageDecision;
import dev.mamori.store.portfolio.TriageRepository;
import dev.mamori.store.portfolio.TriageResolver;
import dev.mamori.store.portfolio.TriageScope;
import dev.mamori.store.portfolio.TriageState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Triage: a decision about a vulnerability in a package, within a scope (a release, a product, or every release
 * with the same package version). A decision sets the state of every finding it reaches now and of every matching
 * finding later analyses produce; where several reach a finding, the narrowest scope wins, then the newest. Each
 * change of a finding's state is in the audit trail with the state before and after.
 */
@Service
public class TriageService {
    private final FindingRepository findings;
    private final TriageRepository triage;
    private final ReleaseRepository releases;
    private final AuditLog audit;
    private final Database db;
    private final JsonText json;
    private final Clock clock;

    TriageService(FindingRepository findings, TriageRepository triage, ReleaseRepository releases, AuditLog audit, Database db,
                  JsonText json, Clock clock) {
        this.findings = findings;
        this.triage = triage;
        this.releases = releases;
        this.audit = audit;
        this.json = json;
        this.db = db;
        this.clock = clock;
    }

    /** The decision made and the findings whose state it changed. */
    public record Outcome(TriageDecision decision, List<Long> changedFindings) {}

    /**
     * Records a decision made on a finding and applies it.
     *
     * @param source {@code user}, or the VEX document it came from
     */
    public Outcome decide(StoredFinding finding, TriageScope scope, TriageState state, String justification, String comment,
                          String source, String actor) {
        if (state == TriageState.NOT_AFFECTED && justification == null && (comment == null || comment.isBlank())) {
            throw ApiException.validation("/justification", "not_affected needs a justification ("
                    + String.join(", ", Justification.VALUES) + ") or a comment that says why (an impact statement)");
        }
        if (justification != null) {
            try {
                Justification.check(justification);
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("/justification", e.getMessage());
            }
            if (state != TriageState.NOT_AFFECTED) {
                throw ApiException.validation("/justification", "only not_affected takes a justification");
            }
        }
        long productId = releases.find(finding.releaseId()).orElseThrow().productId();
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            TriageDecision d = triage.create(new TriageRepository.NewDecision(scope,
                    scope == TriageScope.PRODUCT ? productId : null,
                    scope == TriageScope.RELEASE ? finding.releaseId() : null,
                    finding.packageEcosystem(), finding.packageName(),
                    scope == TriageScope.COMPONENT_VERSION ? finding.componentVersion() : null,
                    finding.vulnerabilityId(), state, justification, comment, source, actor), now);
            audit.record(now, actor, "triage.decide", "triage-decision", d.id(), null, json.text(d));
            if (comment != null && !comment.isBlank()) {
                triage.addComment(finding.id(), actor, comment, now);
            }
            return new Outcome(d, apply(d, actor, now));
        });
    }

    /** Revokes a decision; the findings it set fall back to the next decision that reaches them, or in_triage. */
    public Outcome revoke(long decisionId, String actor) {
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            TriageDecision d = triage.find(decisionId).orElseThrow(() -> ApiException.notFound("triage decision", decisionId));
            if (!triage.revoke(decisionId, actor, now)) {
                throw ApiException.conflict("triage decision " + decisionId + " is revoked already");
            }
            TriageDecision after = triage.find(decisionId).orElseThrow();
            audit.record(now, actor, "triage.revoke", "triage-decision", decisionId, json.text(d), json.text(after));
            return new Outcome(after, apply(d, actor, now));
        });
    }

    /** Re-resolves the state of every finding the decision's scope reaches; records each change. */
    private List<Long> apply(TriageDecision d, String actor, Instant now) {
        TriageResolver resolver = new TriageResolver(triage.activeFor(List.of(new PackageKey(d.packageEcosystem(), d.packageName()))));
        List<Long> changed = new ArrayList<>();
        for (FindingRepository.Located l : findings.reachableBy(d.scope(), d.productId(), d.releaseId(), d.packageEcosystem(),
                d.packageName(), d.componentVersion())) {
            StoredFinding f = l.finding();
            Optional<TriageDecision> r = resolver.resolve(f.releaseId(), l.productId(), f.packageEcosystem(), f.packageName(),
                    f.componentVersion(), f.ids());
            String state = r.map(x -> x.state().label()).orElse(TriageState.IN_TRIAGE.label());
            String justification = r.map(TriageDecision::justification).orElse(null);
            Long decision = r.map(TriageDecision::id).orElse(null);
            if (state.equals(f.triageState()) && Objects.equals(justification, f.triageJustification())
                    && Objects.equals(decision, f.triageDecisionId())) {
                continue;
            }
            StoredFinding after = findings.setTriage(f.id(), state, justification, decision, now);
            audit.record(now, actor, "finding.triage", "finding", f.id(), json.text(triageOf(f)), json.text(triageOf(after)));
            changed.add(f.id());
        }
        return changed;
    }

    private static FindingView.Triage triageOf(StoredFinding f) {
        return new FindingView.Triage(f.triageState(), f.triageJustification(), f.triageDecisionId(), null, f.triageUpdatedAt());
    }
}
