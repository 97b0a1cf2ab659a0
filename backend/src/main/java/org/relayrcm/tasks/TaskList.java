package org.relayrcm.tasks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.relayrcm.security.CurrentUser;
import org.relayrcm.security.Roles;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.PageRequestParams;
import org.relayrcm.shared.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's view of the engine's user tasks. A task the user may not see (not assigned to
 * them, not offered to one of their groups) is reported as not found.
 */
@Service
public class TaskList {

    public enum View { MINE, GROUP, UNASSIGNED }

    /** DEADLINE: the work queue order, nearest due date first, then the most dollars; CREATED: oldest task first. */
    public enum Sort { DEADLINE, CREATED }

    private static final List<String> SUBJECT_VARIABLES = List.of("encounterId", "codingCaseId", "claimNumber",
            "queryId", "auditId", "remittanceExceptionId", "statementId", "appealId", "writeOffId");

    private final TaskService taskService;
    private final RuntimeService runtime;
    private final TaskSubjects subjects;
    private final CurrentUser user;
    private final JdbcClient jdbc;

    TaskList(TaskService taskService, RuntimeService runtime, TaskSubjects subjects, CurrentUser user, JdbcClient jdbc) {
        this.taskService = taskService;
        this.runtime = runtime;
        this.subjects = subjects;
        this.user = user;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public PageResponse<TaskView> list(View view, String businessKey, Sort sort, PageRequestParams paging) {
        if (view != View.MINE && user.groups().isEmpty()) {
            return new PageResponse<>(List.of(), paging.page(), paging.size(), 0L);
        }
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE RES.SUSPENSION_STATE_ = 1");
        if (view == View.MINE) {
            where.append(" AND RES.ASSIGNEE_ = #{assignee}");
            parameters.put("assignee", user.id());
        } else {
            List<String> groups = user.groups();
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < groups.size(); i++) {
                in.append(i == 0 ? "" : ", ").append("#{group").append(i).append('}');
                parameters.put("group" + i, groups.get(i));
            }
            where.append(" AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_")
                    .append(" AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (").append(in).append("))");
            if (view == View.UNASSIGNED) {
                where.append(" AND RES.ASSIGNEE_ IS NULL");
            }
        }
        if (businessKey != null && !businessKey.isBlank()) {
            // An encounter or claim number typed into the search box: exact match, no wildcards.
            where.append(" AND PI.BUSINESS_KEY_ = #{businessKey}");
            parameters.put("businessKey", businessKey.trim());
        }
        // The claim a task is about (its claimNumber variable) gives the dollars the queue is sorted by.
        String from = " FROM ACT_RU_TASK RES JOIN ACT_RU_EXECUTION PI ON PI.ID_ = RES.PROC_INST_ID_"
                + " LEFT JOIN ACT_RU_VARIABLE V ON V.EXECUTION_ID_ = RES.PROC_INST_ID_ AND V.NAME_ = 'claimNumber'"
                + " LEFT JOIN claim C ON C.claim_number = V.TEXT_";
        String order = sort == Sort.DEADLINE
                ? " ORDER BY CASE WHEN RES.DUE_DATE_ IS NULL THEN 1 ELSE 0 END, RES.DUE_DATE_,"
                        + " COALESCE(C.total_charge_cents, 0) DESC, RES.CREATE_TIME_, RES.ID_"
                : " ORDER BY RES.CREATE_TIME_, RES.ID_";
        NativeTaskQuery page = taskService.createNativeTaskQuery().sql("SELECT RES.*" + from + where + order);
        NativeTaskQuery count = taskService.createNativeTaskQuery().sql("SELECT COUNT(*)" + from + where);
        parameters.forEach((name, value) -> {
            page.parameter(name, value);
            count.parameter(name, value);
        });
        List<Task> tasks = page.listPage(paging.offset(), paging.size());
        long total = count.count();
        return new PageResponse<>(describe(tasks), paging.page(), paging.size(), total);
    }

    @Transactional(readOnly = true)
    public TaskView get(String taskId) {
        return describe(List.of(visibleTask(taskId))).get(0);
    }

