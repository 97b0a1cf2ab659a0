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
import static org.mockito.Mockito.atLeastOnce;
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
@Deployment(resources = {"bpmn/revenue-cycle.bpmn", "bpmn/claim-submission.bpmn"})
class RevenueCycleProcessTest {

    private static final String ENCOUNTER_NUMBER = "ENC-2025-000123";
    private static final long ENCOUNTER_ID = 123L;
    private static final long CODING_CASE_ID = 456L;
    private static final long QUERY_ID = 789L;
    private static final long AUDIT_ID = 321L;
    private static final Instant QUERY_RAISED_AT = Instant.parse("2025-03-03T09:00:00Z");

    /** Injected by the extension from camunda.cfg.xml. */
    ProcessEngine processEngine;

    private final JavaDelegate buildClaimsDelegate = mock(JavaDelegate.class);
    private final JavaDelegate submitClaimDelegate = mock(JavaDelegate.class);
    private final EncounterClaims encounterClaims = mock(EncounterClaims.class);
    private final ClaimTimers claimTimers = mock(ClaimTimers.class);
    private final ClaimDeadlines claimDeadlines = mock(ClaimDeadlines.class);
    private final JavaDelegate sampleCodingAuditDelegate = mock(JavaDelegate.class);
    private final JavaDelegate escalateQueryDelegate = mock(JavaDelegate.class);
    private final QueryTimers queryTimers = mock(QueryTimers.class);

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(processEngine);
        when(claimTimers.functionalAckWithin()).thenReturn("PT24H");
        when(claimTimers.claimAckWithin()).thenReturn("P3D");
        when(claimDeadlines.followUpAfter(any())).thenReturn("P30D");
        when(claimDeadlines.timelyFilingDeadline(any())).thenReturn(Date.from(QUERY_RAISED_AT.plus(Duration.ofDays(365))));
        when(claimDeadlines.timelyFilingWarningAt(any())).thenReturn(Date.from(QUERY_RAISED_AT.plus(Duration.ofDays(335))));
        Mocks.register("billPatientDelegate", (JavaDelegate) execution -> { });
        // Every claim in these tests is clean; the scrubber's own paths are ClaimSubmissionProcessTest's.
        Mocks.register("scrubClaimDelegate", (JavaDelegate) execution -> execution.setVariable("claimClean", true));
        when(queryTimers.escalateAfter()).thenReturn("P2D");
        Mocks.register("sampleCodingAuditDelegate", sampleCodingAuditDelegate);
        Mocks.register("escalateQueryDelegate", escalateQueryDelegate);
        Mocks.register("queryTimers", queryTimers);
        Mocks.register("buildClaimsDelegate", buildClaimsDelegate);
        Mocks.register("submitClaimDelegate", submitClaimDelegate);
        Mocks.register("encounterClaims", encounterClaims);
        Mocks.register("claimTimers", claimTimers);
        Mocks.register("claimDeadlines", claimDeadlines);
    }

    @AfterEach
    void resetEngineState() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void waitsForCoderToCodeTheEncounter() {
        ProcessInstance encounter = documentationReceived();

        assertThat(encounter).isStarted().hasBusinessKey(ENCOUNTER_NUMBER).isWaitingAtExactly("Task_CodeEncounter");
        assertThat(task("Task_CodeEncounter", encounter)).hasName("Code encounter").hasCandidateGroup("coder");
        assertThat(runtimeService().getVariables(encounter.getId()))
                .containsEntry("encounterId", ENCOUNTER_ID)
                .containsEntry("codingCaseId", CODING_CASE_ID);
    }

    @Test
    void buildsClaimsInItsOwnTransactionOnceTheEncounterIsCoded() throws Exception {
        when(encounterClaims.claimNumbers(ENCOUNTER_ID)).thenReturn(List.of("C2025000123A"));
        ProcessInstance encounter = documentationReceived();

        complete(task("Task_CodeEncounter", encounter));

        assertThat(encounter).isWaitingAtExactly("Task_BuildClaims");
        assertThat(job("Task_BuildClaims", encounter)).isNotNull();
        verifyNoInteractions(buildClaimsDelegate);

        execute(job("Task_BuildClaims", encounter));

        verify(buildClaimsDelegate).execute(any());
        assertThat(encounter).hasPassed("Task_BuildClaims").isWaitingAt("CallActivity_SubmitClaim");
    }

    @Test
    void startsClaimSubmissionForTheOnlyClaimOfTheEncounter() {
        ProcessInstance encounter = codedEncounterWithClaims("C2025000123A");

        List<ProcessInstance> claims = claimSubmissionsOf(encounter);

        assertThat(claims).hasSize(1);
        assertStartedClaimSubmission(claims.get(0), "C2025000123A");
        // The engine evaluates the collection once to count and again per instance, so the bean
        // behind it must be a side-effect-free read.
        verify(encounterClaims, atLeastOnce()).claimNumbers(ENCOUNTER_ID);
    }

    @Test
    void startsOneClaimSubmissionPerClaimWhenTheEncounterSplitsIntoTwoClaims() {
        ProcessInstance encounter = codedEncounterWithClaims("C2025000123A", "C2025000123B");

        List<ProcessInstance> claims = claimSubmissionsOf(encounter);

        assertThat(claims).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("C2025000123A", "C2025000123B");
        claims.forEach(claim -> assertStartedClaimSubmission(claim, claim.getBusinessKey()));
    }

    @Test
    void billsTheEncounterOnlyWhenEveryClaimIsClosed() throws Exception {
        ProcessInstance encounter = codedEncounterWithClaims("C2025000123A", "C2025000123B");
        ProcessInstance first = claimSubmission("C2025000123A");
        ProcessInstance second = claimSubmission("C2025000123B");

        closeAsPaid(first);

        assertThat(first).isEnded();
        assertThat(encounter).isNotEnded().isWaitingAt("CallActivity_SubmitClaim");

        closeAsWrittenOff(second);

        assertThat(second).isEnded();
        assertThat(encounter).isEnded().hasPassed("CallActivity_SubmitClaim", "EndEvent_EncounterBilled");
        verify(submitClaimDelegate, times(2)).execute(any());
    }

    @Test
    void endsTheEncounterWithoutClaimSubmissionWhenNoClaimWasBuilt() {
        ProcessInstance encounter = codedEncounterWithClaims();

        assertThat(encounter).isEnded().hasPassed("EndEvent_EncounterBilled");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("claim-submission").count())
                .isZero();
    }

    @Test
    void retriesAFailedClaimBuildThreeTimesThenRaisesAnIncident() throws Exception {
        doThrow(new IllegalStateException("Claims service unavailable")).when(buildClaimsDelegate).execute(any());
        ProcessInstance encounter = documentationReceived();
        complete(task("Task_CodeEncounter", encounter));

        for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
            assertThatThrownBy(() -> execute(job("Task_BuildClaims", encounter)))
                    .hasMessageContaining("Claims service unavailable");
            assertThat(job("Task_BuildClaims", encounter)).hasRetries(retriesLeft).hasExceptionMessage();
        }

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(encounter.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Task_BuildClaims");
        assertThat(encounter).isWaitingAtExactly("Task_BuildClaims");
        verify(buildClaimsDelegate, times(3)).execute(any());
        assertThat(claimSubmissionsOf(encounter)).isEmpty();
    }

    @Test
    void sendsTheCoderQueryToAPhysicianInsteadOfCoding() throws Exception {
        ProcessInstance encounter = documentationReceived();

        raiseQuery(encounter);

        assertThat(encounter).isWaitingAtExactly("SubProcess_PhysicianQuery", "Task_AnswerQuery").hasPassed("Gateway_CodingOutcome")
                .hasNotPassed("Task_SampleCodingAudit");
        assertThat(task("Task_AnswerQuery", encounter)).hasName("Answer coder query").hasCandidateGroup("physician");
        assertThat(runtimeService().getVariables(encounter.getId())).containsEntry("queryId", QUERY_ID);
        verifyNoInteractions(sampleCodingAuditDelegate, buildClaimsDelegate);
    }

    @Test
    void resumesCodingOnceThePhysicianAnswers() throws Exception {
        ProcessInstance encounter = documentationReceived();
        raiseQuery(encounter);

        complete(task("Task_AnswerQuery", encounter));

        assertThat(encounter).isWaitingAtExactly("Task_CodeEncounter")
                .hasPassed("EndEvent_QueryAnswered", "SubProcess_PhysicianQuery")
                .hasNotPassed("Task_EscalateQuery");
        assertThat(task("Task_CodeEncounter", encounter)).hasCandidateGroup("coder");
        assertThat(managementService().createJobQuery().processInstanceId(encounter.getId()).count())
                .as("no escalation timer left behind").isZero();
        verifyNoInteractions(escalateQueryDelegate, sampleCodingAuditDelegate);
    }

    @Test
    void codesTheEncounterAfterTheAnswerAndThenSamplesItForAudit() throws Exception {
        samplingDecides(false);
        ProcessInstance encounter = documentationReceived();
        raiseQuery(encounter);
        complete(task("Task_AnswerQuery", encounter));

        complete(task("Task_CodeEncounter", encounter), withVariables("codingOutcome", "CODED"));

        assertThat(encounter).isWaitingAtExactly("Task_BuildClaims").hasPassed("Task_SampleCodingAudit");
        verify(sampleCodingAuditDelegate, times(1)).execute(any());
    }

    @Test
    void schedulesTheEscalationTheConfiguredTimeAfterTheQueryIsRaised() {
        ClockUtil.setCurrentTime(Date.from(QUERY_RAISED_AT));
        ProcessInstance encounter = documentationReceived();

        raiseQuery(encounter);

        assertThat(job("Timer_QueryEscalation", encounter))
                .hasDueDate(Date.from(QUERY_RAISED_AT.plus(Duration.ofDays(2))));
        verify(queryTimers).escalateAfter();
    }

    @Test
    void takesTheEscalationDelayFromTheQueryTimersBean() {
        when(queryTimers.escalateAfter()).thenReturn("PT8H");
        ClockUtil.setCurrentTime(Date.from(QUERY_RAISED_AT));
        ProcessInstance encounter = documentationReceived();

        raiseQuery(encounter);

        assertThat(job("Timer_QueryEscalation", encounter))
                .hasDueDate(Date.from(QUERY_RAISED_AT.plus(Duration.ofHours(8))));
    }

    @Test
    void escalatesAnUnansweredQueryToManagersAndKeepsTheSameAnswerTask() throws Exception {
        ProcessInstance encounter = documentationReceived();
        raiseQuery(encounter);
        String answerTaskId = task("Task_AnswerQuery", encounter).getId();

        execute(job("Timer_QueryEscalation", encounter));

        assertThat(encounter).isWaitingAtExactly("SubProcess_PhysicianQuery", "Task_AnswerQuery", "Task_EscalateQuery");
        verifyNoInteractions(escalateQueryDelegate);

        execute(job("Task_EscalateQuery", encounter));

        verify(escalateQueryDelegate, times(1)).execute(any());
        assertThat(encounter).isWaitingAtExactly("SubProcess_PhysicianQuery", "Task_AnswerQuery").hasPassed("EndEvent_QueryEscalated");
        assertThat(task("Task_AnswerQuery", encounter).getId()).as("the physician's task stays open").isEqualTo(answerTaskId);

        complete(task("Task_AnswerQuery", encounter));

        assertThat(encounter).isWaitingAtExactly("Task_CodeEncounter").hasPassed("EndEvent_QueryAnswered");
    }

    @Test
    void dropsAPendingEscalationWhenTheAnswerArrivesFirst() throws Exception {
        ProcessInstance encounter = documentationReceived();
        raiseQuery(encounter);
        execute(job("Timer_QueryEscalation", encounter));

        complete(task("Task_AnswerQuery", encounter));

        assertThat(encounter).isWaitingAtExactly("Task_CodeEncounter");
        assertThat(managementService().createJobQuery().processInstanceId(encounter.getId()).count()).isZero();
        verifyNoInteractions(escalateQueryDelegate);
    }

    @Test
    void retriesAFailedEscalationThreeTimesThenRaisesAnIncidentWhileThePhysicianCanStillAnswer() throws Exception {
        doThrow(new IllegalStateException("Task service unavailable")).when(escalateQueryDelegate).execute(any());
        ProcessInstance encounter = documentationReceived();
        raiseQuery(encounter);
        execute(job("Timer_QueryEscalation", encounter));

        for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
            assertThatThrownBy(() -> execute(job("Task_EscalateQuery", encounter)))
                    .hasMessageContaining("Task service unavailable");
            assertThat(job("Task_EscalateQuery", encounter)).hasRetries(retriesLeft);
        }

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(encounter.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_EscalateQuery");
        complete(task("Task_AnswerQuery", encounter));
        assertThat(encounter).isWaitingAtExactly("Task_CodeEncounter");
    }

    @Test
    void sendsASampledCodingToAnAuditorBeforeAnyClaimIsBuilt() throws Exception {
        samplingDecides(true);
        ProcessInstance encounter = documentationReceived();

        complete(task("Task_CodeEncounter", encounter), withVariables("codingOutcome", "CODED"));

        assertThat(encounter).isWaitingAtExactly("Task_AuditCoding").hasPassed("Task_SampleCodingAudit");
        assertThat(task("Task_AuditCoding", encounter)).hasName("Audit coding").hasCandidateGroup("auditor");
        assertThat(runtimeService().getVariables(encounter.getId()))
                .containsEntry("auditRequired", true).containsEntry("auditId", AUDIT_ID);
        verifyNoInteractions(buildClaimsDelegate);

        complete(task("Task_AuditCoding", encounter));

        assertThat(encounter).isWaitingAtExactly("Task_BuildClaims");
        assertThat(job("Task_BuildClaims", encounter)).isNotNull();
    }

    @Test
    void buildsClaimsWithoutAuditWhenTheCodingIsNotSampled() throws Exception {
        samplingDecides(false);
        ProcessInstance encounter = documentationReceived();

        complete(task("Task_CodeEncounter", encounter), withVariables("codingOutcome", "CODED"));

        assertThat(encounter).isWaitingAtExactly("Task_BuildClaims").hasPassed("Task_SampleCodingAudit")
                .hasNotPassed("Task_AuditCoding", "SubProcess_PhysicianQuery");
        verify(sampleCodingAuditDelegate, times(1)).execute(any());
    }

    @Test
    void samplesTheCodingInTheCodersTransaction() throws Exception {
        ProcessInstance encounter = documentationReceived();

        complete(task("Task_CodeEncounter", encounter), withVariables("codingOutcome", "CODED"));

        verify(sampleCodingAuditDelegate, times(1)).execute(any());
        assertThat(job("Task_SampleCodingAudit", encounter)).as("no job: decided when the coder completes").isNull();
    }

    private void raiseQuery(ProcessInstance encounter) {
        complete(task("Task_CodeEncounter", encounter), withVariables("codingOutcome", "QUERY", "queryId", QUERY_ID));
    }

    private void samplingDecides(boolean sampled) throws Exception {
        doAnswer(invocation -> {
            DelegateExecution execution = invocation.getArgument(0);
            execution.setVariable("auditRequired", sampled);
            if (sampled) {
                execution.setVariable("auditId", AUDIT_ID);
            }
            return null;
        }).when(sampleCodingAuditDelegate).execute(any());
    }

    private ProcessInstance documentationReceived() {
        return runtimeService().startProcessInstanceByKey("revenue-cycle", ENCOUNTER_NUMBER,
                withVariables("encounterId", ENCOUNTER_ID, "codingCaseId", CODING_CASE_ID));
    }

    private ProcessInstance codedEncounterWithClaims(String... claimNumbers) {
        when(encounterClaims.claimNumbers(ENCOUNTER_ID)).thenReturn(List.of(claimNumbers));
        ProcessInstance encounter = documentationReceived();
        complete(task("Task_CodeEncounter", encounter));
        execute(job("Task_BuildClaims", encounter));
        return encounter;
    }

    private List<ProcessInstance> claimSubmissionsOf(ProcessInstance encounter) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(encounter.getId()).list();
    }

    private ProcessInstance claimSubmission(String claimNumber) {
        return runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("claim-submission")
                .processInstanceBusinessKey(claimNumber)
                .singleResult();
    }

    private void assertStartedClaimSubmission(ProcessInstance claim, String claimNumber) {
        assertThat(claim).hasProcessDefinitionKey("claim-submission")
                .hasBusinessKey(claimNumber)
                .isWaitingAtExactly("Task_ScrubClaim");
        assertThat(runtimeService().getVariables(claim.getId()))
                .containsEntry("claimNumber", claimNumber)
                .containsEntry("encounterId", ENCOUNTER_ID);
    }

    private void closeAsPaid(ProcessInstance claim) {
        submit(claim);
        remittanceArrives(claim, "PAID");
        execute(job("Task_BillPatient", claim));
    }

    private void closeAsWrittenOff(ProcessInstance claim) {
        submit(claim);
        remittanceArrives(claim, "DENIED");
        complete(task("Task_WorkDenial", claim), withVariables("denialResolution", "WRITE_OFF"));
    }

    private void submit(ProcessInstance claim) {
        execute(job("Task_ScrubClaim", claim));
        execute(job("Task_SubmitClaim", claim));
    }

    private void remittanceArrives(ProcessInstance claim, String outcome) {
        runtimeService().createMessageCorrelation("Msg_RemittanceReceived")
                .processInstanceBusinessKey(claim.getBusinessKey())
                .setVariable("claimOutcome", outcome)
                .setVariable("denialRoute", outcome.equals("DENIED") ? "WORK_DENIAL" : null)
                .correlate();
    }
}
