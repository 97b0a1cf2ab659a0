package org.relayrcm.denials.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relayrcm.denials.WriteOffs;
import org.springframework.stereotype.Component;

/** Task_RequestWriteOff: records the write-off a manager is asked to approve. */
@Component("requestWriteOffDelegate")
class RequestWriteOffDelegate implements JavaDelegate {

    private final WriteOffs writeOffs;

    RequestWriteOffDelegate(WriteOffs writeOffs) {
        this.writeOffs = writeOffs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("writeOffId", writeOffs.request((String) execution.getVariable("claimNumber")));
    }
}
