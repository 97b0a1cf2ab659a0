package org.relayrcm.denials.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relayrcm.denials.DenialService;
import org.springframework.stereotype.Component;

/** Task_TransferToPatient: the payer owes nothing more; the claim's balance is the patient's. */
@Component("transferToPatientDelegate")
class TransferToPatientDelegate implements JavaDelegate {

    private final DenialService denials;

    TransferToPatientDelegate(DenialService denials) {
        this.denials = denials;
    }

    @Override
    public void execute(DelegateExecution execution) {
        denials.transferToPatient((String) execution.getVariable("claimNumber"));
    }
}
