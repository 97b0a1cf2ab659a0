package org.relayrcm.claims.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relayrcm.claims.ClaimService;
import org.springframework.stereotype.Component;

/** Task_CloseVoidedClaim (asyncBefore): the payer accepted the void; the claim is closed as VOIDED. */
@Component("closeVoidedClaimDelegate")
class CloseVoidedClaimDelegate implements JavaDelegate {

    private final ClaimService claims;

    CloseVoidedClaimDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.closeVoided((String) execution.getVariable("claimNumber"));
    }
}
