package org.relayrcm.denials.web;

import org.relayrcm.accesslog.PhiAccessLog;
import org.relayrcm.accesslog.PhiResource;
import org.relayrcm.denials.WriteOffDecision;
import org.relayrcm.denials.WriteOffView;
import org.relayrcm.denials.WriteOffs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/write-offs/{id}")
class WriteOffController {

    private final WriteOffs writeOffs;
    private final PhiAccessLog accessLog;

    WriteOffController(WriteOffs writeOffs, PhiAccessLog accessLog) {
        this.writeOffs = writeOffs;
        this.accessLog = accessLog;
    }

    @GetMapping
    WriteOffView get(@PathVariable long id) {
        WriteOffView writeOff = writeOffs.get(id);
        accessLog.recordRead(PhiResource.CLAIM, writeOff.claimId());
        return writeOff;
    }

    /** Task_ApproveWriteOff (manager). */
    @PostMapping("/decision")
    WriteOffView decide(@PathVariable long id, @Valid @RequestBody WriteOffDecision decision) {
        return writeOffs.decide(id, decision);
    }
}
