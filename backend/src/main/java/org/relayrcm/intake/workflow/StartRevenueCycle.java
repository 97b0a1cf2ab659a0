package org.relayrcm.intake.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.relayrcm.intake.EncounterWorkflow;
import org.springframework.stereotype.Component;

/** Starts {@code revenue-cycle} with the encounter number as business key and only ids as variables. */
@Component
class StartRevenueCycle implements EncounterWorkflow {

    static final String PROCESS = "revenue-cycle";

    private final RuntimeService runtime;

    StartRevenueCycle(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(String encounterNumber, long encounterId, long codingCaseId) {
        runtime.startProcessInstanceByKey(PROCESS, encounterNumber,
                Map.of("encounterId", encounterId, "codingCaseId", codingCaseId));
    }
}
