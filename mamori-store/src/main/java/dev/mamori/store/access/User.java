package dev.mamori.store.access;

import java.time.Instant;
import java.util.Set;

/** A user account; the password is kept only as a salted, slow hash ({@code passwordHash}). */
public record User(long id, String username, String passwordHash, Set<Scope> scopes, Instant createdAt, String createdBy,
                   Instant disabledAt) {
    public User {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", scopes=" + scopes + "]";
    }
}
