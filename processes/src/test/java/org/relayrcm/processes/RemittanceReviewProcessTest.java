package org.relayrcm.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/remittance-review.bpmn")
class RemittanceReviewProcessTest {

    private static final long EXCEPTION_ID = 42L;

    /** Injected by the extension from camunda.cfg.xml. */
    ProcessEngine processEngine;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
    }

    @Test
    void offersTheExceptionToTheBillersWithItsIdAndClaim() {
        ProcessInstance review = exceptionRaised("RC0000001001");

        assertThat(review).isStarted().hasBusinessKey("RX-42").isWaitingAtExactly("Task_ReviewRemittance");
        assertThat(task("Task_ReviewRemittance", review)).hasName("Review remittance").hasCandidateGroup("biller")
                .isNotAssigned();
        assertThat(review).variables().containsEntry("remittanceExceptionId", EXCEPTION_ID)
                .containsEntry("claimNumber", "RC0000001001");
    }

    @Test
    void offersAPaymentThatMatchedNoClaimWithoutAClaimNumber() {
        ProcessInstance review = exceptionRaised(null);

        assertThat(review).isWaitingAtExactly("Task_ReviewRemittance");
        assertThat(review).variables().containsEntry("remittanceExceptionId", EXCEPTION_ID)
                .doesNotContainKey("claimNumber");
    }

    @Test
    void endsWhenTheBillerPostsThePaymentToTheClaimTheyFound() {
        ProcessInstance review = exceptionRaised(null);

        complete(task("Task_ReviewRemittance", review), withVariables("remittanceResolution", "POST_TO_CLAIM"));

        assertThat(review).isEnded().hasPassedInOrder("Task_ReviewRemittance", "EndEvent_ExceptionResolved");
    }

    @Test
    void endsWhenTheBillerAcknowledgesTheException() {
        ProcessInstance review = exceptionRaised("RC0000001001");

        complete(task("Task_ReviewRemittance", review), withVariables("remittanceResolution", "ACKNOWLEDGE"));

        assertThat(review).isEnded().hasPassed("EndEvent_ExceptionResolved");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(review.getId())
                .variableName("remittanceResolution").singleResult().getValue()).isEqualTo("ACKNOWLEDGE");
    }

    private ProcessInstance exceptionRaised(String claimNumber) {
        var variables = withVariables("remittanceExceptionId", EXCEPTION_ID);
        if (claimNumber != null) {
            variables.put("claimNumber", claimNumber);
        }
        return runtimeService().startProcessInstanceByKey("remittance-review", "RX-" + EXCEPTION_ID, variables);
    }
}
