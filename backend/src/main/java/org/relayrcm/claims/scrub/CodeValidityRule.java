package org.relayrcm.claims.scrub;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.relayrcm.codesets.CodeEntry;
import org.relayrcm.codesets.CodeSetSnapshot;
import org.relayrcm.codesets.CodeSets;
import org.relayrcm.codesets.CodeSystem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The codes as the claim carries them, checked again against the code set versions in force on the date of
 * service: a claim can sit for weeks after coding, be corrected by hand, or be built before a new release
 * was imported. Diagnoses must be billable ICD-10-CM codes that do not exclude each other, procedures known
 * CPT or HCPCS codes valid on that date, modifiers well formed and known. (coding's CodeValidator is
 * package-private to coding and checks a coder's input, so these checks read the code sets directly.)
 */
@Component
@Order(40)
class CodeValidityRule implements ScrubRule {

    static final int MAX_MODIFIERS = 4;

    private static final Pattern CPT = Pattern.compile("[0-9]{4}[0-9FTU]");
    private static final Pattern HCPCS = Pattern.compile("[A-V][0-9]{4}");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");

    private final CodeSets codeSets;

    CodeValidityRule(CodeSets codeSets) {
        this.codeSets = codeSets;
    }

    @Override
    public List<ScrubFinding> check(ScrubbedClaim claim) {
        List<ScrubFinding> found = new ArrayList<>();
        LocalDate dos = claim.dateOfService();
        checkDiagnoses(claim.diagnoses(), dos, found);
        if (claim.lines().isEmpty()) {
            found.add(ScrubFinding.error("CODE-LINES-MISSING", "The claim has no service lines.",
                    "Send the encounter back to coding: the claim needs at least one procedure."));
        }
        Optional<CodeSetSnapshot> cpt = codeSets.inForce(CodeSystem.CPT, dos);
        Optional<CodeSetSnapshot> hcpcs = codeSets.inForce(CodeSystem.HCPCS, dos);
        for (ScrubbedClaim.Line line : claim.lines()) {
            checkProcedure(line, CPT.matcher(line.procedureCode()).matches() ? cpt : hcpcs, dos, found);
            checkModifiers(line, found);
        }
        // A missing CPT or HCPCS code set is found once per line; say it once.
        return found.stream().distinct().toList();
    }

    private void checkDiagnoses(List<String> diagnoses, LocalDate dos, List<ScrubFinding> found) {
        if (diagnoses.isEmpty()) {
            found.add(ScrubFinding.error("CODE-DIAGNOSIS-MISSING", "The claim has no diagnosis.",
                    "Send the encounter back to coding: the claim needs at least one diagnosis."));
            return;
        }
        Optional<CodeSetSnapshot> icd = codeSets.inForce(CodeSystem.ICD10CM, dos);
        if (icd.isEmpty()) {
            found.add(codeSetMissing(CodeSystem.ICD10CM, dos));
            return;
        }
        List<String> billable = new ArrayList<>();
        for (String code : diagnoses) {
            String shown = CodeSystem.ICD10CM.display(code);
            Optional<CodeEntry> entry = icd.get().entry(code);
            if (entry.isEmpty() || !icd.get().validOn(code, dos)) {
                found.add(ScrubFinding.error("CODE-DIAGNOSIS-UNKNOWN", shown + " is not in the ICD-10-CM code set in force on "
                        + dos + " (" + icd.get().version().label() + ").",
                        "Recode the diagnosis with a code valid on the date of service."));
            } else if (!entry.get().billable()) {
                List<CodeEntry> children = icd.get().billableChildren(code, dos, 3);
                found.add(ScrubFinding.error("CODE-DIAGNOSIS-NOT-BILLABLE", shown
                        + " is a category, not a billable code.", "Recode to the highest specificity"
                                + (children.isEmpty() ? "." : ", e.g. " + String.join(", ",
                                        children.stream().map(c -> CodeSystem.ICD10CM.display(c.code())).toList()) + ".")));
            } else {
                billable.add(code);
            }
        }
        checkExcludes1(icd.get(), billable, found);
    }

    /** Excludes1 pairs: the payer denies a claim that codes both. */
    private static void checkExcludes1(CodeSetSnapshot icd, List<String> codes, List<ScrubFinding> found) {
        for (int x = 0; x < codes.size(); x++) {
            for (int y = x + 1; y < codes.size(); y++) {
                String a = codes.get(x);
                String b = codes.get(y);
                if (icd.excludes(a, b) || icd.excludes(b, a)) {
                    found.add(ScrubFinding.error("CODE-DIAGNOSIS-EXCLUDES1", CodeSystem.ICD10CM.display(a) + " and "
                            + CodeSystem.ICD10CM.display(b) + " may not be coded together (Excludes1).",
                            "Keep the diagnosis the documentation supports and remove the other."));
                }
            }
        }
    }

    private void checkProcedure(ScrubbedClaim.Line line, Optional<CodeSetSnapshot> set, LocalDate dos,
            List<ScrubFinding> found) {
        String code = line.procedureCode();
        boolean cpt = CPT.matcher(code).matches();
        if (!cpt && !HCPCS.matcher(code).matches()) {
            found.add(ScrubFinding.error("CODE-PROCEDURE-UNKNOWN", line.lineNumber(), "Line " + line.lineNumber() + ": '"
                    + code + "' is not a CPT or HCPCS code.", "Recode the service with a CPT or HCPCS code."));
        } else if (set.isEmpty()) {
            found.add(codeSetMissing(cpt ? CodeSystem.CPT : CodeSystem.HCPCS, dos));
        } else if (set.get().entry(code).isEmpty() || !set.get().validOn(code, dos)) {
            found.add(ScrubFinding.error("CODE-PROCEDURE-UNKNOWN", line.lineNumber(), "Line " + line.lineNumber() + ": "
                    + code + " is not a " + (cpt ? "CPT" : "HCPCS") + " code valid on " + dos + " ("
                    + set.get().version().label() + ").",
                    "Recode the service with a code valid on the date of service (it may be new or terminated)."));
        }
    }

    private static void checkModifiers(ScrubbedClaim.Line line, List<ScrubFinding> found) {
        int n = line.lineNumber();
        List<String> modifiers = line.modifiers();
        if (modifiers.size() > MAX_MODIFIERS) {
            found.add(ScrubFinding.error("CODE-MODIFIER-COUNT", n, "Line " + n + " has " + modifiers.size()
                    + " modifiers; a line carries at most " + MAX_MODIFIERS + ".",
                    "Keep the modifiers that change payment first, at most " + MAX_MODIFIERS + "."));
        }
        if (new HashSet<>(modifiers).size() != modifiers.size()) {
            found.add(ScrubFinding.error("CODE-MODIFIER-DUPLICATE", n, "Line " + n + " lists a modifier twice.",
                    "Remove the repeated modifier."));
        }
        for (String m : modifiers) {
            if (!MODIFIER.matcher(m).matches()) {
                found.add(ScrubFinding.error("CODE-MODIFIER-INVALID", n, "Line " + n + ": '" + m
                        + "' is not a modifier (two letters or digits).", "Correct or remove the modifier."));
            } else if (!KnownModifiers.ALL.contains(m)) {
                found.add(ScrubFinding.warning("CODE-MODIFIER-UNKNOWN", n, "Line " + n + ": modifier " + m
                        + " is not one Relay knows.", "Check the modifier against the CPT and HCPCS modifier lists."));
            }
        }
    }

    private static ScrubFinding codeSetMissing(CodeSystem system, LocalDate dos) {
        return ScrubFinding.error("CODE-CODESET-MISSING", "No " + system + " code set is in force on " + dos
                + ", so the claim's codes cannot be checked.",
                "Ask an administrator to import the " + system + " release for that date.");
    }
}
