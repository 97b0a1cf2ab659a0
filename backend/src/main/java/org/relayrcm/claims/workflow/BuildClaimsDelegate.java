package org.relayrcm.claims.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relayrcm.claims.ClaimService;
import org.springframework.stereotype.Component;

/** Task_BuildClaims: the coded encounter becomes its claim(s). */
@Component("buildClaimsDelegate")
class BuildClaimsDelegate implements JavaDelegate {

    private final ClaimService claims;

    BuildClaimsDelegate(ClaimService claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        claims.buildClaims((Long) execution.getVariable("encounterId"));
    }
}
