package org.relayrcm.coding.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relayrcm.coding.CodingAudits;
import org.springframework.stereotype.Component;

/** Task_SampleCodingAudit (in the coder's transaction): sets auditRequired, and auditId when sampled. */
@Component("sampleCodingAuditDelegate")
class SampleCodingAuditDelegate implements JavaDelegate {

    private final CodingAudits audits;

    SampleCodingAuditDelegate(CodingAudits audits) {
        this.audits = audits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var auditId = audits.sample((Long) execution.getVariable("codingCaseId"));
        execution.setVariable("auditRequired", auditId.isPresent());
        auditId.ifPresent(id -> execution.setVariable("auditId", id));
    }
}
