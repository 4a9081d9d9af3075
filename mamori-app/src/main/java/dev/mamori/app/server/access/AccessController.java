package dev.mamori.app.server.access;

import dev.mamori.app.server.ApiException;
import dev.mamori.store.AuditLog;
import dev.mamori.store.access.ApiKey;
import dev.mamori.store.access.ApiKeyRepository;
import dev.mamori.store.access.Scope;
import dev.mamori.store.access.User;
import dev.mamori.store.access.UserRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** API keys and user accounts (admin scope), and {@code /api/v1/me}. */
@RestController
@Tag(name = "Access", description = "API keys, users and the caller's own identity")
class AccessController {
    static final int MIN_PASSWORD = 12;

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;

    AccessController(ApiKeyRepository keys, UserRepository users, PasswordEncoder passwords, AuditLog audit, Clock clock,
                     JsonMapper json) {
        this.keys = keys;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    record Me(String name, List<String> scopes) {}

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who the credentials belong to, and their scopes")
    Me me(Authentication auth) {
        return new Me(Actor.current(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.substring("SCOPE_".length())).sorted().toList());
    }

    record KeyView(long id, String name, String prefix, List<String> scopes, Instant createdAt, String createdBy,
                   Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id(), k.name(), k.prefix(), labels(k.scopes()), k.createdAt(), k.createdBy(), k.expiresAt(),
                    k.lastUsedAt(), k.revokedAt());
        }
    }

    record NewKey(String name, List<String> scopes, Instant expiresAt) {}

    /** The key itself is in {@code secret}, shown this once. */
    record CreatedKey(KeyView key, String secret) {}

    @PostMapping("/api/v1/admin/api-keys")
    @Operation(summary = "Create an API key; the answer holds the key, which is never shown again")
    ResponseEntity<CreatedKey> createKey(@RequestBody NewKey body) {
        if (body == null || body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            throw ApiException.validation("/name", "a name of 1 to 200 characters is required");
        }
        Set<Scope> scopes = scopes(body.scopes(), "/scopes");
        Instant now = clock.instant();
        if (body.expiresAt() != null && !body.expiresAt().isAfter(now)) {
            throw ApiException.validation("/expiresAt", "must be in the future");
        }
        ApiKeyRepository.Created created = keys.create(body.name().strip(), scopes, body.expiresAt(), Actor.current(), now);
        KeyView view = KeyView.of(created.key());
        audit.record(now, Actor.current(), "api-key.create", "api-key", view.id(), null, json.writeValueAsString(view));
        return ResponseEntity.created(URI.create("/api/v1/admin/api-keys/" + view.id())).body(new CreatedKey(view, created.secret()));
    }

    @GetMapping("/api/v1/admin/api-keys")
    @Operation(summary = "Every API key (without the keys themselves)")
    List<KeyView> listKeys() {
        return keys.list().stream().map(KeyView::of).toList();
    }

    @DeleteMapping("/api/v1/admin/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API key")
    void revokeKey(@PathVariable long id) {
        ApiKey before = keys.find(id).orElseThrow(() -> ApiException.notFound("API key", id));
        Instant now = clock.instant();
        if (keys.revoke(id, now)) {
            audit.record(now, Actor.current(), "api-key.revoke", "api-key", id, json.writeValueAsString(KeyView.of(before)),
                    json.writeValueAsString(KeyView.of(keys.find(id).orElseThrow())));
        }
    }

    record UserView(long id, String username, List<String> scopes, Instant createdAt, String createdBy, Instant disabledAt) {
        static UserView of(User u) {
            return new UserView(u.id(), u.username(), labels(u.scopes()), u.createdAt(), u.createdBy(), u.disabledAt());
        }
    }

    record NewUser(String username, String password, List<String> scopes) {}

    record NewPassword(String password) {}

    @PostMapping("/api/v1/admin/users")
    @Operation(summary = "Create a user account (HTTP Basic); the password is stored as a PBKDF2 hash")
    ResponseEntity<UserView> createUser(@RequestBody NewUser body) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (body == null || body.username() == null || !body.username().matches("[A-Za-z0-9._@-]{1,100}")) {
            errors.add(new ApiException.FieldError("/username", "1 to 100 letters, digits or . _ @ -"));
        }
        if (body == null || body.password() == null || body.password().length() < MIN_PASSWORD) {
            errors.add(new ApiException.FieldError("/password", "at least " + MIN_PASSWORD + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Set<Scope> scopes = scopes(body.scopes(), "/scopes");
        Instant now = clock.instant();
        User u = users.create(body.username(), passwords.encode(body.password()), scopes, Actor.current(), now);
        UserView view = UserView.of(u);
        audit.record(now, Actor.current(), "user.create", "user", u.id(), null, json.writeValueAsString(view));
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + u.id())).body(view);
    }

    @GetMapping("/api/v1/admin/users")
    @Operation(summary = "Every user account")
    List<UserView> listUsers() {
        return users.list().stream().map(UserView::of).toList();
    }

    @PutMapping("/api/v1/admin/users/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a user's password")
    void setPassword(@PathVariable long id, @RequestBody NewPassword body) {
        User u = users.find(id).orElseThrow(() -> ApiException.notFound("user", id));
        if (body == null || body.password() == null || body.password().length() < MIN_PASSWORD) {
            throw ApiException.validation("/password", "at least " + MIN_PASSWORD + " characters");
        }
        users.setPassword(id, passwords.encode(body.password()));
        audit.record(clock.instant(), Actor.current(), "user.password", "user", id, null, "{\"username\":\"" + u.username() + "\"}");
    }

    @DeleteMapping("/api/v1/admin/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Disable a user account (kept for the audit trail)")
    void disableUser(@PathVariable long id) {
        User before = users.find(id).orElseThrow(() -> ApiException.notFound("user", id));
        Instant now = clock.instant();
        if (users.disable(id, now)) {
            audit.record(now, Actor.current(), "user.disable", "user", id, json.writeValueAsString(UserView.of(before)),
                    json.writeValueAsString(UserView.of(users.find(id).orElseThrow())));
        }
    }

    private static Set<Scope> scopes(List<String> given, String pointer) {
        if (given == null || given.isEmpty()) {
            throw ApiException.validation(pointer, "at least one of read, write, admin");
        }
        Set<Scope> out = EnumSet.noneOf(Scope.class);
        for (int i = 0; i < given.size(); i++) {
            try {
                out.addAll(Scope.parse(String.valueOf(given.get(i))).implied());
            } catch (IllegalArgumentException e) {
                throw ApiException.validation(pointer + "/" + i, e.getMessage());
            }
        }
        return out;
    }

    static List<String> labels(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::label).toList();
    }
}
