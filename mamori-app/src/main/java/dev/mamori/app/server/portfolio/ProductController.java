package dev.mamori.app.server.portfolio;

import dev.mamori.app.server.ApiException;
import dev.mamori.app.server.JsonText;
import dev.mamori.app.server.ListResponse;
import dev.mamori.app.server.Params;
import dev.mamori.app.server.access.Actor;
import dev.mamori.app.server.portfolio.Views.ProductView;
import dev.mamori.input.InputException;
import dev.mamori.risk.RiskProfile;
import dev.mamori.store.AuditLog;
import dev.mamori.store.Database;
import dev.mamori.store.Page;
import dev.mamori.store.portfolio.Product;
import dev.mamori.store.portfolio.ProductData;
import dev.mamori.store.portfolio.ProductRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/products}: the products of the portfolio. */
@RestController
@Tag(name = "Products")
class ProductController {
    private final ProductRepository products;
    private final Database db;
    private final AuditLog audit;
    private final JsonText json;
    private final Clock clock;

    ProductController(ProductRepository products, Database db, AuditLog audit, JsonText json, Clock clock) {
        this.products = products;
        this.db = db;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param riskProfile a {@code mamori-risk-profile/1} object (see docs/risk.md), or null
     */
    record ProductRequest(String name, String ownerTeam, String description, List<String> tags, JsonNode riskProfile) {}

    @PostMapping("/api/v1/products")
    @Operation(summary = "Create a product")
    ResponseEntity<ProductView> create(@RequestBody ProductRequest body) {
        ProductData data = validate(body);
        Instant now = clock.instant();
        Product p = db.inTransaction(() -> {
            Product created = products.create(data, now);
            audit.record(now, Actor.current(), "product.create", "product", created.id(), null, json.text(ProductView.of(created, json)));
            return created;
        });
        return ResponseEntity.created(URI.create("/api/v1/products/" + p.id())).body(ProductView.of(p, json));
    }

    @GetMapping("/api/v1/products")
    @Operation(summary = "List products by name, a page at a time")
    ListResponse<ProductView> list(@Parameter(description = "only products with this tag") @RequestParam(required = false) String tag,
                                   @Parameter(description = "only products of this owner team") @RequestParam(required = false) String team,
                                   @Parameter(description = "name contains (case-insensitive)") @RequestParam(required = false) String q,
                                   @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        Page<Product> page = Params.withCursor(() -> products.list(Params.blankToNull(tag), Params.blankToNull(team),
                Params.blankToNull(q), Params.blankToNull(cursor), Params.limit(limit)));
        return ListResponse.of(page.items().stream().map(p -> ProductView.of(p, json)).toList(), page.nextCursor());
    }

    @GetMapping("/api/v1/products/{id}")
    @Operation(summary = "One product")
    ProductView get(@PathVariable long id) {
        return ProductView.of(products.find(id).orElseThrow(() -> ApiException.notFound("product", id)), json);
    }

    @PutMapping("/api/v1/products/{id}")
    @Operation(summary = "Replace a product's name, owner team, description, tags and risk profile")
    ProductView update(@PathVariable long id, @RequestBody ProductRequest body) {
        ProductData data = validate(body);
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            Product before = products.find(id).orElseThrow(() -> ApiException.notFound("product", id));
            Product after = products.update(id, data, now).orElseThrow(() -> ApiException.notFound("product", id));
            audit.record(now, Actor.current(), "product.update", "product", id, json.text(ProductView.of(before, json)),
                    json.text(ProductView.of(after, json)));
            return ProductView.of(after, json);
        });
    }

    @DeleteMapping("/api/v1/products/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a product with its releases, SBOM records and findings (the SBOM files stay)")
    void delete(@PathVariable long id) {
        Instant now = clock.instant();
        db.inTransaction(() -> {
            Product before = products.find(id).orElseThrow(() -> ApiException.notFound("product", id));
            products.delete(id);
            audit.record(now, Actor.current(), "product.delete", "product", id, json.text(ProductView.of(before, json)), null);
        });
    }

    private ProductData validate(ProductRequest body) {
        if (body == null) {
            throw ApiException.badRequest("a JSON body is required");
        }
        List<dev.mamori.app.server.ApiException.FieldError> errors = new ArrayList<>();
        if (body.name() == null || body.name().isBlank() || body.name().strip().length() > 200) {
            errors.add(new ApiException.FieldError("/name", "a name of 1 to 200 characters is required"));
        }
        if (body.ownerTeam() != null && body.ownerTeam().length() > 200) {
            errors.add(new ApiException.FieldError("/ownerTeam", "at most 200 characters"));
        }
        List<String> tags = body.tags() == null ? List.of() : body.tags();
        for (int i = 0; i < tags.size(); i++) {
            String t = tags.get(i);
            if (t == null || t.isBlank() || t.length() > 100) {
                errors.add(new ApiException.FieldError("/tags/" + i, "a tag has 1 to 100 characters"));
            }
        }
        String profile = null;
        if (body.riskProfile() != null && !body.riskProfile().isNull()) {
            profile = json.text(body.riskProfile());
            try {
                RiskProfile.read(new ByteArrayInputStream(profile.getBytes(StandardCharsets.UTF_8)), "riskProfile");
            } catch (InputException e) {
                errors.add(new ApiException.FieldError("/riskProfile" + (e.location() == null ? "" : e.location()), e.reason()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new ProductData(body.name().strip(), Params.blankToNull(body.ownerTeam()), body.description(),
                tags.stream().map(String::strip).toList(), profile);
    }
}
