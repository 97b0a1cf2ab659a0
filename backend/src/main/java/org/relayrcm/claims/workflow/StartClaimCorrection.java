package org.relayrcm.claims.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.relayrcm.claims.ClaimWorkflow;
import org.relayrcm.shared.ApiException;
import org.springframework.stereotype.Component;

/** Starts claim-submission for a corrected paid claim; its first process ended when the claim was paid. */
@Component
class StartClaimCorrection implements ClaimWorkflow {

    private final RuntimeService runtime;

    StartClaimCorrection(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void correctionStarted(String claimNumber, long encounterId, boolean voiding) {
        if (runtime.createProcessInstanceQuery().processDefinitionKey("claim-submission")
                .processInstanceBusinessKey(claimNumber).count() > 0) {
            throw ApiException.conflict("Claim " + claimNumber + " is still being worked; finish that first.");
        }
        runtime.startProcessInstanceByKey("claim-submission", claimNumber,
                Map.of("claimNumber", claimNumber, "encounterId", encounterId, "voiding", voiding));
    }
}
