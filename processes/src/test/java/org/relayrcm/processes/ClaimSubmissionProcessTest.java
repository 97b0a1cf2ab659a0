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
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;
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
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/claim-submission.bpmn")
class ClaimSubmissionProcessTest {

    private static final String CLAIM_NUMBER = "C2025000123A";
    private static final long ENCOUNTER_ID = 123L;
    private static final boolean CLEAN = true;
    private static final boolean ERRORS = false;
    private static final Instant SUBMITTED_AT = Instant.parse("2025-03-03T09:00:00Z");
    private static final Instant FILING_DEADLINE = SUBMITTED_AT.plus(Duration.ofDays(300));
    private static final Instant FILING_WARNING = FILING_DEADLINE.minus(Duration.ofDays(30));
    private static final Instant APPEAL_DEADLINE = SUBMITTED_AT.plus(Duration.ofDays(120));

    /** Injected by the extension from camunda.cfg.xml. */
    ProcessEngine processEngine;

    private final JavaDelegate scrubClaimDelegate = mock(JavaDelegate.class);
    private final JavaDelegate submitClaimDelegate = mock(JavaDelegate.class);
    private final JavaDelegate closeVoidedClaimDelegate = mock(JavaDelegate.class);
    private final JavaDelegate billPatientDelegate = mock(JavaDelegate.class);
    private final JavaDelegate transferToPatientDelegate = mock(JavaDelegate.class);
    private final JavaDelegate requestWriteOffDelegate = mock(JavaDelegate.class);
    private final JavaDelegate openAppealDelegate = mock(JavaDelegate.class);
    private final ClaimTimers claimTimers = mock(ClaimTimers.class);
    private final ClaimDeadlines claimDeadlines = mock(ClaimDeadlines.class);

