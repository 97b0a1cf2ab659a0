package org.relayrcm.statements.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.relayrcm.shared.ApiException;
import org.relayrcm.statements.StatementProcess;
import org.relayrcm.statements.StatementWorkflow;
import org.springframework.stereotype.Component;

/** Ends a statement cycle whose balance was paid; an account whose cycle already ended has nothing to end. */
@Component
class CorrelateBalanceSettled implements StatementWorkflow {

    private final RuntimeService runtime;

    CorrelateBalanceSettled(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void balanceSettled(String claimNumber) {
        try {
            runtime.createMessageCorrelation(StatementProcess.BALANCE_SETTLED)
                    .processInstanceBusinessKey(StatementProcess.businessKey(claimNumber))
                    .correlateAllWithResult();
        } catch (OptimisticLockingException e) {
            // A notice was going out for this account at the same moment; the payment is rolled back, not lost.
            throw ApiException.conflict("The account of " + claimNumber + " was changed at the same time; try again.");
        }
    }
}
