package dev.mamori.app.server.portfolio;

import dev.mamori.app.server.JsonText;
import dev.mamori.store.portfolio.Product;
import dev.mamori.store.portfolio.Release;
import dev.mamori.store.portfolio.SbomDocument;
import dev.mamori.store.portfolio.StoredComponent;
import dev.mamori.store.queue.Job;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What the portfolio API answers with. */
public final class Views {
    private Views() {}

    public record ProductView(long id, String name, String ownerTeam, String description, List<String> tags,
                              JsonNode riskProfile, Instant createdAt, Instant updatedAt) {
        static ProductView of(Product p, JsonText json) {
            return new ProductView(p.id(), p.name(), p.ownerTeam(), p.description(), p.tags(), json.tree(p.riskProfile()),
                    p.createdAt(), p.updatedAt());
        }
    }

    /** @param analysis the release's latest analysis job, or null (only in single-release answers) */
    public record ReleaseView(long id, long productId, String version, LocalDate releasedAt, LocalDate supportedUntil,
                              Long currentSbomId, Instant createdAt, Instant updatedAt, JobView analysis) {
        static ReleaseView of(Release r, JobView analysis) {
            return new ReleaseView(r.id(), r.productId(), r.version(), r.releasedAt(), r.supportedUntil(), r.currentSbomId(),
                    r.createdAt(), r.updatedAt(), analysis);
        }
    }

    public record SbomView(long id, long releaseId, Instant uploadedAt, String uploadedBy, String format, String specVersion,
                           String encoding, String mediaType, String fileName, String sha256, long sizeBytes,
                           String serialNumber, String documentTimestamp, int componentCount, List<String> warnings,
                           String contentUrl) {
        static SbomView of(SbomDocument d) {
            return new SbomView(d.id(), d.releaseId(), d.uploadedAt(), d.uploadedBy(), d.format(), d.specVersion(), d.encoding(),
                    d.mediaType(), d.fileName(), d.sha256(), d.sizeBytes(), d.serialNumber(), d.documentTime(), d.componentCount(),
                    d.warnings(), "/api/v1/sboms/" + d.id() + "/content");
        }
    }

    /** @param packageKey {@code ecosystem:name} of its purl, or null when it has none */
    /**
     * A component; {@code dependencyDepth} 1 = direct dependency of the SBOM's subject, more = transitive (null when
     * the SBOM has no dependency graph reaching it), {@code viaRef} the bom-ref just above it on that chain.
     */
    public record ComponentView(long id, String name, String group, String version, String purl, String type, String bomRef,
                                String packageKey, List<String> cpes, Integer dependencyDepth, String viaRef) {
        public static ComponentView of(StoredComponent c) {
            return new ComponentView(c.id(), c.name(), c.group(), c.version(), c.purl(), c.type(), c.bomRef(),
                    c.packageEcosystem().isEmpty() ? null : c.packageEcosystem() + ":" + c.packageName(), c.cpes(),
                    c.dependencyDepth(), c.viaRef());
        }
    }

    public record JobView(long id, String kind, long releaseId, String state, int priority, String reason, int attempts,
                          Instant createdAt, Instant startedAt, Instant finishedAt, String lastError, JsonNode result) {
        public static JobView of(Job j, JsonText json) {
            return new JobView(j.id(), j.kind(), j.releaseId(), j.state(), j.priority(), j.reason(), j.attempts(), j.createdAt(),
                    j.startedAt(), j.finishedAt(), j.lastError(), json.tree(j.result()));
        }
    }
}
