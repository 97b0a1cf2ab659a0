package org.relayrcm.claims.scrub;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.relayrcm.codesets.CodeSystem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Each line points at 1 to 4 of the claim's diagnoses, each once; the principal diagnosis is pointed at by
 * some line, or the payer sees a claim whose first diagnosis justifies nothing.
 */
@Component
@Order(50)
class DiagnosisPointerRule implements ScrubRule {

    static final int MAX_POINTERS = 4;

    @Override
    public List<ScrubFinding> check(ScrubbedClaim claim) {
        List<ScrubFinding> found = new ArrayList<>();
        int diagnoses = claim.diagnoses().size();
        for (ScrubbedClaim.Line line : claim.lines()) {
            List<Integer> pointers = line.diagnosisPointers();
            int n = line.lineNumber();
            if (pointers.isEmpty() || pointers.size() > MAX_POINTERS) {
                found.add(ScrubFinding.error("POINTER-COUNT", n, "Line " + n + " (" + line.procedureCode() + ") points at "
                        + pointers.size() + " diagnoses; a line points at 1 to " + MAX_POINTERS + ".",
                        "Point the line at the diagnoses that justify it, most important first, at most " + MAX_POINTERS + "."));
            }
            if (pointers.stream().anyMatch(p -> p < 1 || p > diagnoses)) {
                found.add(ScrubFinding.error("POINTER-RANGE", n, "Line " + n + " (" + line.procedureCode()
                        + ") points at a diagnosis the claim does not have (it has " + diagnoses + ").",
                        "Point the line at diagnoses 1 to " + diagnoses + ", or add the missing diagnosis."));
            }
            if (new HashSet<>(pointers).size() != pointers.size()) {
                found.add(ScrubFinding.error("POINTER-DUPLICATE", n, "Line " + n + " (" + line.procedureCode()
                        + ") points at the same diagnosis twice.", "Remove the repeated pointer."));
            }
        }
        if (diagnoses > 0 && !claim.lines().isEmpty()
                && claim.lines().stream().noneMatch(l -> l.diagnosisPointers().contains(1))) {
            found.add(ScrubFinding.error("POINTER-PRINCIPAL", "No line points at the principal diagnosis "
                    + CodeSystem.ICD10CM.display(claim.diagnoses().get(0)) + ".",
                    "Point the line it justifies at diagnosis 1, or reorder the diagnoses so the principal one is used."));
        }
        return found;
    }
}
