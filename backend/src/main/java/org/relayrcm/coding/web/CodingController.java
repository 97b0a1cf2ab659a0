package org.relayrcm.coding.web;

import org.relayrcm.accesslog.PhiAccessLog;
import org.relayrcm.accesslog.PhiResource;
import org.relayrcm.coding.Codes;
import org.relayrcm.coding.CodingCaseView;
import org.relayrcm.coding.CodingService;
import org.relayrcm.coding.PhysicianQuery;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/coding/cases/{caseId}")
class CodingController {

    private final CodingService coding;

    private final PhiAccessLog accessLog;

    CodingController(CodingService coding, PhiAccessLog accessLog) {
        this.coding = coding;
        this.accessLog = accessLog;
    }

    @GetMapping
    CodingCaseView get(@PathVariable long caseId) {
        CodingCaseView found = coding.get(caseId);
        accessLog.recordRead(PhiResource.CODING_CASE, caseId);
        return found;
    }

    @PutMapping("/draft")
    CodingCaseView saveDraft(@PathVariable long caseId, @Valid @RequestBody Codes codes) {
        return coding.saveDraft(caseId, codes);
    }

    @PostMapping("/complete")
    CodingCaseView complete(@PathVariable long caseId, @Valid @RequestBody Codes codes) {
        return coding.complete(caseId, codes);
    }

    @PostMapping("/queries")
    @ResponseStatus(HttpStatus.CREATED)
    PhysicianQuery.View raiseQuery(@PathVariable long caseId, @Valid @RequestBody PhysicianQuery.Raise raise) {
        return coding.raiseQuery(caseId, raise);
    }
}
