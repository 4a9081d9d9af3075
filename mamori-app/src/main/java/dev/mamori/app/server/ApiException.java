package dev.mamori.app.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error the API answers with an RFC 9457 problem: a status, a problem type, a title and a detail for people,
 * and optional extension members (e.g. {@code errors} for validation).
 */
public final class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions;

    public ApiException(HttpStatus status, String type, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "no " + what + " with id " + id, null);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, Problems.BAD_REQUEST, "Bad request", detail, null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", detail, null);
    }

    /** One invalid field: {@code pointer} is a JSON pointer into the request body, or a query parameter name. */
    public record FieldError(String pointer, String detail) {}

    public static ApiException validation(List<FieldError> errors) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("errors", errors);
        String detail = errors.size() == 1 ? errors.getFirst().pointer() + ": " + errors.getFirst().detail()
                : errors.size() + " invalid fields: " + String.join("; ", errors.stream().map(e -> e.pointer() + ": " + e.detail()).toList());
        return new ApiException(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request", detail, ext);
    }

    public static ApiException validation(String pointer, String detail) {
        return validation(List.of(new FieldError(pointer, detail)));
    }
}
