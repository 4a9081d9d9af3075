package dev.mamori.app.server;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}: where the servlet container sends errors that happen outside Spring MVC (a malformed request
 * line, an exception in a filter). Answers with a problem too, never the default error page.
 */
@RestController
class ProblemErrorController implements ErrorController {
    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String detail = status.is5xxServerError() ? "the server failed to answer this request; the failure is in its log"
                : message instanceof String m && !m.isBlank() ? m : status.getReasonPhrase();
        ProblemDetail p = Problems.of(status, null, null, detail, uri instanceof String s ? s : request.getRequestURI());
        return ResponseEntity.status(status).contentType(Problems.MEDIA_TYPE).body(p);
    }
}
