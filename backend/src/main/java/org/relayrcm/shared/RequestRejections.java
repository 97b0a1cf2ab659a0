package org.relayrcm.shared;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Problem details for requests refused before any controller is chosen (a content type no endpoint takes, a
 * multipart upload over the limit). {@link ApiExceptionHandler} is scoped to our packages, and Spring applies a
 * scoped advice only when it knows the controller, so without this these answered with an empty body.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestRejections {

    /** Tomcat does not say which limit an upload broke; both are this size (application.yml). */
    private final DataSize maxUpload;

    RequestRejections(@Value("${spring.servlet.multipart.max-request-size:100MB}") DataSize maxUpload) {
        this.maxUpload = maxUpload;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedContentType(HttpMediaTypeNotSupportedException e) {
        String sent = e.getContentType() == null ? "none" : e.getContentType().toString();
        String accepted = MediaType.toString(e.getSupportedMediaTypes());
        String detail = "Content type '" + sent + "' is not accepted here"
                + (accepted.isEmpty() ? "" : "; send one of " + accepted) + ". Nothing was changed.";
        HttpStatus status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        return ResponseEntity.status(status).body(ProblemResponses.problem(status, "Unsupported content type", detail,
                List.of(ValidationError.error("REQUEST-CONTENT-TYPE", "Content-Type", detail))));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
        long bytes = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : maxUpload.toBytes();
        String detail = "The upload is larger than " + bytes / (1024 * 1024) + " MB; nothing was changed. Split the file "
                + "or ask an administrator.";
        HttpStatus status = HttpStatus.PAYLOAD_TOO_LARGE;
        return ResponseEntity.status(status).body(ProblemResponses.problem(status, "Upload too large", detail,
                List.of(ValidationError.error("UPLOAD-TOO-LARGE", "file", detail))));
    }
}
