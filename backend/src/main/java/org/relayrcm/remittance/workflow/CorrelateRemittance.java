package org.relayrcm.remittance.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.relayrcm.remittance.RemittanceWorkflow;
import org.springframework.stereotype.Component;

/** Correlates Msg_RemittanceReceived on the claim number, the business key of claim-submission. */
@Component
class CorrelateRemittance implements RemittanceWorkflow {

    static final String MESSAGE = "Msg_RemittanceReceived";

    private final RuntimeService runtime;

    CorrelateRemittance(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public boolean remittanceArrived(String claimNumber, Answer answer) {
        return !runtime.createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(claimNumber)
                .setVariables(Variables.createVariables()
                        .putValue("claimOutcome", answer.outcome().name())
                        .putValue("denialRoute", answer.denialRoute() == null ? null : answer.denialRoute().name())
                        .putValue("patientShareCents", answer.patientShareCents())
                        .putValue("forwardedToNextPayer", answer.forwardedToNextPayer()))
                .correlateAllWithResult().isEmpty();
    }
}
