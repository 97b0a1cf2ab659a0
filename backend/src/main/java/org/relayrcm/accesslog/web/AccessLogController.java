package org.relayrcm.accesslog.web;

import java.time.LocalDate;

import org.relayrcm.accesslog.PhiAccessLog;
import org.relayrcm.shared.PageRequestParams;
import org.relayrcm.shared.PageResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccessLogController {

    private final PhiAccessLog log;

    AccessLogController(PhiAccessLog log) {
        this.log = log;
    }

    @GetMapping("/api/access-log")
    PageResponse<PhiAccessLog.Entry> search(@RequestParam(required = false) Long patientId,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return log.search(patientId, user, from, to, PageRequestParams.of(page, size));
    }
}
