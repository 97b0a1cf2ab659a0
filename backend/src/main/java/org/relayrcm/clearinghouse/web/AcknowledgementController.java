package org.relayrcm.clearinghouse.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.relayrcm.clearinghouse.InboundFiles;
import org.relayrcm.clearinghouse.InboundSummary;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.ValidationError;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The clearinghouse's answers uploaded by hand: the same intake as the inbox folder. */
@RestController
class AcknowledgementController {

    private final InboundFiles intake;

    AcknowledgementController(InboundFiles intake) {
        this.intake = intake;
    }

    /** Body: a 999, 277CA or 835 file as the clearinghouse sent it. */
    @PostMapping(value = "/api/acknowledgements", consumes = {"application/edi-x12", "text/plain",
            "application/octet-stream"})
    InboundSummary post(@RequestBody(required = false) byte[] x12) {
        // An empty body reaches the intake, which says "the file is empty" rather than "the body is not JSON".
        return intake.receive(x12 == null ? new byte[0] : x12, InboundFiles.Channel.UPLOAD, null);
    }

    /** The same file as a form upload (part {@code file}), the way a browser sends it. */
    @PostMapping(value = "/api/acknowledgements", consumes = "multipart/form-data")
    InboundSummary upload(@RequestParam(name = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("The upload has no file: send the clearinghouse's file in the part "
                    + "named 'file'.", List.of(ValidationError.error("UPLOAD-FILE", "file", "Missing or empty.")));
        }
        try {
            return intake.receive(file.getBytes(), InboundFiles.Channel.UPLOAD, file.getOriginalFilename());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
