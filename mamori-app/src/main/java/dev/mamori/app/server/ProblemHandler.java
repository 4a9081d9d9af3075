package dev.mamori.app.server;

import dev.mamori.input.InputException;
import dev.mamori.store.Conflict;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception a controller throws into an RFC 9457 problem ({@code application/problem+json} with type,
 * title, status, detail and instance): Spring MVC's own (404, 405, 406, 415, 413 for multipart, malformed bodies…),
 * Mamori's {@link ApiException}, store conflicts, unreadable documents, and anything unexpected (500, logged, with
 * no internals in the answer).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        ProblemDetail p = Problems.of(e.status(), e.type(), e.title(), e.getMessage(), request.getRequestURI());
        e.extensions().forEach(p::setProperty);
        return respond(p);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", e.getMessage(), request.getRequestURI()));
    }

    /** A document (SBOM, VEX) that could not be read: 422 with the place in the document. */
    @ExceptionHandler(InputException.class)
    ResponseEntity<ProblemDetail> input(InputException e, HttpServletRequest request) {
        String type = request.getRequestURI().endsWith("/sbom") ? Problems.UNPROCESSABLE_SBOM : Problems.UNPROCESSABLE_DOCUMENT;
        String title = type.equals(Problems.UNPROCESSABLE_SBOM) ? "Unreadable SBOM" : "Unreadable document";
        String where = e.location() == null || e.location().isEmpty() ? "" : " at " + e.location();
        ProblemDetail p = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, type, title, e.reason() + where, request.getRequestURI());
        p.setProperty("location", e.location());
        return respond(p);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE, null, e.getMessage(),
                request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        PayloadTooLargeException tooLarge = causeOf(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge, request);
        }
        LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, null,
                "the server failed to answer this request; the failure is in its log", request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOf(ex, PayloadTooLargeException.class);
        String path = path(request);
        if (tooLarge != null) {
            return new ResponseEntity<>(Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE, null,
                    tooLarge.getMessage(), path), problemHeaders(), HttpStatus.CONTENT_TOO_LARGE);
        }
        Throwable cause = ex.getMostSpecificCause();
        String detail = cause == ex || cause.getMessage() == null ? "the request body is missing or not valid JSON"
                : "the request body is not valid: " + firstLine(cause.getMessage());
        return new ResponseEntity<>(Problems.of(HttpStatus.BAD_REQUEST, Problems.BAD_REQUEST, null, detail, path), problemHeaders(),
                HttpStatus.BAD_REQUEST);
    }

    /** Every problem Spring MVC makes itself passes here: make it complete and give it a Mamori type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        String detail = body instanceof ProblemDetail given ? given.getDetail() : ex.getMessage();
        ProblemDetail p = Problems.of(status, null, null, detail, path(request));
        if (body instanceof ProblemDetail given && given.getProperties() != null) {
            given.getProperties().forEach(p::setProperty);
        }
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        out.setContentType(Problems.MEDIA_TYPE);
        return new ResponseEntity<>(p, out, status);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(Problems.MEDIA_TYPE).body(p);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(Problems.MEDIA_TYPE);
        return h;
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest s ? s.getRequest().getRequestURI() : "/";
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

}