    @BeforeEach
    void registerBeansAndFreezeClock() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT));
        when(claimTimers.functionalAckWithin()).thenReturn("PT24H");
        when(claimTimers.claimAckWithin()).thenReturn("P3D");
        when(claimDeadlines.followUpAfter(any())).thenReturn("P30D");
        when(claimDeadlines.timelyFilingDeadline(any())).thenReturn(Date.from(FILING_DEADLINE));
        when(claimDeadlines.timelyFilingWarningAt(any())).thenReturn(Date.from(FILING_WARNING));
        when(claimDeadlines.atTimelyFilingRisk(any())).thenReturn(true);
        scrubberFinds(CLEAN);
        appealOpensWithDeadline(APPEAL_DEADLINE);
        Mocks.register("scrubClaimDelegate", scrubClaimDelegate);
        Mocks.register("submitClaimDelegate", submitClaimDelegate);
        Mocks.register("closeVoidedClaimDelegate", closeVoidedClaimDelegate);
        Mocks.register("claimTimers", claimTimers);
        Mocks.register("claimDeadlines", claimDeadlines);
        Mocks.register("billPatientDelegate", billPatientDelegate);
        Mocks.register("transferToPatientDelegate", transferToPatientDelegate);
        Mocks.register("requestWriteOffDelegate", requestWriteOffDelegate);
        Mocks.register("openAppealDelegate", openAppealDelegate);
    }

    @AfterEach
    void resetEngineState() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void scrubsTheNewClaimInItsOwnTransaction() throws Exception {
        ProcessInstance claim = claimBuilt(CLAIM_NUMBER);

        assertThat(claim).isStarted().hasBusinessKey(CLAIM_NUMBER).isWaitingAtExactly("Task_ScrubClaim");
        verifyNoInteractions(scrubClaimDelegate);

        execute(job("Task_ScrubClaim", claim));

        verify(scrubClaimDelegate, times(1)).execute(any());
        assertThat(claim).isWaitingAtExactly("Task_SubmitClaim");
        verifyNoInteractions(submitClaimDelegate);
    }

    @Test
    void sendsACleanClaimWithNoHumanTouch() throws Exception {
        ProcessInstance claim = claimBuilt(CLAIM_NUMBER);

        execute(job("Task_ScrubClaim", claim));
        execute(job("Task_SubmitClaim", claim));

        verify(submitClaimDelegate, times(1)).execute(any());
        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitAcknowledgements", "Receive_FunctionalAck").isWaitingFor("Msg_FunctionalAck");
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(claim.getId()).count())
                .as("user tasks on the way out").isZero();
    }

    @Test
    void holdsAClaimWithErrorsForTheBillerAndScrubsItAgainAfterTheFix() throws Exception {
        scrubberFinds(ERRORS);
        ProcessInstance claim = claimBuilt(CLAIM_NUMBER);
        execute(job("Task_ScrubClaim", claim));

        assertThat(claim).isWaitingAtExactly("Task_FixClaim");
        assertThat(task("Task_FixClaim", claim)).hasName("Fix claim").hasCandidateGroup("biller");
        verifyNoInteractions(submitClaimDelegate);

        scrubberFinds(CLEAN);
        complete(task("Task_FixClaim", claim));

        assertThat(claim).isWaitingAtExactly("Task_ScrubClaim");
        execute(job("Task_ScrubClaim", claim));
        assertThat(claim).isWaitingAtExactly("Task_SubmitClaim");
    }

    @Test
    void takesAClaimWhoseFileOurOwnCheckRefusesToTheBillerWithoutAnIncident() throws Exception {
        doThrow(new org.camunda.bpm.engine.delegate.BpmnError("ClaimFileRefused")).when(submitClaimDelegate).execute(any());
        ProcessInstance claim = claimBuilt(CLAIM_NUMBER);
        execute(job("Task_ScrubClaim", claim));

        execute(job("Task_SubmitClaim", claim));

        assertThat(claim).isWaitingAtExactly("Task_FixClaim").hasPassed("Error_FileRefused")
                .hasNotPassed("SubProcess_AwaitAcknowledgements");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(claim.getId()).count()).isZero();
    }

    @Test
    void climbsTheAcknowledgementLadderToTheRemittanceWait() {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);

        functionalAckArrives(CLAIM_NUMBER, true);
        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitAcknowledgements", "Receive_ClaimAck").isWaitingFor("Msg_ClaimAcknowledged");

        claimAckArrives(CLAIM_NUMBER, true);
        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance")
                .isWaitingFor("Msg_RemittanceReceived")
                .hasPassed("Gateway_FileAccepted", "EndEvent_ClaimAcknowledged", "Gateway_ClaimAccepted");
    }

    @Test
    void sendsAClaimWhoseFileThe999RejectsBackToTheBiller() throws Exception {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);

        functionalAckArrives(CLAIM_NUMBER, false);

        assertThat(claim).isWaitingAtExactly("Task_FixClaim").hasPassed("EndEvent_FileRejected")
                .hasNotPassed("Receive_ClaimAck");
        complete(task("Task_FixClaim", claim));
        execute(job("Task_ScrubClaim", claim));
        execute(job("Task_SubmitClaim", claim));
        verify(submitClaimDelegate, times(2)).execute(any());
        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitAcknowledgements", "Receive_FunctionalAck");
    }

    @Test
    void sendsAClaimThe277CARejectsBackToTheBiller() {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);
        functionalAckArrives(CLAIM_NUMBER, true);

        claimAckArrives(CLAIM_NUMBER, false);

        assertThat(claim).isWaitingAtExactly("Task_FixClaim").hasNotPassed("SubProcess_AwaitRemittance");
    }

    @Test
    void takesA277CAThatOvertakesIts999AsTheAnswer() {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);

        claimAckArrives(CLAIM_NUMBER, true);

        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance")
                .hasPassed("Message_ClaimAckFirst").hasNotPassed("Gateway_FileAccepted");
    }

    @Test
    void takesARemittanceThatOvertakesTheAcknowledgementsAsTheFinalAnswer() {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);

        paidRemittanceArrives(claim);

        assertThat(claim).isEnded().hasPassed("Message_RemittanceFirst", "EndEvent_ClaimPaid")
                .hasNotPassed("SubProcess_AwaitRemittance");
    }

    @Test
    void asksTheBillerToChaseA999ThatIsLateAndCancelsThatWhenItArrives() {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);
        assertThat(job("Timer_No999", claim)).hasDueDate(Date.from(SUBMITTED_AT.plus(Duration.ofHours(24))));

        timePassesAndTimerFires(claim, "Timer_No999", Duration.ofHours(24));

        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitAcknowledgements", "Receive_FunctionalAck", "Task_ChaseFunctionalAck");
        assertThat(task("Task_ChaseFunctionalAck", claim)).hasName("Chase missing 999").hasCandidateGroup("biller");

        functionalAckArrives(CLAIM_NUMBER, true);
        claimAckArrives(CLAIM_NUMBER, true);

        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance");
        assertThat(taskService().createTaskQuery().processInstanceId(claim.getId()).count()).isZero();
    }

    @Test
    void asksTheBillerToChaseA277CAThatIsLate() {
        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);
        functionalAckArrives(CLAIM_NUMBER, true);
        assertThat(job("Timer_No277", claim)).hasDueDate(Date.from(SUBMITTED_AT.plus(Duration.ofDays(3))));

        timePassesAndTimerFires(claim, "Timer_No277", Duration.ofDays(3));

        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitAcknowledgements", "Receive_ClaimAck", "Task_ChaseClaimAck");
        assertThat(task("Task_ChaseClaimAck", claim)).hasCandidateGroup("biller");
        complete(task("Task_ChaseClaimAck", claim));
        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitAcknowledgements", "Receive_ClaimAck");
    }

    @Test
    void endsAVoidOnceThePayerAcceptsItWithoutWaitingForMoney() throws Exception {
        ProcessInstance voiding = runtimeService().startProcessInstanceByKey("claim-submission", CLAIM_NUMBER,
                withVariables("claimNumber", CLAIM_NUMBER, "encounterId", ENCOUNTER_ID, "voiding", true));
        execute(job("Task_ScrubClaim", voiding));
        execute(job("Task_SubmitClaim", voiding));
        functionalAckArrives(CLAIM_NUMBER, true);
        claimAckArrives(CLAIM_NUMBER, true);

        assertThat(voiding).isWaitingAtExactly("Task_CloseVoidedClaim");
        execute(job("Task_CloseVoidedClaim", voiding));

        verify(closeVoidedClaimDelegate, times(1)).execute(any());
        assertThat(voiding).isEnded().hasPassed("EndEvent_ClaimVoided").hasNotPassed("SubProcess_AwaitRemittance");
    }

    @Test
    void sendsAVoidThePayerRejectsBackToTheBiller() {
        ProcessInstance voiding = runtimeService().startProcessInstanceByKey("claim-submission", CLAIM_NUMBER,
                withVariables("claimNumber", CLAIM_NUMBER, "encounterId", ENCOUNTER_ID, "voiding", true));
        execute(job("Task_ScrubClaim", voiding));
        execute(job("Task_SubmitClaim", voiding));
        functionalAckArrives(CLAIM_NUMBER, true);

        claimAckArrives(CLAIM_NUMBER, false);

        assertThat(voiding).isWaitingAtExactly("Task_FixClaim");
        verifyNoInteractions(closeVoidedClaimDelegate);
    }

    @Test
    void endsAsPaidWhenTheRemittancePaysTheClaim() throws Exception {
        ProcessInstance claim = acceptedClaim(CLAIM_NUMBER);

        remittanceArrives(CLAIM_NUMBER, "PAID");

        assertThat(claim).isWaitingAtExactly("Task_BillPatient");
        execute(job("Task_BillPatient", claim));
        verify(billPatientDelegate, times(1)).execute(any());
        assertThat(claim).isEnded()
                .hasPassed("EndEvent_RemittanceArrived", "Gateway_ClaimOutcome", "EndEvent_ClaimPaid")
                .hasNotPassed("Task_WorkDenial", "Task_FollowUpClaim", "Task_FixClaim");
    }

    @Test
    void asksBillerToWorkTheDenialWhenTheRemittanceDeniesTheClaim() {
        ProcessInstance claim = acceptedClaim(CLAIM_NUMBER);

        remittanceArrives(CLAIM_NUMBER, "DENIED");

        assertThat(claim).isWaitingAtExactly("Task_WorkDenial");
        assertThat(task("Task_WorkDenial", claim)).hasName("Work denial").hasCandidateGroup("biller");
    }

    @Test
    void scrubsAndResubmitsTheCorrectedClaimOnceAndEndsPaidAfterTheSecondRemittance() throws Exception {
        ProcessInstance claim = acceptedClaim(CLAIM_NUMBER);
        remittanceArrives(CLAIM_NUMBER, "DENIED");

        complete(task("Task_WorkDenial", claim), withVariables("denialResolution", "RESUBMIT"));

        assertThat(claim).isWaitingAtExactly("Task_ScrubClaim");
        execute(job("Task_ScrubClaim", claim));
        verify(scrubClaimDelegate, times(2)).execute(any());
        verify(submitClaimDelegate, times(1)).execute(any());

        execute(job("Task_SubmitClaim", claim));

        verify(submitClaimDelegate, times(2)).execute(any());
        functionalAckArrives(CLAIM_NUMBER, true);
        claimAckArrives(CLAIM_NUMBER, true);
        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance");
        assertThat(job("Timer_FollowUp", claim)).as("a fresh follow-up timer for the resubmission").isNotNull();

        paidRemittanceArrives(claim);

        assertThat(claim).isEnded().hasPassed("EndEvent_ClaimPaid").hasNotPassed("EndEvent_ClaimWrittenOff");
    }

    @Test
    void writesOffTheDeniedClaimWhenTheBillerChoosesWriteOff() throws Exception {
        ProcessInstance claim = acceptedClaim(CLAIM_NUMBER);
        remittanceArrives(CLAIM_NUMBER, "DENIED");

        complete(task("Task_WorkDenial", claim), withVariables("denialResolution", "WRITE_OFF"));

        assertThat(claim).isEnded().hasPassed("EndEvent_ClaimWrittenOff").hasNotPassed("EndEvent_ClaimPaid");
        verify(submitClaimDelegate, times(1)).execute(any());
    }

    @Test
    void correlatesEveryAnswerToItsClaimByClaimNumber() {
        ProcessInstance paid = acceptedClaim("C2025000123A");
        ProcessInstance stillOpen = submittedClaim("C2025000123B");

        remittanceArrives("C2025000123A", "PAID");

        assertThat(paid).isWaitingAtExactly("Task_BillPatient");
        assertThat(stillOpen).isWaitingAtExactly("SubProcess_AwaitAcknowledgements", "Receive_FunctionalAck");
    }

    @Test
    void schedulesTheFollowUpThirtyDaysAfterThePayerAcceptedTheClaim() {
        ProcessInstance claim = acceptedClaim(CLAIM_NUMBER);

        assertThat(job("Timer_FollowUp", claim)).hasDueDate(Date.from(SUBMITTED_AT.plus(Duration.ofDays(30))));
        verify(claimDeadlines).followUpAfter(CLAIM_NUMBER);
    }

    @Test
    void takesEveryWaitFromTheClaimTimersBeanAndTheFollowUpFromThePayersAdjudicationTime() {
        when(claimTimers.functionalAckWithin()).thenReturn("PT2H");
        when(claimTimers.claimAckWithin()).thenReturn("P5D");
        when(claimDeadlines.followUpAfter(CLAIM_NUMBER)).thenReturn("P45D");

        ProcessInstance claim = submittedClaim(CLAIM_NUMBER);
        assertThat(job("Timer_No999", claim)).hasDueDate(Date.from(SUBMITTED_AT.plus(Duration.ofHours(2))));
        functionalAckArrives(CLAIM_NUMBER, true);
        assertThat(job("Timer_No277", claim)).hasDueDate(Date.from(SUBMITTED_AT.plus(Duration.ofDays(5))));
        claimAckArrives(CLAIM_NUMBER, true);
        assertThat(job("Timer_FollowUp", claim)).hasDueDate(Date.from(SUBMITTED_AT.plus(Duration.ofDays(45))));
    }

    @Test
    void doesNotAskForFollowUpBeforeThirtyDaysHavePassed() {
        ProcessInstance claim = acceptedClaim(CLAIM_NUMBER);

        ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT.plus(Duration.ofDays(29))));

        assertThat(dueTimers(claim)).isZero();
        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance");
    }

    @Test
    void asksForFollowUpAfterThirtyDaysWhileStillAwaitingTheRemittance() {
        ProcessInstance claim = acceptedClaim(CLAIM_NUMBER);

        timePassesAndTimerFires(claim, "Timer_FollowUp", Duration.ofDays(30));

        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance", "Task_FollowUpClaim")
                .isWaitingFor("Msg_RemittanceReceived");
        assertThat(task("Task_FollowUpClaim", claim)).hasName("Follow up unpaid claim").hasCandidateGroup("biller");
    }

    @Test
    void keepsAwaitingTheRemittanceAfterTheFollowUpIsDone() throws Exception {
        ProcessInstance claim = acceptedClaim(CLAIM_NUMBER);
        timePassesAndTimerFires(claim, "Timer_FollowUp", Duration.ofDays(30));

        complete(task("Task_FollowUpClaim", claim));

        assertThat(claim).hasPassed("EndEvent_FollowUpDone")
                .isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance");

        paidRemittanceArrives(claim);

        assertThat(claim).isEnded().hasPassed("EndEvent_ClaimPaid");
    }

    @Test
    void cancelsTheOpenFollowUpWhenTheRemittanceArrives() {
        ProcessInstance claim = acceptedClaim(CLAIM_NUMBER);
        timePassesAndTimerFires(claim, "Timer_FollowUp", Duration.ofDays(30));

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

    @ParameterizedTest(name = "{0} goes to {1} ({2})")
    @CsvSource({
            "FIX_REGISTRATION, Task_FixRegistration, biller",
            "RECODE,           Task_RecodeDenial,    coder",
            "WORK_DENIAL,      Task_WorkDenial,      biller",
    })
    void sendsEachDenialToTheQueueTheRoutingTableChose(String route, String taskKey, String group) {
        ProcessInstance claim = deniedClaim(route);

        assertThat(claim).isWaitingAtExactly(taskKey).hasPassed("Gateway_DenialRoute");
        assertThat(task(taskKey, claim)).hasCandidateGroup(group).hasDueDate(Date.from(FILING_DEADLINE));
    }

    @Test
    void sendsADenialTheTableHasNoQueueForToTheBiller() {
        ProcessInstance claim = deniedClaim("SOMETHING_NEW");

        assertThat(claim).isWaitingAtExactly("Task_WorkDenial");
    }

    @Test
    void scrubsAndResubmitsOnceWhatTheCoderRecoded() throws Exception {
        ProcessInstance claim = deniedClaim("RECODE");

        complete(task("Task_RecodeDenial", claim));

        assertThat(claim).isWaitingAtExactly("Task_ScrubClaim");
        execute(job("Task_ScrubClaim", claim));
        execute(job("Task_SubmitClaim", claim));
        verify(submitClaimDelegate, times(2)).execute(any());
        functionalAckArrives(CLAIM_NUMBER, true);
        claimAckArrives(CLAIM_NUMBER, true);
        paidRemittanceArrives(claim);
        assertThat(claim).isEnded().hasPassed("Task_RecodeDenial", "EndEvent_ClaimPaid");
    }

    @Test
    void scrubsTheClaimAgainOnceRegistrationIsFixed() {
        ProcessInstance claim = deniedClaim("FIX_REGISTRATION");

        complete(task("Task_FixRegistration", claim));

        assertThat(claim).isWaitingAtExactly("Task_ScrubClaim");
    }

    @Test
    void billsThePatientWhenTheDenialIsThePatientsResponsibility() throws Exception {
        ProcessInstance claim = deniedClaim("PATIENT_RESPONSIBILITY");

        execute(job("Task_TransferToPatient", claim));
        execute(job("Task_BillPatientForDenial", claim));

        verify(transferToPatientDelegate, times(1)).execute(any());
        verify(billPatientDelegate, times(1)).execute(any());
        assertThat(claim).isEnded().hasPassed("EndEvent_BilledToPatient").hasNotPassed("Task_WorkDenial");
    }

    @Test
    void asksAManagerToApproveTheWriteOffOfALateClaim() throws Exception {
        ProcessInstance claim = deniedClaim("TIMELY_FILING");

        execute(job("Task_RequestWriteOff", claim));

        verify(requestWriteOffDelegate, times(1)).execute(any());
        assertThat(claim).isWaitingAtExactly("Task_ApproveWriteOff");
        assertThat(task("Task_ApproveWriteOff", claim)).hasCandidateGroup("manager");
        complete(task("Task_ApproveWriteOff", claim), withVariables("writeOffApproved", true));
        assertThat(claim).isEnded().hasPassed("EndEvent_WriteOffApproved");
    }

    @Test
    void sendsARefusedWriteOffBackToTheBiller() {
        ProcessInstance claim = deniedClaim("TIMELY_FILING");
        execute(job("Task_RequestWriteOff", claim));

        complete(task("Task_ApproveWriteOff", claim), withVariables("writeOffApproved", false));

        assertThat(claim).isWaitingAtExactly("Task_WorkDenial");
    }

    @Test
    void opensAnAppealThatMustGoOutBeforeThePayersWindowCloses() throws Exception {
        ProcessInstance claim = appealToPrepare();

        verify(openAppealDelegate, times(1)).execute(any());
        assertThat(claim).isWaitingAtExactly("SubProcess_Appeal", "Task_PrepareAppeal");
        assertThat(task("Task_PrepareAppeal", claim)).hasCandidateGroup("biller").hasDueDate(Date.from(APPEAL_DEADLINE));
        assertThat(job("Timer_AppealDeadline", claim)).hasDueDate(Date.from(APPEAL_DEADLINE));
    }

    @Test
    void asksAManagerToWriteOffWhenTheAppealWindowClosesBeforeTheAppealWentOut() {
        ProcessInstance claim = appealToPrepare();

        ClockUtil.setCurrentTime(Date.from(APPEAL_DEADLINE.plus(Duration.ofMinutes(1))));
        execute(job("Timer_AppealDeadline", claim));

        assertThat(claim).hasPassed("EndEvent_AppealWindowMissed", "Error_AppealWindowMissed")
                .isWaitingAtExactly("Task_RequestWriteOff");
    }

    @Test
    void awaitsThePaymentWhenTheAppealIsOverturned() {
        ProcessInstance claim = appealToPrepare();
        complete(task("Task_PrepareAppeal", claim));
        assertThat(claim).isWaitingAtExactly("SubProcess_Appeal", "Task_RecordAppealOutcome");
        assertThat(job("Timer_AppealDeadline", claim)).as("deadline met: timer gone").isNull();

        complete(task("Task_RecordAppealOutcome", claim), withVariables("appealOutcome", "OVERTURNED"));

        assertThat(claim).isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance");
        assertThat(job("Timer_FollowUp", claim)).isNotNull();
    }

    @Test
    void returnsAnUpheldDenialToTheBiller() {
        ProcessInstance claim = appealToPrepare();
        complete(task("Task_PrepareAppeal", claim));

        complete(task("Task_RecordAppealOutcome", claim), withVariables("appealOutcome", "UPHELD"));

        assertThat(claim).isWaitingAtExactly("Task_WorkDenial").hasPassed("Gateway_AppealOutcome");
    }

    @Test
    void endsTheAppealWhenThePayerPaysItWithANewRemittance() throws Exception {
        ProcessInstance claim = appealToPrepare();
        complete(task("Task_PrepareAppeal", claim));

        paidRemittanceArrives(claim);

        assertThat(claim).isEnded().hasPassed("Message_AppealAnsweredBy835", "EndEvent_ClaimPaid")
                .hasNotPassed("Gateway_AppealOutcome");
    }

    @Test
    void appealsWhenTheBillerChoosesToAppealAGeneralDenial() {
        ProcessInstance claim = deniedClaim("WORK_DENIAL");

        complete(task("Task_WorkDenial", claim), withVariables("denialResolution", "APPEAL"));

        assertThat(claim).isWaitingAtExactly("SubProcess_Appeal", "Task_OpenAppeal");
    }

    @Test
    void warnsAManagerWhenTheTimelyFilingDeadlineNearsForAClaimStillHeld() {
        scrubberFinds(ERRORS);
        ProcessInstance claim = claimBuilt(CLAIM_NUMBER);
        execute(job("Task_ScrubClaim", claim));
        assertThat(task("Task_FixClaim", claim)).hasDueDate(Date.from(FILING_DEADLINE));

        ClockUtil.setCurrentTime(Date.from(FILING_WARNING.plus(Duration.ofMinutes(1))));
        execute(job("Timer_TimelyFilingWarning", claim));

        assertThat(claim).isWaitingAtExactly("Task_FixClaim", "SubProcess_TimelyFilingWatch", "Task_TimelyFilingRisk");
        assertThat(task("Task_TimelyFilingRisk", claim)).hasCandidateGroup("manager")
                .hasDueDate(Date.from(FILING_DEADLINE));
        verify(claimDeadlines).atTimelyFilingRisk(CLAIM_NUMBER);
    }

    @Test
    void staysQuietWhenThePayerAcceptedTheClaimBeforeTheWarning() {
        ProcessInstance claim = acceptedClaim(CLAIM_NUMBER);
        when(claimDeadlines.atTimelyFilingRisk(CLAIM_NUMBER)).thenReturn(false);

        ClockUtil.setCurrentTime(Date.from(FILING_WARNING.plus(Duration.ofMinutes(1))));
        execute(job("Timer_TimelyFilingWarning", claim));

        assertThat(claim).hasPassed("EndEvent_NoRisk").hasNotPassed("Task_TimelyFilingRisk")
                .isWaitingAtExactly("SubProcess_AwaitRemittance", "Receive_Remittance");
    }

    @Test
    void schedulesTheTimelyFilingWarningFromThePayersLimit() {
        ProcessInstance claim = claimBuilt(CLAIM_NUMBER);

        assertThat(job("Timer_TimelyFilingWarning", claim)).hasDueDate(Date.from(FILING_WARNING));
        verify(claimDeadlines).timelyFilingWarningAt(CLAIM_NUMBER);
    }

    @Test
    void backsOffBetweenFailedSubmissionsThenRaisesAnIncident() throws Exception {
        doThrow(new IllegalStateException("Clearinghouse unreachable")).when(submitClaimDelegate).execute(any());
        ProcessInstance claim = claimBuilt(CLAIM_NUMBER);
        execute(job("Task_ScrubClaim", claim));
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

    private void scrubberFinds(boolean clean) {
        try {
            reset(scrubClaimDelegate);
            doAnswer(call -> {
                call.getArgument(0, DelegateExecution.class).setVariable("claimClean", clean);
                return null;
            }).when(scrubClaimDelegate).execute(any());
        } catch (Exception impossible) {
            throw new AssertionError(impossible);
        }
    }

    private ProcessInstance claimBuilt(String claimNumber) {
        return runtimeService().startProcessInstanceByKey("claim-submission", claimNumber,
                withVariables("claimNumber", claimNumber, "encounterId", ENCOUNTER_ID));
    }

    private ProcessInstance submittedClaim(String claimNumber) {
        ProcessInstance claim = claimBuilt(claimNumber);
        execute(job("Task_ScrubClaim", claim));
        execute(job("Task_SubmitClaim", claim));
        return claim;
    }

    private ProcessInstance acceptedClaim(String claimNumber) {
        ProcessInstance claim = submittedClaim(claimNumber);
        functionalAckArrives(claimNumber, true);
        claimAckArrives(claimNumber, true);
        return claim;
    }

    /** As the backend's acknowledgement handler does: a rejected file also means a rejected claim. */
    private void functionalAckArrives(String claimNumber, boolean accepted) {
        var correlation = runtimeService().createMessageCorrelation("Msg_FunctionalAck")
                .processInstanceBusinessKey(claimNumber)
                .setVariable("functionalAckAccepted", accepted);
        if (!accepted) {
            correlation.setVariable("claimAccepted", false);
        }
        correlation.correlate();
    }

    private void claimAckArrives(String claimNumber, boolean accepted) {
        runtimeService().createMessageCorrelation("Msg_ClaimAcknowledged")
                .processInstanceBusinessKey(claimNumber)
                .setVariable("claimAccepted", accepted)
                .correlate();
    }

    /** A denial goes to the biller's general queue, as the routing table's last row sends it. */
    private void remittanceArrives(String claimNumber, String outcome) {
        remittanceArrives(claimNumber, outcome, outcome.equals("DENIED") ? "WORK_DENIAL" : null);
    }

    /** As payment posting correlates it: outcome, the routing table's route, and the patient's share. */
    private void remittanceArrives(String claimNumber, String outcome, String denialRoute) {
        runtimeService().createMessageCorrelation("Msg_RemittanceReceived")
                .processInstanceBusinessKey(claimNumber)
                .setVariable("claimOutcome", outcome)
                .setVariable("denialRoute", denialRoute)
                .setVariable("patientShareCents", 2000L)
                .setVariable("forwardedToNextPayer", false)
                .correlate();
    }

    private void paidRemittanceArrives(ProcessInstance claim) {
        remittanceArrives(claim.getBusinessKey(), "PAID");
        execute(job("Task_BillPatient", claim));
    }

    private ProcessInstance deniedClaim(String route) {
        ProcessInstance claim = acceptedClaim(CLAIM_NUMBER);
        remittanceArrives(CLAIM_NUMBER, "DENIED", route);
        return claim;
    }

    private void appealOpensWithDeadline(Instant deadline) {
        try {
            reset(openAppealDelegate);
            doAnswer(call -> {
                DelegateExecution execution = call.getArgument(0, DelegateExecution.class);
                execution.setVariable("appealId", 7L);
                execution.setVariable("appealDeadline", Date.from(deadline));
                return null;
            }).when(openAppealDelegate).execute(any());
        } catch (Exception impossible) {
            throw new AssertionError(impossible);
        }
    }

    /** Into the appeal: the appeal is opened (async) and waits for the biller to prepare and send it. */
    private ProcessInstance appealToPrepare() {
        ProcessInstance claim = deniedClaim("APPEAL");
        execute(job("Task_OpenAppeal", claim));
        return claim;
    }

    private long dueTimers(ProcessInstance claim) {
        return managementService().createJobQuery().processInstanceId(claim.getId()).timers().executable().count();
    }

    private void timePassesAndTimerFires(ProcessInstance claim, String timerId, Duration wait) {
        ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT.plus(wait).plus(Duration.ofMinutes(1))));
        assertThat(dueTimers(claim)).isEqualTo(1);
        Job timer = job(timerId, claim);
        execute(timer);
    }
}
