package org.relayrcm.denials.web;

import org.relayrcm.accesslog.PhiAccessLog;
import org.relayrcm.accesslog.PhiResource;
import org.relayrcm.denials.DenialService;
import org.relayrcm.denials.DenialView;
import org.relayrcm.denials.Recode;
import org.relayrcm.denials.RegistrationFix;
import org.relayrcm.denials.Resolution;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/denials/{id}")
class DenialController {

    private final DenialService denials;

    private final PhiAccessLog accessLog;

    DenialController(DenialService denials, PhiAccessLog accessLog) {
        this.denials = denials;
        this.accessLog = accessLog;
    }

    @GetMapping
    DenialView get(@PathVariable long id) {
        DenialView found = denials.get(id);
        accessLog.recordRead(PhiResource.DENIAL, id);
        return found;
    }

    /** Task_WorkDenial (biller). */
    @PostMapping("/resolve")
    DenialView resolve(@PathVariable long id, @Valid @RequestBody Resolution resolution) {
        return denials.resolve(id, resolution);
    }

    /** Task_RecodeDenial (coder). */
    @PostMapping("/recode")
    DenialView recode(@PathVariable long id, @Valid @RequestBody Recode recode) {
        return denials.recode(id, recode);
    }

    /** Task_FixRegistration (biller). */
    @PostMapping("/fix-registration")
    DenialView fixRegistration(@PathVariable long id, @Valid @RequestBody RegistrationFix fix) {
        return denials.fixRegistration(id, fix);
    }
}
