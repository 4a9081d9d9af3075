package dev.mamori.app.server.portfolio;

import dev.mamori.app.server.ApiException;
import dev.mamori.app.server.JsonText;
import dev.mamori.app.server.access.Actor;
import dev.mamori.app.server.analysis.AnalysisQueue;
import dev.mamori.app.server.portfolio.Views.JobView;
import dev.mamori.app.server.portfolio.Views.SbomView;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.SbomReader;
import dev.mamori.store.AuditLog;
import dev.mamori.store.Database;
import dev.mamori.store.portfolio.ReleaseRepository;
import dev.mamori.store.portfolio.SbomDocument;
import dev.mamori.store.portfolio.SbomRepository;
import dev.mamori.store.queue.Job;
import dev.mamori.store.queue.WorkQueue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * SBOM uploads and history. An upload is read before anything is stored: a document Mamori cannot read is refused
 * (422, with the place) and changes nothing. An accepted one is kept byte for byte, its components replace the
 * release's, and its analysis is queued ahead of scheduled re-analysis.
 */
@RestController
@Tag(name = "SBOMs")
class SbomController {
    /** The media types a raw-body upload may declare; the format itself is always told from the content. */
    static final String[] RAW_TYPES = {
        "application/json", "application/*+json", "application/xml", "application/*+xml", "text/xml", "text/plain",
        "text/spdx", "application/yaml", "application/x-yaml", "text/yaml", "application/octet-stream"
    };

    private final ReleaseRepository releases;
    private final SbomRepository sboms;
    private final SbomFiles files;
    private final AnalysisQueue analyses;
    private final Database db;
    private final AuditLog audit;
    private final JsonText json;
    private final Clock clock;

    SbomController(ReleaseRepository releases, SbomRepository sboms, SbomFiles files, AnalysisQueue analyses, Database db,
                   AuditLog audit, JsonText json, Clock clock) {
        this.releases = releases;
        this.sboms = sboms;
        this.files = files;
        this.analyses = analyses;
        this.db = db;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The stored document and the analysis it queued. */
    record UploadResult(SbomView sbom, JobView analysis) {}

    @PostMapping(path = "/api/v1/releases/{id}/sbom", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an SBOM as multipart form data (part 'file'); any supported format")
    ResponseEntity<UploadResult> uploadMultipart(@PathVariable long id, @RequestPart("file") MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return upload(id, in, file.getContentType(), file.getOriginalFilename());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping(path = "/api/v1/releases/{id}/sbom", consumes = {
        "application/json", "application/*+json", "application/xml", "application/*+xml", "text/xml", "text/plain",
        "text/spdx", "application/yaml", "application/x-yaml", "text/yaml", "application/octet-stream"})
    @Operation(summary = "Upload an SBOM as the request body: CycloneDX 1.2–1.7 (JSON, XML), SPDX 2.x (JSON, YAML, "
            + "tag-value), SPDX 3 JSON-LD or SWID; the format is told from the content")
    ResponseEntity<UploadResult> uploadRaw(@PathVariable long id, HttpServletRequest request,
                                           @Parameter(description = "the file name to record") @RequestParam(required = false) String filename) {
        try (InputStream in = request.getInputStream()) {
            return upload(id, in, request.getContentType(), filename);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseEntity<UploadResult> upload(long releaseId, InputStream in, String mediaType, String fileName) {
        releases.find(releaseId).orElseThrow(() -> ApiException.notFound("release", releaseId));
        SbomFiles.Received received = files.receive(in);
        boolean kept = false;
        try {
            if (received.size() == 0) {
                throw ApiException.badRequest("the SBOM is empty");
            }
            Bom bom = SbomReader.read(received.temp());
            Instant now = clock.instant();
            String actor = Actor.current();
            record Stored(SbomDocument doc, Job job) {}
            Stored stored = db.inTransaction(() -> {
                files.keep(received); // the original, in the same transaction as its record
                SbomDocument doc = sboms.recordUpload(releaseId, new SbomRepository.Upload(actor, mediaType, fileName,
                        received.sha256(), received.size()), bom, now);
                Job job = analyses.request(releaseId, WorkQueue.PRIORITY_UPLOAD, "sbom " + doc.id() + " uploaded");
                audit.record(now, actor, "sbom.upload", "release", releaseId, null, json.text(SbomView.of(doc)));
                return new Stored(doc, job);
            });
            kept = true;
            return ResponseEntity.accepted().location(URI.create("/api/v1/sboms/" + stored.doc().id()))
                    .body(new UploadResult(SbomView.of(stored.doc()), JobView.of(stored.job(), json)));
        } finally {
            if (!kept) {
                files.discard(received);
            }
        }
    }

    @GetMapping("/api/v1/releases/{id}/sboms")
    @Operation(summary = "Every SBOM uploaded for the release, newest first")
    List<SbomView> history(@PathVariable long id) {
        releases.find(id).orElseThrow(() -> ApiException.notFound("release", id));
        return sboms.history(id).stream().map(SbomView::of).toList();
    }

    @GetMapping("/api/v1/sboms/{id}")
    @Operation(summary = "One uploaded SBOM's record")
    SbomView get(@PathVariable long id) {
        return SbomView.of(sboms.find(id).orElseThrow(() -> ApiException.notFound("SBOM", id)));
    }

    @GetMapping("/api/v1/sboms/{id}/content")
    @Operation(summary = "The SBOM exactly as uploaded")
    ResponseEntity<Resource> content(@PathVariable long id) {
        SbomDocument d = sboms.find(id).orElseThrow(() -> ApiException.notFound("SBOM", id));
        InputStream content = files.open(d.sha256()).orElseThrow(() -> ApiException.notFound("stored file for SBOM", id));
        MediaType type;
        try {
            type = d.mediaType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(d.mediaType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.ETAG, "\"" + d.sha256() + "\"")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(d.sha256())))
                .contentLength(d.sizeBytes())
                .body(new org.springframework.core.io.InputStreamResource(content));
    }
}
