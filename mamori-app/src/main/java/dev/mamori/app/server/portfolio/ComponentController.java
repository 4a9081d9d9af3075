package dev.mamori.app.server.portfolio;

import dev.mamori.app.server.ApiException;
import dev.mamori.app.server.ListResponse;
import dev.mamori.app.server.Params;
import dev.mamori.app.server.portfolio.Views.ComponentView;
import dev.mamori.purl.Purl;
import dev.mamori.store.Page;
import dev.mamori.store.portfolio.ComponentRepository;
import dev.mamori.store.portfolio.ComponentUse;
import dev.mamori.store.portfolio.ReleaseRepository;
import dev.mamori.store.portfolio.StoredComponent;
import dev.mamori.version.VersionException;
import dev.mamori.version.VersionScheme;
import dev.mamori.version.VersionSchemes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Components of a release, and where a package is used across the portfolio. */
@RestController
@Tag(name = "Components")
class ComponentController {
    /** Candidate rows read per where-used request at most; a page may then be short and still have a cursor. */
    static final int SCAN_LIMIT = 5000;

    private final ComponentRepository components;
    private final ReleaseRepository releases;

    ComponentController(ComponentRepository components, ReleaseRepository releases) {
        this.components = components;
        this.releases = releases;
    }

    @GetMapping("/api/v1/releases/{id}/components")
    @Operation(summary = "The components of the release's current SBOM, in document order")
    ListResponse<ComponentView> ofRelease(@PathVariable long id, @RequestParam(required = false) String cursor,
                                          @RequestParam(required = false) Integer limit) {
        releases.find(id).orElseThrow(() -> ApiException.notFound("release", id));
        Page<StoredComponent> page = Params.withCursor(() -> components.page(id, Params.blankToNull(cursor), Params.limit(limit)));
        return ListResponse.of(page.items().stream().map(ComponentView::of).toList(), page.nextCursor());
    }

    record Use(Ref product, Ref release, ComponentView component) {}

    record Ref(long id, String name) {}

    /** @param version the version asked about, or null for every version */
    record WhereUsed(String purl, String packageKey, String version, java.util.List<Use> items, String nextCursor) {}

    @GetMapping("/api/v1/components")
    @Operation(summary = "Where is a package used? Releases whose current SBOM has it; with a version in the purl, only "
            + "that version (compared by the ecosystem's rules: Maven 1.0 is 1.0.0)")
    WhereUsed whereUsed(@Parameter(description = "a package URL, e.g. pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", required = true)
                        @RequestParam String purl,
                        @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        Purl parsed;
        try {
            parsed = Purl.parse(purl.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("purl", e.getMessage());
        }
        String version = parsed.version() == null ? null : parsed.nativeVersion();
        Predicate<StoredComponent> matches = version == null ? c -> true : c -> sameVersion(parsed.type(), version, versionOf(c));
        Page<ComponentUse> page = Params.withCursor(() -> components.whereUsed(parsed.packageKey(), matches,
                Params.blankToNull(cursor), Params.limit(limit), SCAN_LIMIT));
        return new WhereUsed(purl, parsed.packageKey().toString(), version,
                page.items().stream().map(u -> new Use(new Ref(u.productId(), u.productName()),
                        new Ref(u.releaseId(), u.releaseVersion()), ComponentView.of(u.component()))).toList(),
                page.nextCursor());
    }

    /** The version that was compared when the component was matched: its purl's, else its own. */
    static String versionOf(StoredComponent c) {
        String key = c.componentKey();
        int at = key.lastIndexOf('@');
        return at >= 0 ? key.substring(at + 1) : c.version();
    }

    static boolean sameVersion(String purlType, String a, String b) {
        if (b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        VersionScheme scheme = VersionSchemes.forPurlType(purlType);
        try {
            return scheme.compare(a, b) == 0;
        } catch (VersionException e) {
            return false;
        }
    }
}
