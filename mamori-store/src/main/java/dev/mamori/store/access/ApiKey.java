package dev.mamori.store.access;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as stored: never the key itself, only its SHA-256 and its first characters to recognise it.
 */
public record ApiKey(long id, String name, String prefix, Set<Scope> scopes, Instant createdAt, String createdBy,
                     Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
