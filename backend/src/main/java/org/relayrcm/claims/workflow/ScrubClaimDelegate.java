package org.relayrcm.claims.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relayrcm.claims.ClaimService;
import org.springframework.stereotype.Component;

/** Task_ScrubClaim (asyncBefore): runs the scrubber; {@code claimClean} sends the claim out or to Task_FixClaim. */
@Component("scrubClaimDelegate")
class ScrubClaimDelegate implements JavaDelegate {

    private final ClaimService claims;

    ScrubClaimDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("claimClean", claims.scrub((String) execution.getVariable("claimNumber")));
    }
}
