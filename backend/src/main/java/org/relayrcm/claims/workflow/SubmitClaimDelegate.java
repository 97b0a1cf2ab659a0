package org.relayrcm.claims.workflow;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relayrcm.claims.ClaimSubmissions;
import org.springframework.stereotype.Component;

/**
 * Task_SubmitClaim (asyncBefore, retried): hands the claim's next 837 to the clearinghouse once. A file our own
 * implementation-guide check refuses is a business error, not a technical one: retrying would refuse it again, so
 * the process takes it to Task_FixClaim instead of raising an incident.
 */
@Component("submitClaimDelegate")
class SubmitClaimDelegate implements JavaDelegate {

    static final String FILE_REFUSED = "ClaimFileRefused";

    private final ClaimSubmissions submissions;

    SubmitClaimDelegate(ClaimSubmissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClaimSubmissions.Outcome outcome = submissions.submit((String) execution.getVariable("claimNumber"));
        if (outcome instanceof ClaimSubmissions.Outcome.Refused refused) {
            throw new BpmnError(FILE_REFUSED, refused.errors().size() + " implementation-guide error(s) in the 837");
        }
    }
}
