package org.relayrcm.remittance.workflow;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.relayrcm.remittance.RemittanceReviews;
import org.springframework.stereotype.Component;

/** Starts remittance-review for an exception; the engine joins the posting's Spring transaction. */
@Component
class StartRemittanceReview implements RemittanceReviews {

    static final String PROCESS = "remittance-review";

    private final RuntimeService runtime;

    StartRemittanceReview(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void open(long exceptionId, String claimNumber) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("remittanceExceptionId", exceptionId);
        if (claimNumber != null) {
            // Lets the task list show the claim's patient, payer and amount beside the task.
            variables.put("claimNumber", claimNumber);
        }
        runtime.startProcessInstanceByKey(PROCESS, RemittanceReviews.businessKey(exceptionId), variables);
    }
}
