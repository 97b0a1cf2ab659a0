package org.relayrcm.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
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

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/claim-submission.bpmn")
class ClaimSubmissionProcessTest {

    private static final String CLAIM_NUMBER = "C2025000123A";
    private static final long ENCOUNTER_ID = 123L;
    private static final Instant SUBMITTED_AT = Instant.parse("2025-03-03T09:00:00Z");

    /** Injected by the extension from camunda.cfg.xml. */
    ProcessEngine processEngine;

    private final JavaDelegate submitClaimDelegate = mock(JavaDelegate.class);
    private final ClaimTimers claimTimers = mock(ClaimTimers.class);

    @BeforeEach
    void registerBeansAndFreezeClock() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT));
        when(claimTimers.followUpAfter()).thenReturn("P30D");
        Mocks.register("submitClaimDelegate", submitClaimDelegate);
        Mocks.register("claimTimers", claimTimers);
    }

    @AfterEach
    void resetEngineState() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void waitsForBillerToPrepareTheClaim() {
        ProcessInstance claim = claimBuilt(CLAIM_NUMBER);

        assertThat(claim).isStarted().hasBusinessKey(CLAIM_NUMBER).isWaitingAtExactly("Task_PrepareClaim");
        assertThat(task("Task_PrepareClaim", claim)).hasName("Prepare claim").hasCandidateGroup("biller");
        verifyNoInteractions(submitClaimDelegate);
    }

    @Test
    void submitsThePreparedClaimInItsOwnTransactionAndAwaitsRemittance() throws Exception {
        ProcessInstance claim = claimBuilt(CLAIM_NUMBER);

        complete(task("Task_PrepareClaim", claim));

        assertThat(claim).isWaitingAtExactly("Task_SubmitClaim");
        verifyNoInteractions(submitClaimDelegate);

        execute(job("Task_SubmitClaim", claim));

        verify(submitClaimDelegate, times(1)).execute(any());
        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance")
                .isWaitingFor("Msg_RemittanceReceived");
    }

    @Test
    void endsAsPaidWhenTheRemittancePaysTheClaim() {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);

        remittanceArrives(CLAIM_NUMBER, "PAID");

        assertThat(claim).isEnded()
                .hasPassed("EndEvent_RemittanceArrived", "Gateway_ClaimOutcome", "EndEvent_ClaimPaid")
                .hasNotPassed("Task_WorkDenial", "Task_FollowUpClaim");
    }

    @Test
    void asksBillerToWorkTheDenialWhenTheRemittanceDeniesTheClaim() {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);

        remittanceArrives(CLAIM_NUMBER, "DENIED");

        assertThat(claim).isWaitingAtExactly("Task_WorkDenial");
        assertThat(task("Task_WorkDenial", claim)).hasName("Work denial").hasCandidateGroup("biller");
    }

    @Test
    void resubmitsTheCorrectedClaimOnceAndEndsPaidAfterTheSecondRemittance() throws Exception {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);
        remittanceArrives(CLAIM_NUMBER, "DENIED");

        complete(task("Task_WorkDenial", claim), withVariables("denialResolution", "RESUBMIT"));

        assertThat(claim).isWaitingAtExactly("Task_SubmitClaim");
        verify(submitClaimDelegate, times(1)).execute(any());

        execute(job("Task_SubmitClaim", claim));

        verify(submitClaimDelegate, times(2)).execute(any());
        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance");
        assertThat(job("Timer_FollowUp", claim)).as("a fresh follow-up timer for the resubmission").isNotNull();

        remittanceArrives(CLAIM_NUMBER, "PAID");

        assertThat(claim).isEnded().hasPassed("EndEvent_ClaimPaid").hasNotPassed("EndEvent_ClaimWrittenOff");
    }

    @Test
    void writesOffTheDeniedClaimWhenTheBillerChoosesWriteOff() throws Exception {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);
        remittanceArrives(CLAIM_NUMBER, "DENIED");

        complete(task("Task_WorkDenial", claim), withVariables("denialResolution", "WRITE_OFF"));

        assertThat(claim).isEnded().hasPassed("EndEvent_ClaimWrittenOff").hasNotPassed("EndEvent_ClaimPaid");
        verify(submitClaimDelegate, times(1)).execute(any());
    }

    @Test
    void correlatesTheRemittanceToItsClaimByClaimNumber() {
        ProcessInstance paid = submittedClaim("C2025000123A");
        ProcessInstance stillOpen = submittedClaim("C2025000123B");

        remittanceArrives("C2025000123A", "PAID");

        assertThat(paid).isEnded();
        assertThat(stillOpen).isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance");
    }

    @Test
    void schedulesTheFollowUpThirtyDaysAfterSubmission() {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);

        assertThat(job("Timer_FollowUp", claim)).hasDueDate(Date.from(SUBMITTED_AT.plus(Duration.ofDays(30))));
        verify(claimTimers).followUpAfter();
    }

    @Test
    void takesTheFollowUpDelayFromTheClaimTimersBean() {
        when(claimTimers.followUpAfter()).thenReturn("P45D");

        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);

        assertThat(job("Timer_FollowUp", claim)).hasDueDate(Date.from(SUBMITTED_AT.plus(Duration.ofDays(45))));
    }

    @Test
    void doesNotAskForFollowUpBeforeThirtyDaysHavePassed() {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);

        ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT.plus(Duration.ofDays(29))));

        assertThat(dueTimers(claim)).isZero();
        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance");
    }

    @Test
    void asksForFollowUpAfterThirtyDaysWhileStillAwaitingTheRemittance() {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);

        thirtyDaysPassWithoutRemittance(claim);

        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance", "Task_FollowUpClaim")
                .isWaitingFor("Msg_RemittanceReceived");
        assertThat(task("Task_FollowUpClaim", claim)).hasName("Follow up unpaid claim").hasCandidateGroup("biller");
    }

    @Test
    void keepsAwaitingTheRemittanceAfterTheFollowUpIsDone() {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);
        thirtyDaysPassWithoutRemittance(claim);

        complete(task("Task_FollowUpClaim", claim));

        assertThat(claim).hasPassed("EndEvent_FollowUpDone")
                .isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance");

        remittanceArrives(CLAIM_NUMBER, "PAID");

        assertThat(claim).isEnded().hasPassed("EndEvent_ClaimPaid");
    }

    @Test
    void cancelsTheOpenFollowUpWhenTheRemittanceArrives() {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);
        thirtyDaysPassWithoutRemittance(claim);

        remittanceArrives(CLAIM_NUMBER, "DENIED");

        assertThat(claim).isWaitingAtExactly("Task_WorkDenial")
                .hasPassed("EndEvent_RemittanceArrived")
                .hasNotPassed("EndEvent_FollowUpDone");
        assertThat(taskService().createTaskQuery().taskDefinitionKey("Task_FollowUpClaim").count()).isZero();
        assertThat(historyService().createHistoricActivityInstanceQuery()
                        .processInstanceId(claim.getId())
                        .activityId("Task_FollowUpClaim")
                        .canceled()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void backsOffBetweenFailedSubmissionsThenRaisesAnIncident() throws Exception {
        doThrow(new IllegalStateException("Clearinghouse unreachable")).when(submitClaimDelegate).execute(any());
        ProcessInstance claim = claimBuilt(CLAIM_NUMBER);
        complete(task("Task_PrepareClaim", claim));
        // A clearinghouse that is down for a minute or for an afternoon: retry soon, then less often.
        List<Duration> waits = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofHours(1), Duration.ofHours(4));

        for (int attempt = 0; attempt < waits.size(); attempt++) {
            assertThatThrownBy(() -> execute(job("Task_SubmitClaim", claim)))
                    .hasMessageContaining("Clearinghouse unreachable");
            assertThat(job("Task_SubmitClaim", claim))
                    .hasRetries(waits.size() - attempt)
                    .hasExceptionMessage()
                    .hasDueDate(Date.from(SUBMITTED_AT.plus(waits.get(attempt))));
        }
        assertThatThrownBy(() -> execute(job("Task_SubmitClaim", claim))).hasMessageContaining("Clearinghouse unreachable");
        assertThat(job("Task_SubmitClaim", claim)).hasRetries(0);

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(claim.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Task_SubmitClaim");
        assertThat(incident.getIncidentMessage()).contains("Clearinghouse unreachable");
        assertThat(claim).isWaitingAtExactly("Task_SubmitClaim");
        verify(submitClaimDelegate, times(waits.size() + 1)).execute(any());
    }

    private ProcessInstance claimBuilt(String claimNumber) {
        return runtimeService().startProcessInstanceByKey("claim-submission", claimNumber,
                withVariables("claimNumber", claimNumber, "encounterId", ENCOUNTER_ID));
    }

    private ProcessInstance submittedClaim(String claimNumber) {
        ProcessInstance claim = claimBuilt(claimNumber);
        complete(task("Task_PrepareClaim", claim));
        execute(job("Task_SubmitClaim", claim));
        return claim;
    }

    private void remittanceArrives(String claimNumber, String outcome) {
        runtimeService().createMessageCorrelation("Msg_RemittanceReceived")
                .processInstanceBusinessKey(claimNumber)
                .setVariable("claimOutcome", outcome)
                .correlate();
    }

    private long dueTimers(ProcessInstance claim) {
        return managementService().createJobQuery().processInstanceId(claim.getId()).timers().executable().count();
    }

    private void thirtyDaysPassWithoutRemittance(ProcessInstance claim) {
        ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT.plus(Duration.ofDays(30)).plus(Duration.ofMinutes(1))));
        assertThat(dueTimers(claim)).isEqualTo(1);
        Job followUpTimer = job("Timer_FollowUp", claim);
        execute(followUpTimer);
    }
}
