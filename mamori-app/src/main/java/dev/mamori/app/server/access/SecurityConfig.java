package dev.mamori.app.server.access;

import dev.mamori.store.Database;
import dev.mamori.store.access.ApiKeyRepository;
import dev.mamori.store.access.Scope;
import dev.mamori.store.access.User;
import dev.mamori.store.access.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what.
 *
 * <ul>
 *   <li>Open: {@code GET /api/v1/health}, the home page and its static files, {@code /actuator/health}.</li>
 *   <li>{@code read}: every other GET under {@code /api/v1} (the OpenAPI document and its UI included) and
 *       {@code /actuator/prometheus}.</li>
 *   <li>{@code write}: every other method under {@code /api/v1}.</li>
 *   <li>{@code admin}: {@code /api/v1/admin/**} (keys, users) and the rest of {@code /actuator}.</li>
 * </ul>
 * Credentials: an API key ({@code Authorization: Bearer}, {@code X-Api-Key}) or HTTP Basic with a user account.
 * Stateless: no session, no cookie, hence no CSRF token.
 */
@Configuration
class SecurityConfig {
    static final String READ = "SCOPE_read";
    static final String WRITE = "SCOPE_write";
    static final String ADMIN = "SCOPE_admin";

    @Bean
    ApiKeyRepository apiKeyRepository(Database db) {
        return new ApiKeyRepository(db);
    }

    @Bean
    UserRepository userRepository(Database db) {
        return new UserRepository(db);
    }

    /** PBKDF2-HMAC-SHA256, 310,000 iterations, 16-byte salt (OWASP's recommendation when it was set), stored with its id. */
    @Bean
    PasswordEncoder passwordEncoder() {
        String id = "pbkdf2@SpringSecurity_v5_8";
        return new DelegatingPasswordEncoder(id, Map.of(id, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    UserDetailsService userDetailsService(UserRepository users) {
        return username -> {
            User u = users.findByName(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
            return org.springframework.security.core.userdetails.User.withUsername(u.username())
                    .password(u.passwordHash())
                    .disabled(u.disabledAt() != null)
                    .authorities(ApiKeyAuthentication.authorities(u.scopes()))
                    .build();
        };
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeyRepository keys, Clock clock, JsonMapper json)
            throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.realmName("mamori").authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, clock, json), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/v1/health").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/favicon.ico", "/css/**", "/js/**", "/images/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAuthority(READ)
                        .requestMatchers("/actuator/**").hasAuthority(ADMIN)
                        .requestMatchers("/api/v1/admin/**").hasAuthority(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAuthority(READ)
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasAuthority(READ)
                        .requestMatchers("/api/v1/**").hasAuthority(WRITE)
                        .anyRequest().authenticated());
        return http.build();
    }

    /** The scope a request needs, for the 403 message. */
    static String scopeNeeded(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/v1/admin/") || (path.startsWith("/actuator/") && !path.equals("/actuator/prometheus"))) {
            return Scope.ADMIN.label();
        }
        String m = request.getMethod();
        return "GET".equals(m) || "HEAD".equals(m) ? Scope.READ.label() : Scope.WRITE.label();
    }
}
