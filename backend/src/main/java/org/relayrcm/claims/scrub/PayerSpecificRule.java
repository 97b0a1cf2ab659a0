package org.relayrcm.claims.scrub;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Each line through the payers' own rules (the DMN table behind {@link PayerRules}). */
@Component
@Order(90)
class PayerSpecificRule implements ScrubRule {

    private final PayerRules payerRules;

    PayerSpecificRule(PayerRules payerRules) {
        this.payerRules = payerRules;
    }

    @Override
    public List<ScrubFinding> check(ScrubbedClaim claim) {
        if (claim.payer() == null) {
            return List.of(); // CoverageRule says so; payer rules need a payer.
        }
        List<String> claimProcedures = claim.lines().stream().map(ScrubbedClaim.Line::procedureCode).toList();
        Integer age = claim.patient().ageOn(claim.dateOfService());
        List<ScrubFinding> found = new ArrayList<>();
        for (ScrubbedClaim.Line line : claim.lines()) {
            List<String> diagnoses = line.diagnosisPointers().stream()
                    .filter(p -> p >= 1 && p <= claim.diagnoses().size())
                    .map(p -> claim.diagnoses().get(p - 1)).toList();
            PayerRules.Line input = new PayerRules.Line(claim.payer().payerCode(), claim.payer().claimFilingIndicator(),
                    claim.claimType(), claim.placeOfService(), line.procedureCode(), line.modifiers(), line.units(), age,
                    claim.patient().sex(), diagnoses, claimProcedures);
            for (PayerRules.Hit hit : payerRules.evaluate(input)) {
                found.add(new ScrubFinding(hit.ruleId(), hit.severity(), "Line " + line.lineNumber() + ": " + hit.message(),
                        hit.fix(), line.lineNumber()));
            }
        }
        return found;
    }
}
