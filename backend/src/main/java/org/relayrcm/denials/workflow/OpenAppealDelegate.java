package org.relayrcm.denials.workflow;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relayrcm.denials.Appeals;
import org.springframework.stereotype.Component;

/** Task_OpenAppeal: opens the appeal and gives the process its id and the deadline its timer waits for. */
@Component("openAppealDelegate")
class OpenAppealDelegate implements JavaDelegate {

    private final Appeals appeals;

    OpenAppealDelegate(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Appeals.Opened opened = appeals.open((String) execution.getVariable("claimNumber"));
        execution.setVariable("appealId", opened.appealId());
        execution.setVariable("appealDeadline", Date.from(Appeals.endOfDay(opened.deadline())));
    }
}
