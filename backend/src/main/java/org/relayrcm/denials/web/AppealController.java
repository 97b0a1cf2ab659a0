package org.relayrcm.denials.web;

import org.relayrcm.accesslog.PhiAccessLog;
import org.relayrcm.accesslog.PhiResource;
import org.relayrcm.denials.AppealDecision;
import org.relayrcm.denials.AppealSending;
import org.relayrcm.denials.AppealView;
import org.relayrcm.denials.Appeals;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/appeals/{id}")
class AppealController {

    private final Appeals appeals;
    private final PhiAccessLog accessLog;

    AppealController(Appeals appeals, PhiAccessLog accessLog) {
        this.appeals = appeals;
        this.accessLog = accessLog;
    }

    @GetMapping
    AppealView get(@PathVariable long id) {
        AppealView appeal = appeals.get(id);
        accessLog.recordRead(PhiResource.CLAIM, appeal.claimId());
        return appeal;
    }

    @GetMapping(value = "/letter", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable long id) {
        Appeals.Letter letter = appeals.letter(id);
        accessLog.recordRead(PhiResource.CLAIM, letter.claimId());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("appeal-" + id + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(letter.pdf());
    }

    /** Task_PrepareAppeal (biller). */
    @PostMapping("/send")
    AppealView send(@PathVariable long id, @Valid @RequestBody AppealSending sending) {
        return appeals.send(id, sending);
    }

    /** Task_RecordAppealOutcome (biller). */
    @PostMapping("/decision")
    AppealView decide(@PathVariable long id, @Valid @RequestBody AppealDecision decision) {
        return appeals.decide(id, decision);
    }
}
