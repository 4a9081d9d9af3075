package dev.mamori.app.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details, the one shape of every error the server answers. Problem types are URNs
 * ({@code urn:mamori:problem:not-found}) listed in {@code docs/api.md}; none is meant to be dereferenced.
 */
public final class Problems {
    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String PREFIX = "urn:mamori:problem:";
    public static final String BAD_REQUEST = PREFIX + "bad-request";
    public static final String VALIDATION = PREFIX + "validation";
    public static final String UNAUTHORIZED = PREFIX + "unauthorized";
    public static final String FORBIDDEN = PREFIX + "forbidden";
    public static final String NOT_FOUND = PREFIX + "not-found";
    public static final String METHOD_NOT_ALLOWED = PREFIX + "method-not-allowed";
    public static final String NOT_ACCEPTABLE = PREFIX + "not-acceptable";
    public static final String CONFLICT = PREFIX + "conflict";
    public static final String PAYLOAD_TOO_LARGE = PREFIX + "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = PREFIX + "unsupported-media-type";
    public static final String UNPROCESSABLE_SBOM = PREFIX + "unprocessable-sbom";
    public static final String UNPROCESSABLE_DOCUMENT = PREFIX + "unprocessable-document";
    public static final String INTERNAL = PREFIX + "internal-error";
    public static final String UNAVAILABLE = PREFIX + "service-unavailable";

    private Problems() {}

    /** The problem type for a status when nothing more specific is known. */
    public static String typeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> UNAVAILABLE;
            default -> status.is5xxServerError() ? INTERNAL : PREFIX + "http-" + status.value();
        };
    }

    public static String titleOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
    }

    /** A complete problem: type, title, status, detail and instance are always set. */
    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail, String instance) {
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setType(URI.create(type == null ? typeOf(status) : type));
        p.setTitle(title == null ? titleOf(status) : title);
        p.setDetail(detail == null || detail.isBlank() ? titleOf(status) : detail);
        p.setInstance(URI.create(instance == null || instance.isEmpty() ? "/" : safePath(instance)));
        return p;
    }

    /** The problem as a plain map, for places that write the response themselves (filters). */
    public static Map<String, Object> asMap(ProblemDetail p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", String.valueOf(p.getType()));
        out.put("title", p.getTitle());
        out.put("status", p.getStatus());
        out.put("detail", p.getDetail());
        out.put("instance", String.valueOf(p.getInstance()));
        if (p.getProperties() != null) {
            out.putAll(p.getProperties());
        }
        return out;
    }

    /** Writes a problem response directly (for servlet filters and Spring Security handlers). */
    public static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json, HttpStatus status,
                             String type, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail p = of(status, type, null, detail, request.getRequestURI());
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(asMap(p)));
        response.flushBuffer();
    }

    /** A request path as a URI reference, with characters a URI cannot hold percent-encoded. */
    static String safePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c > 0x20 && c < 0x7F && "\"<>\\^`{|}%".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
