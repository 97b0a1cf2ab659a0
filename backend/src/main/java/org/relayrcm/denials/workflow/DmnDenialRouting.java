package org.relayrcm.denials.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.relayrcm.denials.DenialRoute;
import org.relayrcm.denials.DenialRouting;
import org.springframework.stereotype.Component;

/**
 * The DMN table {@value #DECISION} (deployed with the BPMN models) evaluated by the engine's decision service.
 * Remark codes travel as ",M51,N382,": commas at both ends let the table's contains() match whole codes.
 */
@Component
class DmnDenialRouting implements DenialRouting {

    static final String DECISION = "denial-routing";

    private final DecisionService decisions;

    DmnDenialRouting(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Routed route(String groupCode, String reasonCode, List<String> remarkCodes) {
        Map<String, Object> row = decisions.evaluateDecisionTableByKey(DECISION)
                .variables(Variables.createVariables()
                        .putValue("groupCode", groupCode)
                        .putValue("reasonCode", reasonCode)
                        .putValue("remarkCodes", "," + String.join(",", remarkCodes) + ","))
                .evaluate().getSingleResult().getEntryMap();
        return new Routed(DenialRoute.valueOf((String) row.get("route")), (String) row.get("why"));
    }
}
