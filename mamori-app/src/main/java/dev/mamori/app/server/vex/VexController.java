package dev.mamori.app.server.vex;

import dev.mamori.app.MamoriVersion;
import dev.mamori.app.server.ApiException;
import dev.mamori.app.server.access.Actor;
import dev.mamori.app.server.finding.TriageService;
import dev.mamori.app.server.portfolio.SbomFiles;
import dev.mamori.purl.PackageKey;
import dev.mamori.purl.Purl;
import dev.mamori.store.AuditLog;
import dev.mamori.store.Database;
import dev.mamori.store.portfolio.ComponentRepository;
import dev.mamori.store.portfolio.FindingRepository;
import dev.mamori.store.portfolio.Product;
import dev.mamori.store.portfolio.ProductRepository;
import dev.mamori.store.portfolio.Release;
import dev.mamori.store.portfolio.ReleaseRepository;
import dev.mamori.store.portfolio.StoredComponent;
import dev.mamori.store.portfolio.StoredFinding;
import dev.mamori.store.portfolio.TriageDecision;
import dev.mamori.store.portfolio.TriageRepository;
import dev.mamori.store.portfolio.TriageScope;
import dev.mamori.store.portfolio.TriageState;
import dev.mamori.version.VersionException;
import dev.mamori.version.VersionSchemes;
import dev.mamori.app.server.JsonText;
import dev.mamori.vex.VexDocument;
import dev.mamori.vex.VexExport;
import dev.mamori.vex.VexFormat;
import dev.mamori.vex.VexJustification;
import dev.mamori.vex.VexProduct;
import dev.mamori.vex.VexReader;
import dev.mamori.vex.VexState;
import dev.mamori.vex.VexStatement;
import dev.mamori.vex.VexStatus;
import dev.mamori.vex.VexWriter;
import tools.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * VEX for a release: export its findings' triage as CycloneDX, OpenVEX or CSAF; import a supplier's or upstream
 * VEX, whose statements become release-scoped triage decisions naming the document they came from.
 */
@RestController
@Tag(name = "VEX")
class VexController {
    private final ReleaseRepository releases;
    private final ProductRepository products;
    private final ComponentRepository components;
    private final FindingRepository findings;
    private final TriageRepository triage;
    private final TriageService triageService;
    private final SbomFiles files;
    private final AuditLog audit;
    private final Database db;
    private final JsonText json;
    private final Clock clock;

