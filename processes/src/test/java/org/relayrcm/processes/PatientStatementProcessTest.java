package org.relayrcm.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/patient-statement.bpmn")
class PatientStatementProcessTest {

    /** The shape of the backend's {@code statementTimers} bean as patient-statement.bpmn calls it. */
    public interface StatementTimers {

        String reminderAfter();

        String finalNoticeAfter();

        String reviewAfter();
    }

    private static final String CYCLE = "SubProcess_StatementCycle";
    private static final String CLAIM_NUMBER = "RC0000001001";
    private static final String BUSINESS_KEY = CLAIM_NUMBER + "-PS";
    private static final long STATEMENT_ID = 41L;
    private static final Instant BILLED_AT = Instant.parse("2026-03-02T09:00:00Z");

    /** Injected by the extension from camunda.cfg.xml. */
    ProcessEngine processEngine;

    private final JavaDelegate sendStatementNoticeDelegate = mock(JavaDelegate.class);
    private final StatementTimers statementTimers = mock(StatementTimers.class);
    private final List<String> noticesSent = new ArrayList<>();
    private Instant now;

    @BeforeEach
    void registerBeansAndFreezeClock() throws Exception {
        BpmnAwareTests.init(processEngine);
        now = BILLED_AT;
        ClockUtil.setCurrentTime(Date.from(now));
        when(statementTimers.reminderAfter()).thenReturn("P30D");
        when(statementTimers.finalNoticeAfter()).thenReturn("P30D");
        when(statementTimers.reviewAfter()).thenReturn("P30D");
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            assertThat(execution.getVariable("statementId")).isEqualTo(STATEMENT_ID);
            noticesSent.add((String) execution.getVariable("noticeKind"));
            return null;
        }).when(sendStatementNoticeDelegate).execute(any());
        Mocks.register("sendStatementNoticeDelegate", sendStatementNoticeDelegate);
        Mocks.register("statementTimers", statementTimers);
    }

    @AfterEach
    void resetEngineState() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void sendsTheFirstStatementInItsOwnTransaction() {
        ProcessInstance statement = patientBilled();

        assertThat(statement).isStarted().hasBusinessKey(BUSINESS_KEY)
                .isWaitingAtExactly(CYCLE, "Task_SendFirstStatement").isWaitingFor("Msg_PatientBalanceSettled");
        assertThat(noticesSent).isEmpty();

        execute(job("Task_SendFirstStatement", statement));

        assertThat(noticesSent).containsExactly("FIRST");
        assertThat(statement).isWaitingAtExactly(CYCLE, "Timer_ReminderDue");
    }

    @Test
    void sendsNoReminderBeforeThirtyDaysHavePassed() {
        ProcessInstance statement = firstStatementSent();

        assertThat(job("Timer_ReminderDue", statement)).hasDueDate(Date.from(BILLED_AT.plus(Duration.ofDays(30))));
        ClockUtil.setCurrentTime(Date.from(BILLED_AT.plus(Duration.ofDays(29))));

        assertThat(dueTimers(statement)).isZero();
    }

    @Test
    void walksTheNoticesInOrderAndHandsAnUnpaidBalanceToAManager() {
        ProcessInstance statement = firstStatementSent();

        timerFiresAfter(statement, "Timer_ReminderDue", Duration.ofDays(30));
        assertThat(statement).isWaitingAtExactly(CYCLE, "Task_SendReminder");
        execute(job("Task_SendReminder", statement));
        timerFiresAfter(statement, "Timer_FinalNoticeDue", Duration.ofDays(30));
        execute(job("Task_SendFinalNotice", statement));
        assertThat(statement).isWaitingAtExactly(CYCLE, "Timer_ReviewDue");
        timerFiresAfter(statement, "Timer_ReviewDue", Duration.ofDays(30));

        assertThat(noticesSent).containsExactly("FIRST", "REMINDER", "FINAL");
        assertThat(statement).isWaitingAtExactly(CYCLE, "Task_ReviewPatientBalance").isWaitingFor("Msg_PatientBalanceSettled");
        assertThat(task("Task_ReviewPatientBalance", statement)).hasName("Review patient balance")
                .hasCandidateGroup("manager");
    }

    @Test
    void takesEveryWaitFromTheStatementTimersBean() {
        when(statementTimers.reminderAfter()).thenReturn("P14D");
        when(statementTimers.finalNoticeAfter()).thenReturn("P21D");
        when(statementTimers.reviewAfter()).thenReturn("PT12H");
        ProcessInstance statement = firstStatementSent();

        assertThat(job("Timer_ReminderDue", statement)).hasDueDate(Date.from(BILLED_AT.plus(Duration.ofDays(14))));
        timerFiresAfter(statement, "Timer_ReminderDue", Duration.ofDays(14));
        execute(job("Task_SendReminder", statement));
        assertThat(job("Timer_FinalNoticeDue", statement)).hasDueDate(Date.from(now.plus(Duration.ofDays(21))));
        timerFiresAfter(statement, "Timer_FinalNoticeDue", Duration.ofDays(21));
        execute(job("Task_SendFinalNotice", statement));

        assertThat(job("Timer_ReviewDue", statement)).hasDueDate(Date.from(now.plus(Duration.ofHours(12))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Task_SendFirstStatement", "Timer_ReminderDue", "Timer_FinalNoticeDue", "Timer_ReviewDue",
            "Task_ReviewPatientBalance"})
    void endsWhereverItWaitsOnceTheBalanceIsSettled(String waitingAt) {
        ProcessInstance statement = cycleWaitingAt(waitingAt);
        int noticesBefore = noticesSent.size();

        balanceSettled();

        assertThat(statement).isEnded().hasPassed("EndEvent_BalanceSettled").hasNotPassed("EndEvent_ReviewDecided");
        assertThat(managementService().createJobQuery().processInstanceId(statement.getId()).count())
                .as("no notice or timer left behind").isZero();
        assertThat(noticesSent).hasSize(noticesBefore);
    }

    @Test
    void endsTheCycleWhenTheManagerSendsTheBalanceToCollections() {
        ProcessInstance statement = cycleWaitingAt("Task_ReviewPatientBalance");

        complete(task("Task_ReviewPatientBalance", statement), withVariables("reviewDecision", "COLLECTIONS"));

        assertThat(statement).isEnded().hasPassed("EndEvent_SentToCollections", "EndEvent_ReviewDecided")
                .hasNotPassed("EndEvent_WrittenOff", "EndEvent_BalanceSettled");
    }

    @Test
    void endsTheCycleWhenTheManagerWritesTheBalanceOff() {
        ProcessInstance statement = cycleWaitingAt("Task_ReviewPatientBalance");

        complete(task("Task_ReviewPatientBalance", statement), withVariables("reviewDecision", "WRITE_OFF"));

        assertThat(statement).isEnded().hasPassed("EndEvent_WrittenOff", "EndEvent_ReviewDecided")
                .hasNotPassed("EndEvent_SentToCollections");
    }

    @Test
    void startsANewCycleWithAFirstStatementWhenTheManagerKeepsBilling() {
        ProcessInstance statement = cycleWaitingAt("Task_ReviewPatientBalance");

        complete(task("Task_ReviewPatientBalance", statement), withVariables("reviewDecision", "KEEP_BILLING"));

        assertThat(statement).isWaitingAtExactly(CYCLE, "Task_SendFirstStatement").isWaitingFor("Msg_PatientBalanceSettled");
        execute(job("Task_SendFirstStatement", statement));
        assertThat(noticesSent).containsExactly("FIRST", "REMINDER", "FINAL", "FIRST");
        assertThat(job("Timer_ReminderDue", statement)).hasDueDate(Date.from(now.plus(Duration.ofDays(30))));
    }

    @Test
    void keepsAFailedNoticeAsAJobToRetryRatherThanLosingIt() throws Exception {
        doThrow(new IllegalStateException("printer offline")).when(sendStatementNoticeDelegate).execute(any());
        ProcessInstance statement = patientBilled();

        assertThatThrownBy(() -> execute(job("Task_SendFirstStatement", statement))).hasMessageContaining("printer offline");

        Job retry = job("Task_SendFirstStatement", statement);
        assertThat(retry.getExceptionMessage()).isEqualTo("printer offline");
        assertThat(retry.getDuedate()).isEqualTo(Date.from(BILLED_AT.plus(Duration.ofMinutes(1))));
        assertThat(statement).isWaitingAtExactly(CYCLE, "Task_SendFirstStatement");
    }

    private ProcessInstance patientBilled() {
        return runtimeService().startProcessInstanceByKey("patient-statement", BUSINESS_KEY,
                Map.of("claimNumber", CLAIM_NUMBER, "statementId", STATEMENT_ID));
    }

    private ProcessInstance firstStatementSent() {
        ProcessInstance statement = patientBilled();
        execute(job("Task_SendFirstStatement", statement));
        return statement;
    }

    /** Drives a new cycle forward until it waits at {@code activityId}. */
    private ProcessInstance cycleWaitingAt(String activityId) {
        ProcessInstance statement = patientBilled();
        List<String> steps = List.of("Task_SendFirstStatement", "Timer_ReminderDue", "Task_SendReminder",
                "Timer_FinalNoticeDue", "Task_SendFinalNotice", "Timer_ReviewDue");
        for (String step : steps) {
            if (step.equals(activityId)) {
                break;
            }
            if (step.startsWith("Timer_")) {
                timerFiresAfter(statement, step, Duration.ofDays(30));
            } else {
                execute(job(step, statement));
            }
        }
        assertThat(statement).isWaitingAtExactly(CYCLE, activityId);
        return statement;
    }

    private void balanceSettled() {
        runtimeService().createMessageCorrelation("Msg_PatientBalanceSettled").processInstanceBusinessKey(BUSINESS_KEY)
                .correlate();
    }

    private long dueTimers(ProcessInstance statement) {
        return managementService().createJobQuery().processInstanceId(statement.getId()).timers().executable().count();
    }

    private void timerFiresAfter(ProcessInstance statement, String timerId, Duration wait) {
        now = now.plus(wait).plus(Duration.ofMinutes(1));
        ClockUtil.setCurrentTime(Date.from(now));
        assertThat(dueTimers(statement)).isEqualTo(1);
        execute(job(timerId, statement));
    }
}
