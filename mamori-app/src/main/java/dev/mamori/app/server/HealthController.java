package dev.mamori.app.server;

import dev.mamori.app.MamoriVersion;
import dev.mamori.store.Database;
import dev.mamori.store.InstanceRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/health}: is the server up, and which store does it use. Open without credentials. */
@RestController
@Tag(name = "Health")
class HealthController {
    private final Database database;
    private final Instant startedAt = Instant.now();

    HealthController(Database database) {
        this.database = database;
    }

    @GetMapping(value = "/api/v1/health", produces = "application/json")
    @Operation(summary = "Is the server up, which store does it use (no credentials needed)")
    @SecurityRequirements
    ResponseEntity<Map<String, Object>> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean up = database.isUp();
        body.put("status", up ? "UP" : "DOWN");
        body.put("database", database.kind().label());
        body.put("version", MamoriVersion.get());
        body.put("startedAt", startedAt.toString());
        if (up) {
            body.put("databaseVersion", database.serverVersion());
            List<String> migrations = database.appliedMigrations();
            body.put("schemaVersion", migrations.isEmpty() ? null : migrations.getLast());
            new InstanceRepository(database).find()
                    .ifPresent(i -> body.put("storeCreatedAt", i.createdAt().toString()));
        }
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
