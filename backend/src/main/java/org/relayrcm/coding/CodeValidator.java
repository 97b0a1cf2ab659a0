package org.relayrcm.coding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.relayrcm.codesets.CodeEntry;
import org.relayrcm.codesets.CodeSets;
import org.relayrcm.codesets.CodeSystem;
import org.relayrcm.shared.ValidationError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The edits a coder's codes must pass before they become a claim. Each finding names its rule and the
 * field, and says what to do about it.
 */
@Component
class CodeValidator {

    static final int MAX_DIAGNOSES = 12;
    static final int MAX_POINTERS = 4;
    static final int MAX_MODIFIERS = 4;

    private static final Pattern ICD10CM = Pattern.compile("[A-TV-Z][0-9][0-9A-Z][0-9A-Z]{0,4}");
    private static final Pattern CPT = Pattern.compile("[0-9]{4}[0-9FTU]");
    private static final Pattern HCPCS = Pattern.compile("[A-V][0-9]{4}");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");

    private final CodeSets codeSets;
    private final JdbcClient jdbc;

    CodeValidator(CodeSets codeSets, JdbcClient jdbc) {
        this.codeSets = codeSets;
        this.jdbc = jdbc;
    }

    /** Upper-cases codes, drops the ICD-10-CM dot and blank modifiers: how coders type is not an error. */
    static Codes normalize(Codes codes) {
        List<Codes.Diagnosis> dx = codes.diagnoses().stream()
                .map(d -> new Codes.Diagnosis(clean(d == null ? null : d.code()).replace(".", ""), null))
                .toList();
        List<Codes.Procedure> px = codes.procedures().stream()
                .map(p -> p == null ? new Codes.Procedure("", List.of(), null, List.of()) : new Codes.Procedure(
                        clean(p.code()),
                        p.modifiers() == null ? List.of() : p.modifiers().stream().map(CodeValidator::clean)
                                .filter(m -> !m.isEmpty()).toList(),
                        p.units(),
                        p.diagnosisPointers() == null ? List.of() : p.diagnosisPointers()))
                .toList();
        return new Codes(dx, px);
    }

    /** Validates against the code set versions in force on the date of service. */
    List<ValidationError> validate(Codes codes, java.time.LocalDate dateOfService) {
        List<ValidationError> errors = new ArrayList<>();
        validateDiagnoses(codes.diagnoses(), errors);
        validateProcedures(codes.procedures(), codes.diagnoses().size(), errors);
        return errors;
    }

