package org.relayrcm.remittance.web;

import org.relayrcm.remittance.RemittancePosting;
import org.relayrcm.remittance.RemittanceSummary;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RemittanceController {

    private final RemittancePosting posting;

    RemittanceController(RemittancePosting posting) {
        this.posting = posting;
    }

    /** Body: the X12 835 file as the payer or clearinghouse sent it. */
    @PostMapping(value = "/api/remittances", consumes = {"application/edi-x12", "text/plain", "application/octet-stream"})
    RemittanceSummary post(@RequestBody(required = false) byte[] x12) {
        // An empty body reaches the reader, which says "the file is empty" rather than "the body is not JSON".
        return posting.post(x12 == null ? new byte[0] : x12);
    }
}
