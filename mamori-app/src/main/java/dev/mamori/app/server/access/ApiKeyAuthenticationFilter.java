package dev.mamori.app.server.access;

import dev.mamori.app.server.Problems;
import dev.mamori.store.access.ApiKey;
import dev.mamori.store.access.ApiKeyRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates requests that carry an API key, in {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}.
 * A key that is unknown, revoked or expired is refused at once (401); requests without a key go on to HTTP Basic
 * and the authorisation rules.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    private final ApiKeyRepository keys;
    private final Clock clock;
    private final JsonMapper json;

    ApiKeyAuthenticationFilter(ApiKeyRepository keys, Clock clock, JsonMapper json) {
        this.keys = keys;
        this.clock = clock;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = presented(request);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> key = keys.authenticate(secret, clock.instant());
        if (key.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.write(request, response, json, HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                    "the API key is not valid: unknown, revoked or expired");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(key.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String presented(HttpServletRequest request) {
        String header = request.getHeader("X-Api-Key");
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = auth.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