    private void validateDiagnoses(List<Codes.Diagnosis> diagnoses, List<ValidationError> errors) {
        if (diagnoses.isEmpty()) {
            errors.add(ValidationError.error("CODING-DX-REQUIRED", "diagnoses", "Add at least one diagnosis."));
            return;
        }
        if (diagnoses.size() > MAX_DIAGNOSES) {
            errors.add(ValidationError.error("CODING-DX-MAX", "diagnoses",
                    "A professional claim carries at most " + MAX_DIAGNOSES + " diagnoses."));
        }
        Map<String, CodeEntry> known = codeSets.find(CodeSystem.ICD10CM,
                diagnoses.stream().map(Codes.Diagnosis::code).toList());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < diagnoses.size(); i++) {
            String code = diagnoses.get(i).code();
            String field = "diagnoses[" + i + "].code";
            if (!ICD10CM.matcher(code).matches()) {
                errors.add(ValidationError.error("CODING-DX-FORMAT", field,
                        "'" + shorten(code) + "' is not an ICD-10-CM code (a letter, two characters, then up to four more)."));
            } else if (!known.containsKey(code)) {
                errors.add(ValidationError.error("CODING-DX-UNKNOWN", field,
                        code + " is not in the ICD-10-CM code set in force."));
            } else if (!known.get(code).billable()) {
                errors.add(ValidationError.error("CODING-DX-NOT-BILLABLE", field,
                        code + " is a category header, not billable: code to the highest specificity."));
            } else if (!seen.add(code)) {
                errors.add(ValidationError.error("CODING-DX-DUPLICATE", field, code + " is listed twice."));
            }
        }
    }

    private void validateProcedures(List<Codes.Procedure> procedures, int diagnosisCount, List<ValidationError> errors) {
        if (procedures.isEmpty()) {
            errors.add(ValidationError.error("CODING-PX-REQUIRED", "procedures", "Add at least one procedure or service."));
            return;
        }
        List<String> codes = procedures.stream().map(Codes.Procedure::code).toList();
        Map<String, CodeEntry> cpt = codeSets.find(CodeSystem.CPT, codes);
        Map<String, CodeEntry> hcpcs = codeSets.find(CodeSystem.HCPCS, codes);
        Set<String> priced = priced(codes);
        for (int i = 0; i < procedures.size(); i++) {
            Codes.Procedure p = procedures.get(i);
            String prefix = "procedures[" + i + "].";
            boolean isCpt = CPT.matcher(p.code()).matches();
            boolean isHcpcs = HCPCS.matcher(p.code()).matches();
            if (!isCpt && !isHcpcs) {
                errors.add(ValidationError.error("CODING-PX-FORMAT", prefix + "code",
                        "'" + shorten(p.code()) + "' is not a CPT or HCPCS code (five characters)."));
            } else if (!(isCpt ? cpt : hcpcs).containsKey(p.code())) {
                errors.add(ValidationError.error("CODING-PX-UNKNOWN", prefix + "code",
                        p.code() + " is not in the " + (isCpt ? "CPT" : "HCPCS") + " code set in force."));
            } else if (!priced.contains(p.code())) {
                errors.add(ValidationError.error("CODING-PX-NO-CHARGE", prefix + "code",
                        p.code() + " has no price in the chargemaster; ask billing to add it."));
            }
            validateModifiers(p.modifiers(), prefix + "modifiers", errors);
            if (p.units() == null || p.units() < 1 || p.units() > 999) {
                errors.add(ValidationError.error("CODING-UNITS", prefix + "units", "Units must be 1 to 999."));
            }
            validatePointers(p.diagnosisPointers(), diagnosisCount, prefix + "diagnosisPointers", errors);
        }
    }

    private static void validateModifiers(List<String> modifiers, String field, List<ValidationError> errors) {
        if (modifiers.size() > MAX_MODIFIERS) {
            errors.add(ValidationError.error("CODING-MOD-MAX", field, "At most " + MAX_MODIFIERS + " modifiers per line."));
        }
        for (String m : modifiers) {
            if (!MODIFIER.matcher(m).matches()) {
                errors.add(ValidationError.error("CODING-MOD-FORMAT", field,
                        "'" + shorten(m) + "' is not a modifier (two letters or digits)."));
            }
        }
        if (new HashSet<>(modifiers).size() != modifiers.size()) {
            errors.add(ValidationError.error("CODING-MOD-DUPLICATE", field, "A modifier is listed twice."));
        }
    }

    private static void validatePointers(List<Integer> pointers, int diagnosisCount, String field,
            List<ValidationError> errors) {
        if (pointers.isEmpty() || pointers.size() > MAX_POINTERS) {
            errors.add(ValidationError.error("CODING-PTR-COUNT", field,
                    "Point each line at 1 to " + MAX_POINTERS + " diagnoses."));
            return;
        }
        if (pointers.stream().anyMatch(p -> p == null || p < 1 || p > diagnosisCount)) {
            errors.add(ValidationError.error("CODING-PTR-RANGE", field,
                    "Diagnosis pointers must be between 1 and " + diagnosisCount + "."));
        } else if (new HashSet<>(pointers).size() != pointers.size()) {
            errors.add(ValidationError.error("CODING-PTR-DUPLICATE", field, "A diagnosis pointer is listed twice."));
        }
    }

    private Set<String> priced(List<String> codes) {
        List<String> valid = codes.stream().filter(Objects::nonNull).filter(c -> !c.isEmpty()).toList();
        if (valid.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT DISTINCT procedure_code FROM fee_schedule WHERE procedure_code IN (:codes)")
                .param("codes", valid).query(String.class).list());
    }

    private static String clean(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    private static String shorten(String s) {
        return s.length() > 12 ? s.substring(0, 12) + "…" : s;
    }
}
