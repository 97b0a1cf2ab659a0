package org.relayrcm.statements.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relayrcm.statements.StatementAccounts;
import org.relayrcm.statements.StatementProcess;
import org.springframework.stereotype.Component;

/**
 * Task_BillPatient of claim-submission: a patient share the payers left (and did not forward to a next payer)
 * opens the claim's patient account and starts its statement cycle, once per claim.
 */
@Component("billPatientDelegate")
class BillPatientDelegate implements JavaDelegate {

    private final StatementAccounts accounts;
    private final RuntimeService runtime;

    BillPatientDelegate(StatementAccounts accounts, RuntimeService runtime) {
        this.accounts = accounts;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String claimNumber = (String) execution.getVariable("claimNumber");
        long share = execution.getVariable("patientShareCents") instanceof Number n ? n.longValue() : 0;
        boolean forwarded = Boolean.TRUE.equals(execution.getVariable("forwardedToNextPayer"));
        if (share <= 0 || forwarded) {
            return;
        }
        StatementAccounts.Opened account = accounts.open(claimNumber, share);
        if (account.isNew()) {
            runtime.startProcessInstanceByKey(StatementProcess.PROCESS_ID, StatementProcess.businessKey(claimNumber),
                    Map.of("claimNumber", claimNumber, "statementId", account.statementId()));
        }
    }
}
