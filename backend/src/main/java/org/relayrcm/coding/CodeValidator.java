package org.relayrcm.coding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.relayrcm.codesets.CodeEntry;
import org.relayrcm.codesets.CodeSetSnapshot;
import org.relayrcm.codesets.CodeSetVersion;
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

    // A letter, a digit, then up to five characters; FY2026 added the first letter-letter category (QA0).
    private static final Pattern ICD10CM = Pattern.compile("[A-TV-Z]([0-9][0-9A-Z]|A[0-9])[0-9A-Z]{0,4}");
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
        LocalDate dos = dateOfService == null ? LocalDate.now() : dateOfService;
        List<ValidationError> errors = new ArrayList<>();
        validateDiagnoses(codes.diagnoses(), dos, errors);
        validateProcedures(codes.procedures(), codes.diagnoses().size(), dos, errors);
        return errors;
    }

    private void validateDiagnoses(List<Codes.Diagnosis> diagnoses, LocalDate dos, List<ValidationError> errors) {
        if (diagnoses.isEmpty()) {
            errors.add(ValidationError.error("CODING-DX-REQUIRED", "diagnoses", "Add at least one diagnosis."));
            return;
        }
        if (diagnoses.size() > MAX_DIAGNOSES) {
            errors.add(ValidationError.error("CODING-DX-MAX", "diagnoses",
                    "A professional claim carries at most " + MAX_DIAGNOSES + " diagnoses; this encounter has "
                            + diagnoses.size() + "."));
        }
        Optional<CodeSetSnapshot> snapshot = codeSets.inForce(CodeSystem.ICD10CM, dos);
        if (snapshot.isEmpty()) {
            errors.add(ValidationError.error("CODING-CODESET-MISSING", "diagnoses",
                    "No ICD-10-CM code set is in force on " + dos + ": ask an administrator to import that year's files."));
            return;
        }
        CodeSetSnapshot icd = snapshot.get();
        stale(icd, dos, "diagnoses", errors);
        Set<String> seen = new HashSet<>();
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < diagnoses.size(); i++) {
            String code = diagnoses.get(i).code();
            String field = "diagnoses[" + i + "].code";
            Optional<CodeEntry> entry = ICD10CM.matcher(code).matches() ? icd.entry(code) : Optional.empty();
            if (!ICD10CM.matcher(code).matches()) {
                errors.add(ValidationError.error("CODING-DX-FORMAT", field,
                        "'" + shorten(code) + "' is not an ICD-10-CM code (a letter, two characters, then up to four more)."));
            } else if (entry.isEmpty() || !icd.validOn(code, dos)) {
                unknownDiagnosis(icd, code, dos, field, errors);
            } else if (!entry.get().billable()) {
                headerDiagnosis(icd, code, dos, field, errors);
            } else if (!seen.add(code)) {
                errors.add(ValidationError.error("CODING-DX-DUPLICATE", field,
                        display(code) + " is listed twice; remove one."));
            } else {
                valid.add(i);
            }
        }
        for (int x = 0; x < valid.size(); x++) {
            for (int y = x + 1; y < valid.size(); y++) {
                String a = diagnoses.get(valid.get(x)).code();
                String b = diagnoses.get(valid.get(y)).code();
                if (icd.excludes(a, b) || icd.excludes(b, a)) {
                    errors.add(ValidationError.error("CODING-DX-EXCLUDES1", "diagnoses[" + valid.get(y) + "].code",
                            display(a) + " and " + display(b) + " may not be coded together (Excludes1): keep the one "
                                    + "the documentation supports."));
                }
            }
        }
    }

    private void unknownDiagnosis(CodeSetSnapshot icd, String code, LocalDate dos, String field,
            List<ValidationError> errors) {
        // Missing placeholder X: "T4011A" for T40.1X1A (same characters once the Xs are taken out).
        String bare = code.replace("X", "");
        List<CodeEntry> placeholder = icd.billableChildren(code.substring(0, 3), dos, Integer.MAX_VALUE).stream()
                .filter(c -> c.code().length() == 7 && c.code().contains("X") && c.code().replace("X", "").equals(bare))
                .limit(5).toList();
        if (!placeholder.isEmpty()) {
            errors.add(ValidationError.error("CODING-DX-7TH-CHARACTER", field, display(code)
                    + " is missing the placeholder X: use " + list(placeholder) + "."));
            return;
        }
        List<CodeSetVersion> elsewhere = codeSets.versionsListing(CodeSystem.ICD10CM, code).stream()
                .filter(v -> v.id() != icd.version().id()).toList();
        if (!elsewhere.isEmpty()) {
            errors.add(ValidationError.error("CODING-DX-NOT-IN-FORCE", field, display(code) + " is not valid on the date of service "
                    + dos + " (" + icd.version().label() + "); it is in " + elsewhere.get(0).label()
                    + ". Code it with a code valid on that date."));
            return;
        }
        errors.add(ValidationError.error("CODING-DX-UNKNOWN", field,
                display(code) + " is not in the ICD-10-CM code set in force on " + dos + " (" + icd.version().label() + ")."));
    }

    private static void headerDiagnosis(CodeSetSnapshot icd, String code, LocalDate dos, String field,
            List<ValidationError> errors) {
        List<CodeEntry> children = icd.billableChildren(code, dos, 5);
        boolean seventh = !children.isEmpty() && children.stream().allMatch(c -> c.code().length() == 7)
                && code.length() < 7 && icd.billableChildren(code, dos, Integer.MAX_VALUE).stream()
                        .allMatch(c -> c.code().length() == 7);
        if (seventh) {
            boolean needsX = children.stream().allMatch(c -> c.code().length() - code.length() > 1);
            errors.add(ValidationError.error("CODING-DX-7TH-CHARACTER", field, display(code) + " needs "
                    + (needsX ? "the placeholder X and " : "") + "a 7th character (encounter or sequela), e.g. "
                    + list(children) + "."));
            return;
        }
        errors.add(ValidationError.error("CODING-DX-NOT-BILLABLE", field,
                display(code) + " is a category header, not billable: code to the highest specificity"
                        + (children.isEmpty() ? "." : ", e.g. " + list(children) + ".")));
    }

    private void validateProcedures(List<Codes.Procedure> procedures, int diagnosisCount, LocalDate dos,
            List<ValidationError> errors) {
        if (procedures.isEmpty()) {
            errors.add(ValidationError.error("CODING-PX-REQUIRED", "procedures", "Add at least one procedure or service."));
            return;
        }
        List<String> codes = procedures.stream().map(Codes.Procedure::code).toList();
        Optional<CodeSetSnapshot> cpt = codeSets.inForce(CodeSystem.CPT, dos);
        Optional<CodeSetSnapshot> hcpcs = codeSets.inForce(CodeSystem.HCPCS, dos);
        Set<String> priced = priced(codes);
        Set<String> lines = new HashSet<>();
        boolean cptUsed = false;
        boolean hcpcsUsed = false;
        for (int i = 0; i < procedures.size(); i++) {
            Codes.Procedure p = procedures.get(i);
            String prefix = "procedures[" + i + "].";
            boolean isCpt = CPT.matcher(p.code()).matches();
            boolean isHcpcs = HCPCS.matcher(p.code()).matches();
            Optional<CodeSetSnapshot> set = isCpt ? cpt : hcpcs;
            cptUsed |= isCpt;
            hcpcsUsed |= isHcpcs;
            if (!isCpt && !isHcpcs) {
                errors.add(ValidationError.error("CODING-PX-FORMAT", prefix + "code",
                        "'" + shorten(p.code()) + "' is not a CPT or HCPCS code (five characters)."));
            } else if (set.isEmpty() || set.get().entry(p.code()).isEmpty()) {
                errors.add(ValidationError.error("CODING-PX-UNKNOWN", prefix + "code",
                        p.code() + " is not in the " + (isCpt ? "CPT" : "HCPCS") + " code set in force on " + dos + "."));
            } else if (!set.get().validOn(p.code(), dos)) {
                errors.add(ValidationError.error("CODING-PX-NOT-IN-FORCE", prefix + "code",
                        p.code() + " is not valid on the date of service " + dos + " (added later or terminated)."));
            } else if (!priced.contains(p.code())) {
                errors.add(ValidationError.error("CODING-PX-NO-CHARGE", prefix + "code",
                        p.code() + " has no price in the chargemaster; ask billing to add it."));
            }
            validateModifiers(p.modifiers(), prefix + "modifiers", errors);
            if (p.units() == null || p.units() < 1 || p.units() > 999) {
                errors.add(ValidationError.error("CODING-UNITS", prefix + "units", "Units must be 1 to 999."));
            }
            validatePointers(p.diagnosisPointers(), diagnosisCount, prefix + "diagnosisPointers", errors);
            String line = p.code() + "|" + new java.util.TreeSet<>(p.modifiers());
            if (!p.code().isEmpty() && !lines.add(line)) {
                errors.add(ValidationError.error("CODING-PX-DUPLICATE", prefix + "code", p.code()
                        + " is on two lines with the same modifiers: use one line with more units."));
            }
        }
        if (cptUsed) {
            cpt.ifPresent(s -> stale(s, dos, "procedures", errors));
        }
        if (hcpcsUsed) {
            hcpcs.ifPresent(s -> stale(s, dos, "procedures", errors));
        }
    }

    /** The newest version stays in force past its end date until a newer one is imported, with a warning. */
    private static void stale(CodeSetSnapshot set, LocalDate dos, String field, List<ValidationError> errors) {
        if (set.pastEndOn(dos)) {
            errors.add(ValidationError.warning("CODING-CODESET-PAST-END", field, "The date of service " + dos
                    + " is after the end (" + set.version().effectiveTo() + ") of the newest " + set.version().system()
                    + " code set (" + set.version().label() + "); codes were checked against it. Ask an administrator "
                    + "to import the newer release."));
        }
    }

    private static String display(String code) {
        return CodeSystem.ICD10CM.display(code);
    }

    private static String list(List<CodeEntry> entries) {
        return String.join(", ", entries.stream().map(e -> display(e.code())).toList());
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
