package org.relayrcm.shared;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of our API into an RFC 9457 problem detail with an {@code errors} list.
 * Messages never echo request bodies: they may hold PHI, and logs must not.
 */
@RestControllerAdvice(basePackages = "org.relayrcm")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return ResponseEntity.status(e.status())
                .body(ProblemResponses.problem(e.status(), e.title(), e.getMessage(), e.errors()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest("Parameter '" + e.getName() + "' has the wrong type.",
                List.of(ValidationError.error("REQUEST-PARAMETER", e.getName(), "Wrong type.")));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> dataAccess(DataAccessException e) {
        // The class name is enough to find it; the message may quote row values (PHI).
        log.error("Database failure: {}", e.getClass().getName());
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(status).body(ProblemResponses.problem(status, "Database unavailable",
                "The request could not be saved; nothing was changed. Try again in a moment.", List.of()));
    }

    /** Anything unexpected: a 500 problem, and a log line with the type and place but not the message. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        log.error("Unexpected failure {} at {}", e.getClass().getName(), where);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).body(ProblemResponses.problem(status, "Unexpected error",
                "Something went wrong on our side; nothing was changed. Try again, and tell support if it persists.",
                List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                "The request body is not valid JSON for this endpoint; nothing was changed.",
                List.of(describe(ex))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ValidationError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> ValidationError.error("REQUEST-FIELD", f.getField(), f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Some fields are missing or invalid; nothing was changed.", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ValidationError> errors = ex.getAllErrors().stream()
                .map(e -> ValidationError.error("REQUEST-FIELD", null, e.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Some parameters are invalid; nothing was changed.", errors));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("errors", List.of());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ResponseEntity<ProblemDetail> badRequest(String detail, List<ValidationError> errors) {
        return ResponseEntity.badRequest()
                .body(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Bad request", detail, errors));
    }

    private static ValidationError describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return ValidationError.error("JSON-UNKNOWN-FIELD", u.getPropertyName(), "Unknown field.");
        }
        if (cause instanceof InvalidFormatException f) {
            return ValidationError.error("JSON-TYPE", path(f), "Wrong type or format.");
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return ValidationError.error("JSON-TYPE", path(m), "Wrong type or structure.");
        }
        return ValidationError.error("JSON-SYNTAX", null, "The body is not well-formed JSON.");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
