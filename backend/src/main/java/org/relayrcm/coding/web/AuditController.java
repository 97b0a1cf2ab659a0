package org.relayrcm.coding.web;

import org.relayrcm.accesslog.PhiAccessLog;
import org.relayrcm.accesslog.PhiResource;
import java.time.LocalDate;

import org.relayrcm.coding.CodingAudit;
import org.relayrcm.coding.CodingAudits;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/audits")
class AuditController {

    private final CodingAudits audits;

    private final PhiAccessLog accessLog;

    AuditController(CodingAudits audits, PhiAccessLog accessLog) {
        this.audits = audits;
        this.accessLog = accessLog;
    }

    @GetMapping("/accuracy")
    CodingAudit.AccuracyReport accuracy(@RequestParam(required = false) String coder,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return audits.accuracy(coder, from, to);
    }

    @GetMapping("/{id}")
    CodingAudit.View get(@PathVariable long id) {
        CodingAudit.View found = audits.get(id);
        accessLog.recordRead(PhiResource.CODING_AUDIT, id);
        return found;
    }

    @PostMapping("/{id}/complete")
    CodingAudit.View complete(@PathVariable long id, @Valid @RequestBody CodingAudit.Verdict verdict) {
        return audits.complete(id, verdict);
    }
}
