package dev.mamori.app.server.finding;

import dev.mamori.app.server.ApiException;
import dev.mamori.app.server.JsonText;
import dev.mamori.app.server.ListResponse;
import dev.mamori.app.server.Params;
import dev.mamori.app.server.access.Actor;
import dev.mamori.store.AuditLog;
import dev.mamori.store.Page;
import dev.mamori.store.portfolio.FindingFilter;
import dev.mamori.store.portfolio.FindingRepository;
import dev.mamori.store.portfolio.FindingSort;
import dev.mamori.store.portfolio.ReleaseRepository;
import dev.mamori.store.portfolio.StoredFinding;
import dev.mamori.store.portfolio.TriageDecision;
import dev.mamori.store.portfolio.TriageRepository;
import dev.mamori.store.portfolio.TriageScope;
import dev.mamori.store.portfolio.TriageState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Findings of releases, their triage, comments and history. */
@RestController
@Tag(name = "Findings")
class FindingController {
    /** Lists count their total no further than this. */
    static final int COUNT_BOUND = 10_000;
    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "none", "unknown");
    static final List<String> STATES = List.of("in_triage", "exploitable", "not_affected", "false_positive", "resolved");
    static final List<String> STATUSES = List.of("present", "not_present", "all");

    private final FindingRepository findings;
    private final ReleaseRepository releases;
    private final TriageRepository triage;
    private final TriageService triageService;
    private final AuditLog audit;
    private final JsonText json;
    private final Clock clock;

    FindingController(FindingRepository findings, ReleaseRepository releases, TriageRepository triage, TriageService triageService,
                      AuditLog audit, JsonText json, Clock clock) {
        this.findings = findings;
        this.releases = releases;
        this.triage = triage;
        this.triageService = triageService;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/v1/releases/{id}/findings")
    @Operation(summary = "The release's findings with evidence and assessment: filtered, sorted, a page at a time, with a "
            + "total counted up to 10,000")
    ListResponse<FindingView> list(
            @PathVariable long id,
            @Parameter(description = "severities, comma-separated: critical, high, medium, low, none, unknown")
            @RequestParam(required = false) List<String> severity,
            @Parameter(description = "triage states, comma-separated: in_triage, exploitable, not_affected, false_positive, resolved")
            @RequestParam(required = false) List<String> state,
            @Parameter(description = "present (default), not_present or all") @RequestParam(required = false) String status,
            @Parameter(description = "a vulnerability id or alias (CVE-…, GHSA-…)") @RequestParam(required = false) String vulnerability,
            @Parameter(description = "text the component's package name, name or purl contains") @RequestParam(required = false) String component,
            @Parameter(description = "severity (default, most severe first), priority (the release's priority order, most "
                    + "urgent first), first_seen (newest first), vulnerability, component")
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        releases.find(id).orElseThrow(() -> ApiException.notFound("release", id));
        String st = status == null ? "present" : status;
        if (!STATUSES.contains(st)) {
            throw ApiException.validation("status", "use present, not_present or all");
        }
        FindingSort order;
        try {
            order = sort == null ? FindingSort.SEVERITY : FindingSort.parse(sort);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("sort", e.getMessage());
        }
        FindingFilter filter = new FindingFilter(Params.oneOf("severity", severity, SEVERITIES), Params.oneOf("state", state, STATES),
                st, Params.blankToNull(vulnerability), Params.blankToNull(component));
        int n = Params.limit(limit);
        Page<StoredFinding> page = Params.withCursor(() -> findings.list(id, filter, order, Params.blankToNull(cursor), n));
        long total = findings.count(id, filter, COUNT_BOUND + 1);
        java.util.Map<Long, String> sources = new java.util.HashMap<>();
        return new ListResponse<>(page.items().stream().map(f -> FindingView.of(f, json, false,
                        d -> sources.computeIfAbsent(d, this::sourceOf))).toList(), page.nextCursor(),
                Math.min(total, COUNT_BOUND), total <= COUNT_BOUND);
    }

    @GetMapping("/api/v1/findings/{id}")
    @Operation(summary = "One finding with its full evidence and assessment")
    FindingView get(@PathVariable long id) {
        return FindingView.of(finding(id), json, true, this::sourceOf);
    }

    private String sourceOf(long decisionId) {
        return triage.find(decisionId).map(TriageDecision::source).orElse(null);
    }

    /**
     * @param scope {@code release} (default), {@code product} or {@code component_version}
     */
    record TriageRequest(String state, String justification, String comment, String scope) {}

    record TriageAnswer(DecisionView decision, List<Long> changedFindings, FindingView finding) {}

    @PostMapping("/api/v1/findings/{id}/triage")
    @Operation(summary = "Decide a finding's triage state, for this release, the product, or every release with this "
            + "package version; applies to present and future findings")
    TriageAnswer decide(@PathVariable long id, @RequestBody TriageRequest body) {
        StoredFinding f = finding(id);
        if (body == null || body.state() == null) {
            throw ApiException.validation("/state", "one of " + String.join(", ", STATES));
        }
        TriageState state;
        TriageScope scope;
        try {
            state = TriageState.parse(body.state());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("/state", e.getMessage());
        }
        try {
            scope = body.scope() == null ? TriageScope.RELEASE : TriageScope.parse(body.scope());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("/scope", e.getMessage());
        }
        if (body.comment() != null && body.comment().length() > 10_000) {
            throw ApiException.validation("/comment", "at most 10,000 characters");
        }
        TriageService.Outcome o = triageService.decide(f, scope, state, Params.blankToNull(body.justification()),
                body.comment(), "user", Actor.current());
        return new TriageAnswer(DecisionView.of(o.decision()), o.changedFindings(), FindingView.of(finding(id), json, false, this::sourceOf));
    }

    record DecisionView(long id, String scope, Long productId, Long releaseId, String packageKey, String componentVersion,
                        String vulnerabilityId, String state, String justification, String comment, String source,
                        String author, Instant createdAt, Instant revokedAt, String revokedBy) {
        static DecisionView of(TriageDecision d) {
            return new DecisionView(d.id(), d.scope().label(), d.productId(), d.releaseId(),
                    (d.packageEcosystem().isEmpty() ? "name" : d.packageEcosystem()) + ":" + d.packageName(), d.componentVersion(),
                    d.vulnerabilityId(), d.state().label(), d.justification(), d.comment(), d.source(), d.author(), d.createdAt(),
                    d.revokedAt(), d.revokedBy());
        }
    }

    @GetMapping("/api/v1/triage-decisions")
    @Operation(summary = "Triage decisions (revoked ones too), newest first")
    ListResponse<DecisionView> decisions(@RequestParam(required = false) Long productId, @RequestParam(required = false) Long releaseId,
                                         @RequestParam(required = false) String vulnerability,
                                         @Parameter(description = "only decisions older than this id (the last id of the previous page)")
                                         @RequestParam(required = false) Long before,
                                         @RequestParam(required = false) Integer limit) {
        int n = Params.limit(limit);
        List<TriageDecision> list = triage.list(productId, releaseId, Params.blankToNull(vulnerability), before, n + 1);
        String next = list.size() > n ? Long.toString(list.get(n - 1).id()) : null;
        return ListResponse.of(list.stream().limit(n).map(DecisionView::of).toList(), next);
    }

    @GetMapping("/api/v1/triage-decisions/{id}")
    @Operation(summary = "One triage decision")
    DecisionView decision(@PathVariable long id) {
        return DecisionView.of(triage.find(id).orElseThrow(() -> ApiException.notFound("triage decision", id)));
    }

    @DeleteMapping("/api/v1/triage-decisions/{id}")
    @Operation(summary = "Revoke a decision; the findings it set fall back to the next decision or in_triage")
    TriageAnswer revoke(@PathVariable long id) {
        TriageService.Outcome o = triageService.revoke(id, Actor.current());
        return new TriageAnswer(DecisionView.of(o.decision()), o.changedFindings(), null);
    }

    record CommentRequest(String body) {}

    @PostMapping("/api/v1/findings/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Comment on a finding")
    TriageRepository.Comment comment(@PathVariable long id, @RequestBody CommentRequest body) {
        finding(id);
        if (body == null || body.body() == null || body.body().isBlank() || body.body().length() > 10_000) {
            throw ApiException.validation("/body", "1 to 10,000 characters");
        }
        Instant now = clock.instant();
        TriageRepository.Comment c = triage.addComment(id, Actor.current(), body.body(), now);
        audit.record(now, Actor.current(), "finding.comment", "finding", id, null, json.text(c));
        return c;
    }

    @GetMapping("/api/v1/findings/{id}/comments")
    @Operation(summary = "The comments on a finding, oldest first")
    List<TriageRepository.Comment> comments(@PathVariable long id) {
        finding(id);
        return triage.comments(id);
    }

    record HistoryEntry(long id, Instant at, String actor, String action, JsonNode before, JsonNode after) {}

    @GetMapping("/api/v1/findings/{id}/history")
    @Operation(summary = "Who changed the finding's triage, and when (newest first)")
    List<HistoryEntry> history(@PathVariable long id) {
        finding(id);
        return audit.list("finding", Long.toString(id), null, 200).stream()
                .map(e -> new HistoryEntry(e.id(), e.at(), e.actor(), e.action(), json.tree(e.before()), json.tree(e.after())))
                .toList();
    }

    @GetMapping("/api/v1/admin/audit")
    @Operation(summary = "The audit trail, newest first (admin)")
    List<AuditView> auditTrail(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                               @RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit) {
        return audit.list(Params.blankToNull(entityType), Params.blankToNull(entityId), before, Params.limit(limit)).stream()
                .map(e -> new AuditView(e.id(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(), json.tree(e.before()),
                        json.tree(e.after())))
                .toList();
    }

    record AuditView(long id, Instant at, String actor, String action, String entityType, String entityId, JsonNode before,
                     JsonNode after) {}

    private StoredFinding finding(long id) {
        return findings.find(id).orElseThrow(() -> ApiException.notFound("finding", id));
    }
}
