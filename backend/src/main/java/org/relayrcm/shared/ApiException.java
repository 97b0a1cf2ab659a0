package org.relayrcm.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An expected failure that the API turns into an RFC 9457 problem detail. Features throw the
 * factory methods' results; the status says what the caller can do about it.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<ValidationError> errors;

    public ApiException(HttpStatus status, String title, String detail, List<ValidationError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", what + " was not found.", List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    public static ApiException badRequest(String detail, List<ValidationError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad request", detail, errors);
    }

    public static ApiException invalid(String detail, List<ValidationError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Validation failed", detail, errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