    VexController(ReleaseRepository releases, ProductRepository products, ComponentRepository components, FindingRepository findings,
                  TriageRepository triage, TriageService triageService, SbomFiles files, AuditLog audit, Database db, JsonText json,
                  Clock clock) {
        this.releases = releases;
        this.products = products;
        this.components = components;
        this.findings = findings;
        this.triage = triage;
        this.triageService = triageService;
        this.files = files;
        this.audit = audit;
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/v1/releases/{id}/vex")
    @Operation(summary = "The release's VEX: every present finding with its triage state, as CycloneDX 1.6, OpenVEX 0.2.0 "
            + "or CSAF 2.0 (csaf_vex)")
    ResponseEntity<byte[]> export(@PathVariable long id,
                                  @Parameter(description = "cyclonedx, openvex or csaf") @RequestParam(defaultValue = "cyclonedx") String format) {
        VexFormat f;
        try {
            f = VexFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("format", e.getMessage());
        }
        Release r = releases.find(id).orElseThrow(() -> ApiException.notFound("release", id));
        Product p = products.find(r.productId()).orElseThrow();
        Instant now = clock.instant();
        String subjectPurl = components.all(id).stream().filter(c -> StoredComponent.ROLE_SUBJECT.equals(c.role()))
                .map(StoredComponent::purl).filter(x -> x != null && x.startsWith("pkg:")).findFirst().orElse(null);
        Map<Long, TriageDecision> decisions = new LinkedHashMap<>();
        List<VexExport.Statement> statements = new ArrayList<>();
        for (StoredFinding fi : findings.present(id)) {
            TriageDecision d = fi.triageDecisionId() == null ? null
                    : decisions.computeIfAbsent(fi.triageDecisionId(), k -> triage.find(k).orElse(null));
            String name = fi.packageEcosystem().equals("maven") ? fi.packageName().replace(':', '/') : fi.componentName();
            VexExport.Subject component = new VexExport.Subject(name, fi.componentVersion(), fi.purl(), fi.componentKey());
            statements.add(new VexExport.Statement(fi.vulnerabilityId(), fi.aliases(), List.of(component), VexState.parse(fi.triageState()),
                    fi.triageJustification(), d == null ? null : d.comment(), null, fi.fixedVersion(),
                    fi.triageUpdatedAt() != null ? fi.triageUpdatedAt() : fi.firstSeen()));
        }
        String docId = switch (f) {
            case CSAF -> "MAMORI-" + r.id() + "-" + DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC).format(now);
            default -> "urn:uuid:" + UUID.randomUUID();
        };
        VexExport doc = new VexExport(docId, p.ownerTeam() != null ? p.ownerTeam() : "Mamori", now, 1,
                new VexExport.Subject(p.name(), r.version(), subjectPurl, null), statements);
        byte[] body = new VexWriter("Mamori", MamoriVersion.get()).bytes(doc, f);
        MediaType type = f == VexFormat.CYCLONEDX ? MediaType.parseMediaType("application/vnd.cyclonedx+json") : MediaType.APPLICATION_JSON;
        String file = (p.name() + "-" + r.version()).replaceAll("[^A-Za-z0-9._-]", "_") + switch (f) {
            case CYCLONEDX -> ".cdx.vex.json";
            case OPENVEX -> ".openvex.json";
            case CSAF -> ".csaf.json";
        };
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"").body(body);
    }

    /** @param warnings what the reader could not use (a product it cannot match, a statement without an id…) */
    record DocumentView(String format, String id, String author, int statements, String sha256, List<String> warnings) {}

    /** @param findingsChanged findings whose triage state the decision changed */
    record Applied(String vulnerabilityId, String component, String state, long decisionId, List<Long> findingsChanged) {}

    record Unmatched(String vulnerabilityId, List<String> components, String state) {}

    /** @param skipped statements that decide nothing (under investigation) */
    record ImportResult(DocumentView document, List<Applied> applied, List<Unmatched> unmatched, int skipped) {}

    @PostMapping(path = "/api/v1/releases/{id}/vex", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a VEX document (multipart part 'file')")
    ImportResult importMultipart(@PathVariable long id, @RequestPart("file") MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return importVex(id, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping(path = "/api/v1/releases/{id}/vex", consumes = {"application/json", "application/*+json", "application/octet-stream"})
    @Operation(summary = "Import a supplier's or upstream VEX (CycloneDX, OpenVEX or CSAF; told from the content): each "
            + "statement that matches a finding of the release becomes a release-scoped triage decision naming the document")
    ImportResult importRaw(@PathVariable long id, HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            return importVex(id, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportResult importVex(long releaseId, InputStream in) {
        releases.find(releaseId).orElseThrow(() -> ApiException.notFound("release", releaseId));
        SbomFiles.Received received = files.receive(in);
        VexDocument doc;
        String docId;
        String author;
        try {
            byte[] bytes = Files.readAllBytes(received.temp());
            doc = VexReader.read(bytes, "VEX document");
            JsonNode root = json.mapper().readTree(bytes);
            docId = firstText(root.path("@id"), root.path("serialNumber"), root.path("document").path("tracking").path("id"));
            author = firstText(root.path("author"), root.path("document").path("publisher").path("name"),
                    root.path("metadata").path("authors").path(0).path("name"), root.path("metadata").path("manufacturer").path("name"));
        } catch (IOException e) {
            files.discard(received);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            files.discard(received);
            throw e;
        }
        String source = "vex " + doc.format() + " " + (docId == null ? "(no id)" : docId) + " sha256:" + received.sha256();
        if (source.length() > 500) {
            source = "vex " + doc.format() + " sha256:" + received.sha256();
        }
        String actor = Actor.current();
        String src = source;
        List<StoredFinding> present = findings.present(releaseId);
        return db.inTransaction(() -> {
            files.keep(received); // the document as uploaded, with the decisions that cite it
            List<Applied> applied = new ArrayList<>();
            List<Unmatched> unmatched = new ArrayList<>();
            int skipped = 0;
            for (VexStatement s : doc.statements()) {
                if (s.status() == VexStatus.UNDER_INVESTIGATION) {
                    skipped++;
                    continue;
                }
                TriageState state = switch (s.status()) {
                    case NOT_AFFECTED -> "false_positive".equals(s.statusText()) ? TriageState.FALSE_POSITIVE : TriageState.NOT_AFFECTED;
                    case AFFECTED -> TriageState.EXPLOITABLE;
                    case FIXED -> TriageState.RESOLVED;
                    case UNDER_INVESTIGATION -> TriageState.IN_TRIAGE;
                };
                String justification = justification(s.justification());
                List<VexProduct> targets = targets(s);
                Set<String> ids = new HashSet<>(s.vulnerabilityIds());
                Set<String> decided = new HashSet<>();
                boolean any = false;
                for (StoredFinding f : present) {
                    if (f.ids().stream().noneMatch(ids::contains) || !matches(targets, f)) {
                        continue;
                    }
                    any = true;
                    if (!decided.add(f.packageEcosystem() + ":" + f.packageName())) {
                        continue; // one release-scoped decision covers every version of the package
                    }
                    String comment = s.detail();
                    if (state == TriageState.NOT_AFFECTED && justification == null && comment == null) {
                        comment = "not affected, according to " + src;
                    }
                    TriageService.Outcome o = triageService.decide(f, TriageScope.RELEASE, state,
                            state == TriageState.NOT_AFFECTED ? justification : null, comment, src, actor);
                    applied.add(new Applied(s.vulnerability(), f.purl() != null ? f.purl() : f.componentKey(), state.label(),
                            o.decision().id(), o.changedFindings()));
                }
                if (!any) {
                    unmatched.add(new Unmatched(s.vulnerability(), targets.stream().map(VexProduct::id).toList(), state.label()));
                }
            }
            DocumentView view = new DocumentView(doc.format(), docId, author, doc.statements().size(), received.sha256(),
                    doc.warnings());
            audit.record(clock.instant(), actor, "vex.import", "release", releaseId, null,
                    "{\"source\":" + quote(src) + ",\"applied\":" + applied.size() + ",\"unmatched\":" + unmatched.size() + "}");
            return new ImportResult(view, applied, unmatched, skipped);
        });
    }

    /** A justification in CISA's words (CycloneDX's are mapped), or null. */
    static String justification(String given) {
        if (given == null) {
            return null;
        }
        return VexJustification.VALUES.contains(given) ? given : VexJustification.ofCycloneDx(given);
    }

    /** What a statement is about: a product's subcomponents where it names them, else the product. */
    static List<VexProduct> targets(VexStatement s) {
        List<VexProduct> out = new ArrayList<>();
        for (VexProduct p : s.products()) {
            if (p.subcomponents().isEmpty()) {
                out.add(p);
            } else {
                out.addAll(p.subcomponents());
            }
        }
        return out;
    }

    /** Whether one of the products is the finding's component: same package, and same version where one is given. */
    static boolean matches(List<VexProduct> products, StoredFinding f) {
        for (VexProduct c : products) {
            Purl purl = c.purl();
            if (purl == null) {
                continue;
            }
            PackageKey key = purl.packageKey();
            if (!key.ecosystem().equals(f.packageEcosystem()) || !key.name().equals(f.packageName())) {
                continue;
            }
            if (purl.version() == null || sameVersion(purl.type(), purl.nativeVersion(), f.componentVersion())) {
                return true;
            }
        }
        return false;
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n != null && n.isString() && !n.asString().isBlank()) {
                return n.asString();
            }
        }
        return null;
    }

    private static boolean sameVersion(String type, String a, String b) {
        if (b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        try {
            return VersionSchemes.forPurlType(type).compare(a, b) == 0;
        } catch (VersionException e) {
            return false;
        }
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

}
