package org.relayrcm.statements.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relayrcm.statements.NoticeKind;
import org.relayrcm.statements.StatementAccounts;
import org.springframework.stereotype.Component;

/**
 * Task_SendFirstStatement, Task_SendReminder and Task_SendFinalNotice of patient-statement: records the notice
 * (input parameter noticeKind) with the balance due today; its PDF is rendered from that record for the mail run.
 */
@Component("sendStatementNoticeDelegate")
class SendStatementNoticeDelegate implements JavaDelegate {

    private final StatementAccounts accounts;

    SendStatementNoticeDelegate(StatementAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long statementId = (Long) execution.getVariable("statementId");
        NoticeKind kind = NoticeKind.valueOf((String) execution.getVariable("noticeKind"));
        accounts.recordNotice(statementId, kind);
    }
}
