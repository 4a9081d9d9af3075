package dev.mamori.app.server.access;

import dev.mamori.store.access.ApiKey;
import dev.mamori.store.access.Scope;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API key; its authorities are {@code SCOPE_read}, {@code SCOPE_write}… */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {
    private final ApiKey key;

    ApiKeyAuthentication(ApiKey key) {
        super(authorities(key.scopes()));
        this.key = key;
        setAuthenticated(true);
    }

    static List<GrantedAuthority> authorities(Collection<Scope> scopes) {
        return scopes.stream().map(s -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + s.label())).toList();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return key;
    }

    @Override
    public String getName() {
        return "api-key:" + key.name() + "#" + key.id();
    }
}