    @Transactional
    public TaskView claim(String taskId) {
        Task task = visibleTask(taskId);
        if (!user.id().equals(task.getAssignee())) {
            try {
                taskService.claim(taskId, user.id());
            } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
                throw ApiException.conflict("Someone else has already claimed this task.");
            }
        }
        return get(taskId);
    }

    @Transactional
    public TaskView unclaim(String taskId) {
        Task task = visibleTask(taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id()) && !user.hasRole(Roles.MANAGER)) {
            throw ApiException.conflict("This task is assigned to someone else; only they or a manager can release it.");
        }
        taskService.setAssignee(taskId, null);
        return get(taskId);
    }

    /**
     * Completes the open task {@code taskKey} of the process whose business key is given, provided the
     * signed-in user holds it. Runs in the caller's transaction, beside the caller's domain change.
     */
    public void completeHeld(String taskKey, String businessKey, Map<String, Object> variables) {
        List<Task> open = taskService.createTaskQuery().active()
                .taskDefinitionKey(taskKey).processInstanceBusinessKey(businessKey).list();
        if (open.isEmpty()) {
            throw ApiException.conflict("There is no open task for " + businessKey + " at this step any more.");
        }
        Task task = open.get(0);
        if (task.getAssignee() == null) {
            throw ApiException.conflict("Claim the task for " + businessKey + " before completing it.");
        }
        if (!task.getAssignee().equals(user.id())) {
            throw ApiException.conflict("The task for " + businessKey + " is assigned to someone else.");
        }
        try {
            taskService.complete(task.getId(), variables);
        } catch (OptimisticLockingException e) {
            throw ApiException.conflict("The task for " + businessKey + " was changed at the same time; reload it.");
        }
    }

    /** Whether the signed-in user holds the open task {@code taskKey} for the business key. */
    public boolean holds(String taskKey, String businessKey) {
        return taskService.createTaskQuery().active().taskDefinitionKey(taskKey)
                .processInstanceBusinessKey(businessKey).taskAssignee(user.id()).count() > 0;
    }

    /**
     * Whether the open task {@code taskKey} for the business key is the signed-in user's or offered to one of their
     * groups: what lets a coder read the one denied claim they were asked to recode, and no other.
     */
    public boolean offered(String taskKey, String businessKey) {
        if (holds(taskKey, businessKey)) {
            return true;
        }
        List<String> groups = user.groups();
        return !groups.isEmpty() && taskService.createTaskQuery().active().taskDefinitionKey(taskKey)
                .processInstanceBusinessKey(businessKey).taskCandidateGroupIn(groups).includeAssignedTasks().count() > 0;
    }

    /** Throws 409 unless the signed-in user holds {@code taskKey} for the business key. */
    public void requireHeld(String taskKey, String businessKey) {
        if (!holds(taskKey, businessKey)) {
            throw ApiException.conflict("Claim the task for " + businessKey + " before changing it.");
        }
    }

    private Task visibleTask(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !(user.id().equals(task.getAssignee()) || sharesGroup(taskId))) {
            throw ApiException.notFound("Task " + taskId);
        }
        return task;
    }

    private boolean sharesGroup(String taskId) {
        List<String> groups = user.groups();
        return !groups.isEmpty() && taskService.createTaskQuery().taskId(taskId)
                .taskCandidateGroupIn(groups).includeAssignedTasks().count() > 0;
    }

    private List<TaskView> describe(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Set<String> processIds = new HashSet<>();
        tasks.forEach(t -> processIds.add(t.getProcessInstanceId()));
        Map<String, String> businessKeys = new HashMap<>();
        for (ProcessInstance p : runtime.createProcessInstanceQuery().processInstanceIds(processIds).list()) {
            businessKeys.put(p.getId(), p.getBusinessKey());
        }
        Map<String, Map<String, Object>> variables = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(processIds.toArray(String[]::new))
                .variableNameIn(SUBJECT_VARIABLES.toArray(String[]::new)).list()) {
            // Process-level variables only: the execution id of a process-scope variable is the instance id.
            if (v.getExecutionId().equals(v.getProcessInstanceId())) {
                variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
            }
        }
        Set<Long> encounterIds = new HashSet<>();
        Set<String> claimNumbers = new HashSet<>();
        variables.values().forEach(vars -> {
            if (vars.get("claimNumber") instanceof String number) {
                claimNumbers.add(number);
            } else if (vars.get("encounterId") instanceof Long id) {
                encounterIds.add(id);
            }
        });
        Map<Long, TaskSubjects.EncounterFacts> encounters = subjects.encounters(encounterIds);
        Map<String, TaskSubjects.ClaimFacts> claims = subjects.claims(claimNumbers);
        Map<String, List<String>> groups = candidateGroups(tasks.stream().map(Task::getId).toList());

        List<TaskView> views = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            Map<String, Object> vars = variables.getOrDefault(t.getProcessInstanceId(), Map.of());
            TaskSubjects.ClaimFacts claim = vars.get("claimNumber") instanceof String n ? claims.get(n) : null;
            TaskSubjects.EncounterFacts encounter = claim == null && vars.get("encounterId") instanceof Long id
                    ? encounters.get(id) : null;
            views.add(new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                    t.getProcessDefinitionId().substring(0, t.getProcessDefinitionId().indexOf(':')),
                    businessKeys.get(t.getProcessInstanceId()), t.getAssignee(),
                    groups.getOrDefault(t.getId(), List.of()),
                    t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    claim != null ? claim.encounterNumber() : encounter != null ? encounter.encounterNumber() : null,
                    claim != null ? claim.claimNumber() : null,
                    claim != null ? claim.patientName() : encounter != null ? encounter.patientName() : null,
                    claim != null ? claim.payerName() : encounter != null ? encounter.payerName() : null,
                    claim != null ? Long.valueOf(claim.totalChargeCents()) : null,
                    claim != null ? claim.dateOfService() : encounter != null ? encounter.dateOfService() : null,
                    claim != null && claim.firstBilledAt() != null ? claim.firstBilledAt().toInstant() : null,
                    encounter != null ? encounter.codingCaseId() : null,
                    claim != null ? Long.valueOf(claim.claimId()) : null,
                    claim != null ? claim.openDenialId() : null,
                    longVariable(vars, "queryId"),
                    longVariable(vars, "auditId"), longVariable(vars, "remittanceExceptionId"),
                    longVariable(vars, "statementId"), longVariable(vars, "appealId"), longVariable(vars, "writeOffId")));
        }
        return views;
    }

    private static Long longVariable(Map<String, Object> variables, String name) {
        return variables.get(name) instanceof Long value ? value : null;
    }

    private Map<String, List<String>> candidateGroups(Collection<String> taskIds) {
        Map<String, List<String>> groups = new HashMap<>();
        // One query for the page instead of one identity-link call per task.
        jdbc.sql("SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate' "
                        + "AND GROUP_ID_ IS NOT NULL AND TASK_ID_ IN (:ids) ORDER BY GROUP_ID_")
                .param("ids", taskIds)
                .query((rs, n) -> groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return groups;
    }
}
