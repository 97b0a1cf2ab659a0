package org.relayrcm.claims.web;


import org.relayrcm.accesslog.PhiAccessLog;
import org.relayrcm.accesslog.PhiResource;
import java.util.List;

import org.relayrcm.claims.ClaimFix;
import org.relayrcm.claims.ClaimService;
import org.relayrcm.claims.ClaimStatus;
import org.relayrcm.claims.ClaimSubmissions;
import org.relayrcm.claims.ClaimView;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.PageRequestParams;
import org.relayrcm.shared.PageResponse;
import org.relayrcm.shared.ValidationError;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/claims")
class ClaimController {

    private final ClaimService claims;
    private final ClaimSubmissions submissions;

    private final PhiAccessLog accessLog;

    ClaimController(ClaimService claims, ClaimSubmissions submissions, PhiAccessLog accessLog) {
        this.claims = claims;
        this.submissions = submissions;
        this.accessLog = accessLog;
    }

    record FollowUp(@Size(max = 2000) String note) {
    }

    @GetMapping
    PageResponse<ClaimView.Summary> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return claims.list(parse(status), PageRequestParams.of(page, size));
    }

    @GetMapping("/{id}")
    ClaimView get(@PathVariable long id) {
        ClaimView found = claims.get(id);
        accessLog.recordRead(PhiResource.CLAIM, id);
        return found;
    }

    @PostMapping("/{id}/fix")
    ClaimView fix(@PathVariable long id, @Valid @RequestBody ClaimFix body) {
        return claims.fix(id, body);
    }

    @PostMapping("/{id}/replace")
    ClaimView replace(@PathVariable long id, @Valid @RequestBody ClaimFix body) {
        return claims.replacePaid(id, body);
    }

    @PostMapping("/{id}/void")
    ClaimView voidClaim(@PathVariable long id) {
        return claims.voidPaid(id);
    }

    @PostMapping("/{id}/follow-up")
    ClaimView followUp(@PathVariable long id, @Valid @RequestBody(required = false) FollowUp body) {
        return claims.followUpDone(id, body == null ? null : body.note());
    }

    /** Task_TimelyFilingRisk (manager). */
    @PostMapping("/{id}/timely-filing-risk")
    ClaimView timelyFilingRiskReviewed(@PathVariable long id, @Valid @RequestBody(required = false) FollowUp body) {
        return claims.timelyFilingRiskReviewed(id, body == null ? null : body.note());
    }

    @GetMapping(value = "/{id}/837", produces = MediaType.TEXT_PLAIN_VALUE)
    String latest837(@PathVariable long id) {
        String x12 = submissions.latestPayload(id)
                .orElseThrow(() -> ApiException.notFound("An 837 for claim " + id));
        accessLog.recordRead(PhiResource.CLAIM_837, id);
        return x12;
    }

    private static ClaimStatus parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ClaimStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Unknown claim status.", List.of(ValidationError.error("CLAIMS-STATUS", "status",
                    "Use one of " + java.util.Arrays.toString(ClaimStatus.values()) + ".")));
        }
    }
}
