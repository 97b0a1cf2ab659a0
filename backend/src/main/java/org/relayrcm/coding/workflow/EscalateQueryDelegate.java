package org.relayrcm.coding.workflow;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relayrcm.coding.PhysicianQueries;
import org.relayrcm.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Task_EscalateQuery (asyncBefore, retried): the query is overdue, so managers are offered the same
 * Task_AnswerQuery beside the physicians, and the escalation time is recorded.
 */
@Component("escalateQueryDelegate")
class EscalateQueryDelegate implements JavaDelegate {

    private final PhysicianQueries queries;

    EscalateQueryDelegate(PhysicianQueries queries) {
        this.queries = queries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        queries.markEscalated((Long) execution.getVariable("queryId"));
        TaskService taskService = execution.getProcessEngineServices().getTaskService();
        taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey("Task_AnswerQuery").active().list()
                .forEach(task -> taskService.addCandidateGroup(task.getId(), Roles.MANAGER));
    }
}
