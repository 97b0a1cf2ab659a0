package org.relayrcm.claims.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relayrcm.claims.ClaimSubmissions;
import org.springframework.stereotype.Component;

/** Task_SubmitClaim (asyncBefore, retried): hands the claim's next 837 to the clearinghouse once. */
@Component("submitClaimDelegate")
class SubmitClaimDelegate implements JavaDelegate {

    private final ClaimSubmissions submissions;

    SubmitClaimDelegate(ClaimSubmissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        submissions.submit((String) execution.getVariable("claimNumber"));
    }
}
