package org.relayrcm.claims.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.relayrcm.claims.scrub.PayerRules;
import org.relayrcm.claims.scrub.ScrubFinding;
import org.springframework.stereotype.Component;

/**
 * The payers' rules as the DMN table {@value #DECISION} (processes/src/main/resources/dmn, deployed with the
 * BPMN models), evaluated by the engine's decision service once per claim line. Lists travel as
 * comma-separated strings, the form the table's FEEL cells test with {@code contains}.
 */
@Component
class DmnPayerRules implements PayerRules {

    static final String DECISION = "payer-claim-rules";

    private final DecisionService decisions;

    DmnPayerRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public List<Hit> evaluate(Line line) {
        VariableMap variables = Variables.createVariables()
                .putValue("payerCode", line.payerCode())
                .putValue("filingIndicator", line.filingIndicator())
                .putValue("claimType", line.claimType())
                .putValue("placeOfService", line.placeOfService())
                .putValue("procedureCode", line.procedureCode())
                .putValue("modifiers", String.join(",", line.modifiers()))
                .putValue("units", line.units())
                .putValue("patientAge", line.patientAge())
                .putValue("patientSex", line.patientSex())
                .putValue("diagnosisCodes", String.join(",", line.diagnosisCodes()))
                .putValue("claimProcedureCodes", String.join(",", line.claimProcedureCodes()));
        return decisions.evaluateDecisionTableByKey(DECISION).variables(variables).evaluate().getResultList().stream()
                .map(DmnPayerRules::hit)
                .toList();
    }

    private static Hit hit(Map<String, Object> row) {
        return new Hit((String) row.get("ruleId"), ScrubFinding.Severity.valueOf((String) row.get("severity")),
                (String) row.get("message"), (String) row.get("fix"));
    }
}
