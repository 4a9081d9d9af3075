package dev.mamori.app.server.access;

import dev.mamori.app.server.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as problems; a 401 says which credentials the server takes. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final JsonMapper json;

    ProblemSecurityHandlers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.addHeader("WWW-Authenticate", "Bearer realm=\"mamori\"");
        response.addHeader("WWW-Authenticate", "Basic realm=\"mamori\", charset=\"UTF-8\"");
        String detail = request.getHeader("Authorization") != null && request.getHeader("Authorization").regionMatches(true, 0, "Basic ", 0, 6)
                ? "the user name or password is wrong, or the account is disabled"
                : "credentials are required: an API key (Authorization: Bearer <key> or X-Api-Key: <key>) or HTTP Basic";
        Problems.write(request, response, json, HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        String needed = SecurityConfig.scopeNeeded(request);
        Problems.write(request, response, json, HttpStatus.FORBIDDEN, Problems.FORBIDDEN,
                "this needs the '" + needed + "' scope, which your credentials do not have");
    }
}
