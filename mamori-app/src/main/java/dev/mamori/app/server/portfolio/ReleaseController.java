package dev.mamori.app.server.portfolio;

import dev.mamori.app.server.ApiException;
import dev.mamori.app.server.JsonText;
import dev.mamori.app.server.ListResponse;
import dev.mamori.app.server.Params;
import dev.mamori.app.server.access.Actor;
import dev.mamori.app.server.portfolio.Views.JobView;
import dev.mamori.app.server.portfolio.Views.ReleaseView;
import dev.mamori.store.AuditLog;
import dev.mamori.store.Database;
import dev.mamori.store.Page;
import dev.mamori.store.portfolio.ProductRepository;
import dev.mamori.store.portfolio.Release;
import dev.mamori.store.portfolio.ReleaseData;
import dev.mamori.store.portfolio.ReleaseRepository;
import dev.mamori.store.queue.WorkQueue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/products/{productId}/releases}: the releases of a product (and {@code /api/v1/releases/{id}}). */
@RestController
@Tag(name = "Releases")
class ReleaseController {
    private final ProductRepository products;
    private final ReleaseRepository releases;
    private final WorkQueue queue;
    private final Database db;
    private final AuditLog audit;
    private final JsonText json;
    private final Clock clock;

    ReleaseController(ProductRepository products, ReleaseRepository releases, WorkQueue queue, Database db, AuditLog audit,
                      JsonText json, Clock clock) {
        this.products = products;
        this.releases = releases;
        this.queue = queue;
        this.db = db;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** @param releasedAt and {@code supportedUntil} are dates ({@code 2024-05-31}) */
    record ReleaseRequest(String version, LocalDate releasedAt, LocalDate supportedUntil) {}

    @PostMapping("/api/v1/products/{productId}/releases")
    @Operation(summary = "Create a release of a product")
    ResponseEntity<ReleaseView> create(@PathVariable long productId, @RequestBody ReleaseRequest body) {
        ReleaseData data = validate(body);
        Instant now = clock.instant();
        Release r = db.inTransaction(() -> {
            products.find(productId).orElseThrow(() -> ApiException.notFound("product", productId));
            Release created = releases.create(productId, data, now);
            audit.record(now, Actor.current(), "release.create", "release", created.id(), null, json.text(ReleaseView.of(created, null)));
            return created;
        });
        return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/releases/" + r.id())).body(ReleaseView.of(r, null));
    }

    @GetMapping("/api/v1/products/{productId}/releases")
    @Operation(summary = "A product's releases, newest first")
    ListResponse<ReleaseView> list(@PathVariable long productId, @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) Integer limit) {
        products.find(productId).orElseThrow(() -> ApiException.notFound("product", productId));
        Page<Release> page = Params.withCursor(() -> releases.listByProduct(productId, Params.blankToNull(cursor), Params.limit(limit)));
        return ListResponse.of(page.items().stream().map(r -> ReleaseView.of(r, null)).toList(), page.nextCursor());
    }

    @GetMapping("/api/v1/products/{productId}/releases/{id}")
    @Operation(summary = "One release of a product, with its latest analysis")
    ReleaseView get(@PathVariable long productId, @PathVariable long id) {
        return view(owned(productId, id));
    }

    @GetMapping("/api/v1/releases/{id}")
    @Operation(summary = "One release, with its latest analysis")
    ReleaseView get(@PathVariable long id) {
        return view(releases.find(id).orElseThrow(() -> ApiException.notFound("release", id)));
    }

    @PutMapping("/api/v1/products/{productId}/releases/{id}")
    @Operation(summary = "Replace a release's version and dates")
    ReleaseView update(@PathVariable long productId, @PathVariable long id, @RequestBody ReleaseRequest body) {
        ReleaseData data = validate(body);
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            Release before = owned(productId, id);
            Release after = releases.update(id, data, now).orElseThrow(() -> ApiException.notFound("release", id));
            audit.record(now, Actor.current(), "release.update", "release", id, json.text(ReleaseView.of(before, null)),
                    json.text(ReleaseView.of(after, null)));
            return view(after);
        });
    }

    @DeleteMapping("/api/v1/products/{productId}/releases/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a release with its SBOM records, components and findings (the SBOM files stay)")
    void delete(@PathVariable long productId, @PathVariable long id) {
        Instant now = clock.instant();
        db.inTransaction(() -> {
            Release before = owned(productId, id);
            releases.delete(id);
            audit.record(now, Actor.current(), "release.delete", "release", id, json.text(ReleaseView.of(before, null)), null);
        });
    }

    private Release owned(long productId, long id) {
        Release r = releases.find(id).orElseThrow(() -> ApiException.notFound("release", id));
        if (r.productId() != productId) {
            throw ApiException.notFound("release of product " + productId, id);
        }
        return r;
    }

    private ReleaseView view(Release r) {
        return ReleaseView.of(r, queue.latest(r.id()).map(j -> JobView.of(j, json)).orElse(null));
    }

    private static ReleaseData validate(ReleaseRequest body) {
        if (body == null) {
            throw ApiException.badRequest("a JSON body is required");
        }
        if (body.version() == null || body.version().isBlank() || body.version().strip().length() > 200) {
            throw ApiException.validation("/version", "a version of 1 to 200 characters is required");
        }
        if (body.releasedAt() != null && body.supportedUntil() != null && body.supportedUntil().isBefore(body.releasedAt())) {
            throw ApiException.validation("/supportedUntil", "is before releasedAt");
        }
        return new ReleaseData(body.version().strip(), body.releasedAt(), body.supportedUntil());
    }
}
