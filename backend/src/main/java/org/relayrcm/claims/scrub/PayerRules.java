package org.relayrcm.claims.scrub;

import java.util.List;

/**
 * The payers' own edits of one claim line, kept as a decision table outside this code (see
 * claims/workflow/DmnPayerRules). A port, so that the scrubber never touches the engine.
 */
public interface PayerRules {

    /** Every payer rule the line breaks; empty when it breaks none. */
    List<Hit> evaluate(Line line);

    /**
     * What a payer rule may look at: codes, the payer, and the patient's age and sex on the date of service.
     * No names or ids, because the engine keeps decision inputs in its history.
     */
    record Line(String payerCode, String filingIndicator, String claimType, String placeOfService,
            String procedureCode, List<String> modifiers, int units, Integer patientAge, String patientSex,
            List<String> diagnosisCodes, List<String> claimProcedureCodes) {
    }

    record Hit(String ruleId, ScrubFinding.Severity severity, String message, String fix) {
    }
}
