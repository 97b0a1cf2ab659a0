package org.relayrcm.remittance.workflow;

import org.camunda.bpm.engine.RuntimeService;
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
    public void remittanceArrived(String claimNumber, Outcome outcome) {
        runtime.createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(claimNumber)
                .setVariable("claimOutcome", outcome.name())
                .correlate();
    }
}
