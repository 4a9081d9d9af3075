package dev.mamori.app.server.analysis;

import dev.mamori.app.server.ApiException;
import dev.mamori.app.server.JsonText;
import dev.mamori.app.server.access.Actor;
import dev.mamori.app.server.portfolio.Views.JobView;
import dev.mamori.store.portfolio.ReleaseRepository;
import dev.mamori.store.queue.WorkQueue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Analysis jobs, the queue, and the advisories the analysis uses. */
@RestController
@Tag(name = "Analysis")
class AnalysisController {
    private final WorkQueue queue;
    private final AnalysisQueue analyses;
    private final ReleaseRepository releases;
    private final AdvisoryProvider advisories;
    private final ReanalysisPlanner planner;
    private final ThreatPlanner threats;
    private final JsonText json;

    AnalysisController(WorkQueue queue, AnalysisQueue analyses, ReleaseRepository releases, AdvisoryProvider advisories,
                       ReanalysisPlanner planner, ThreatPlanner threats, JsonText json) {
        this.queue = queue;
        this.analyses = analyses;
        this.releases = releases;
        this.advisories = advisories;
        this.planner = planner;
        this.threats = threats;
        this.json = json;
    }

    @GetMapping("/api/v1/jobs/{id}")
    @Operation(summary = "One background job")
    JobView job(@PathVariable long id) {
        return JobView.of(queue.find(id).orElseThrow(() -> ApiException.notFound("job", id)), json);
    }

    @GetMapping("/api/v1/releases/{id}/analysis")
    @Operation(summary = "The release's analysis jobs, newest first (the first is the latest)")
    List<JobView> analyses(@PathVariable long id) {
        releases.find(id).orElseThrow(() -> ApiException.notFound("release", id));
        return queue.history(id, 20).stream().map(j -> JobView.of(j, json)).toList();
    }

    @PostMapping("/api/v1/releases/{id}/analysis")
    @Operation(summary = "Queue an analysis of the release now")
    ResponseEntity<JobView> analyse(@PathVariable long id) {
        releases.find(id).orElseThrow(() -> ApiException.notFound("release", id));
        return ResponseEntity.accepted().body(JobView.of(analyses.request(id, WorkQueue.PRIORITY_REQUEST,
                "requested by " + Actor.current()), json));
    }

    @GetMapping("/api/v1/queue")
    @Operation(summary = "Background jobs per state")
    Map<String, Long> queue() {
        return queue.counts();
    }

    record AdvisoryStatus(String source, int advisories, int vulnerabilities, int packages, String fingerprint, Instant loadedAt,
                          List<String> problems) {}

    /**
     * @param releasesQueued releases queued because advisories changed
     * @param threats        what the store's KEV, EPSS and CWE data changed: releases queued, CVEs, CWE catalogue
     */
    record Refreshed(boolean changed, List<String> added, List<String> modified, List<String> removed, int packages,
                     int releasesQueued, AdvisoryStatus status, ThreatsChecked threats) {}

    /**
     * @param releasesQueued releases queued because KEV or EPSS data of their findings' CVEs, or the CWE catalogue, changed
     * @param cves           CVEs of stored findings whose KEV or EPSS data changed
     * @param cweChanged     whether the CWE catalogue changed
     */
    record ThreatsChecked(int releasesQueued, int cves, boolean cweChanged) {}

    @GetMapping("/api/v1/advisories")
    @Operation(summary = "The advisories the analysis matches against")
    AdvisoryStatus status() {
        AdvisorySnapshot s = advisories.current();
        return new AdvisoryStatus(advisories.describe(), s.index().advisoryCount(), s.index().vulnerabilityCount(),
                s.index().packageCount(), s.fingerprint(), s.loadedAt(), s.problems());
    }

    @PostMapping("/api/v1/advisories/refresh")
    @Operation(summary = "Read the advisories again; releases using a changed package are queued for re-analysis, and "
            + "so are releases whose findings' KEV or EPSS data, or the CWE catalogue, changed in the store")
    Refreshed refresh() {
        AdvisoryChange change = advisories.refresh();
        ReanalysisPlanner.Reaction r = planner.last();
        int queued = r != null && r.change() == change ? r.releasesQueued() : 0;
        ThreatPlanner.Reaction t = threats.check(true);
        return new Refreshed(!change.isEmpty(), change.added(), change.modified(), change.removed(), change.packages().size(),
                queued, status(), new ThreatsChecked(t.releasesQueued(), t.cves(), t.cweChanged()));
    }
}
