package org.relayrcm.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.relayrcm.intake.fhir.FhirBundleIntake;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.ValidationError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** The EHR's FHIR door: {@code POST /fhir/Bundle} with a FHIR R4 Bundle in JSON. */
@RestController
@RequestMapping("/fhir")
class FhirBundleController {

    private final FhirBundleIntake intake;
    private final long maxBytes;

    FhirBundleController(FhirBundleIntake intake,
            @Value("${relay.intake.fhir.max-bundle-size:32MB}") DataSize maxBundleSize) {
        this.intake = intake;
        this.maxBytes = maxBundleSize.toBytes();
    }

    /** 201 when something new was received, 200 when every encounter was already known (a resend). */
    @PostMapping(path = "/Bundle", consumes = {"application/fhir+json", "application/json"})
    ResponseEntity<FhirBundleIntake.Outcome> receive(HttpServletRequest request) throws IOException {
        FhirBundleIntake.Outcome outcome = intake.receive(body(request));
        return ResponseEntity.status(outcome.createdAny() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome);
    }

    /** Reads at most the configured size, so one runaway upload cannot exhaust the heap. */
    private String body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private ApiException tooLarge() {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "Bundle too large",
                "The bundle is larger than " + maxBytes / (1024 * 1024) + " MB; send fewer encounters per bundle.",
                List.of(ValidationError.error("FHIR-TOO-LARGE", null, "At most " + maxBytes + " bytes per bundle.")));
    }
}
