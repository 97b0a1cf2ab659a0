package org.relayrcm.remittance.web;

import org.relayrcm.accesslog.PhiAccessLog;
import org.relayrcm.accesslog.PhiResource;
import org.relayrcm.remittance.ExceptionResolution;
import org.relayrcm.remittance.RemittanceExceptionView;
import org.relayrcm.remittance.RemittanceExceptions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/remittance-exceptions/{id}")
class RemittanceExceptionController {

    private final RemittanceExceptions exceptions;
    private final PhiAccessLog accessLog;

    RemittanceExceptionController(RemittanceExceptions exceptions, PhiAccessLog accessLog) {
        this.exceptions = exceptions;
        this.accessLog = accessLog;
    }

    @GetMapping
    RemittanceExceptionView get(@PathVariable long id) {
        RemittanceExceptionView found = exceptions.get(id);
        accessLog.recordRead(PhiResource.REMITTANCE_EXCEPTION, id);
        return found;
    }

    @PostMapping("/resolve")
    RemittanceExceptionView resolve(@PathVariable long id, @Valid @RequestBody ExceptionResolution resolution) {
        return exceptions.resolve(id, resolution);
    }
}
