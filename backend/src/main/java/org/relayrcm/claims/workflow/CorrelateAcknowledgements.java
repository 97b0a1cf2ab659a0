package org.relayrcm.claims.workflow;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.relayrcm.claims.AcknowledgementWorkflow;
import org.springframework.stereotype.Component;

/**
 * Correlates Msg_FunctionalAck and Msg_ClaimAcknowledged on the claim number, claim-submission's business key. An answer
 * no process waits for any more (a 277CA already stood in for its 999, an 835 overtook both) is recorded but moves
 * nothing, so correlation does not insist on a waiting process.
 */
@Component
class CorrelateAcknowledgements implements AcknowledgementWorkflow {

    private final RuntimeService runtime;

    CorrelateAcknowledgements(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void functionalAckArrived(String claimNumber, boolean accepted) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("functionalAckAccepted", accepted);
        if (!accepted) {
            // A file the payer could not read holds no claim it accepted.
            variables.put("claimAccepted", false);
        }
        runtime.createMessageCorrelation("Msg_FunctionalAck")
                .processInstanceBusinessKey(claimNumber)
                .setVariables(variables)
                .correlateAllWithResult();
    }

    @Override
    public void claimAckArrived(String claimNumber, boolean accepted) {
        runtime.createMessageCorrelation("Msg_ClaimAcknowledged")
                .processInstanceBusinessKey(claimNumber)
                .setVariable("claimAccepted", accepted)
                .correlateAllWithResult();
    }
}
