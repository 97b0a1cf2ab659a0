package org.relayrcm.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.codesets.CodeSetSnapshot;
import org.relayrcm.codesets.CodeSets;
import org.relayrcm.codesets.CodeSystem;
import org.relayrcm.codesets.SharedCodeSetFiles;
import org.relayrcm.shared.ValidationError;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The coding edits on the real FY2026 order file, FY2017 tabular XML and HCPCS 2020 file. */
class CodeValidatorTest {

    private static final LocalDate FY2026 = LocalDate.of(2026, 3, 2);
    private static final LocalDate FY2017 = LocalDate.of(2017, 3, 2);
    private static final LocalDate AFTER_FY2026 = LocalDate.of(2026, 11, 2);

    private final CodeSets codeSets = mock(CodeSets.class);
    private final JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
    private final CodeValidator validator = new CodeValidator(codeSets, jdbc);

    @BeforeEach
    void codeSets() {
        CodeSetSnapshot fy2026 = SharedCodeSetFiles.snapshot(CodeSystem.ICD10CM, SharedCodeSetFiles.FY2026_ORDER);
        CodeSetSnapshot fy2017 = SharedCodeSetFiles.snapshot(CodeSystem.ICD10CM, SharedCodeSetFiles.FY2017_TABULAR);
        CodeSetSnapshot hcpcs = SharedCodeSetFiles.snapshot(CodeSystem.HCPCS, SharedCodeSetFiles.HCPCS_2020);
        when(codeSets.inForce(eq(CodeSystem.ICD10CM), any())).thenAnswer(a -> Optional.of(
                ((LocalDate) a.getArgument(1)).isBefore(LocalDate.of(2025, 10, 1)) ? fy2017 : fy2026));
        when(codeSets.inForce(eq(CodeSystem.HCPCS), any())).thenReturn(Optional.of(hcpcs));
        when(codeSets.inForce(eq(CodeSystem.CPT), any())).thenReturn(Optional.empty());
        when(codeSets.versionsListing(eq(CodeSystem.ICD10CM), anyString())).thenAnswer(a -> {
            String code = a.getArgument(1);
            List<org.relayrcm.codesets.CodeSetVersion> found = new ArrayList<>();
            if (fy2026.entry(code).isPresent()) {
                found.add(fy2026.version());
            }
            if (fy2017.entry(code).isPresent()) {
                found.add(fy2017.version());
            }
            return found;
        });
        when(jdbc.sql(anyString()).param(anyString(), any(Collection.class)).query(String.class).list())
                .thenReturn(List.of("G0008", "J1100"));
    }

    @Test
    void acceptsValidCodesWithoutFindings() {
        assertThat(validate(FY2026, List.of("E1121", "I10"), line("G0008", 1, List.of(1, 2)))).isEmpty();
    }

    @Test
    void rejectsHeaderCodeAndOffersItsBillableChildren() {
        ValidationError e = only(validate(FY2026, List.of("E112"), line("G0008", 1, List.of(1))), "CODING-DX-NOT-BILLABLE");
        assertThat(e.field()).isEqualTo("diagnoses[0].code");
        assertThat(e.message()).contains("E11.2 is a category header").contains("E11.21, E11.22, E11.29");
    }

    @Test
    void listsAtMostFiveChildren() {
        ValidationError e = only(validate(FY2026, List.of("E11"), line("G0008", 1, List.of(1))), "CODING-DX-NOT-BILLABLE");
        assertThat(e.message().split(", E").length).isEqualTo(5);
    }

    @Test
    void rejectsWhatIsNotAnIcd10cmCodeButAcceptsTheNewQa0Category() {
        assertThat(only(validate(FY2026, List.of("HELLO"), line("G0008", 1, List.of(1))), "CODING-DX-FORMAT").message())
                .contains("'HELLO' is not an ICD-10-CM code");
        assertThat(validate(FY2026, List.of("QA0"), line("G0008", 1, List.of(1)))).extracting(ValidationError::ruleId)
                .doesNotContain("CODING-DX-FORMAT");
    }

    @Test
    void rejectsUnknownCode() {
        assertThat(only(validate(FY2026, List.of("E1199"), line("G0008", 1, List.of(1))), "CODING-DX-UNKNOWN").message())
                .contains("E11.99 is not in the ICD-10-CM code set in force on 2026-03-02");
    }

    @Test
    void rejectsCodeNotValidOnTheDateOfService() {
        // E11.A (type 2 diabetes in remission) came in FY2025: unknown on a FY2017 date of service, known later.
        assertThat(only(validate(FY2017, List.of("E11A"), line("G0008", 1, List.of(1))), "CODING-DX-NOT-IN-FORCE").message())
                .contains("not valid on the date of service 2017-03-02");
    }

    @Test
    void asksForTheSeventhCharacter() {
        assertThat(only(validate(FY2026, List.of("S52521"), line("G0008", 1, List.of(1))), "CODING-DX-7TH-CHARACTER").message())
                .contains("needs a 7th character").contains("S52.521A");
    }

    @Test
    void asksForThePlaceholderX() {
        assertThat(only(validate(FY2026, List.of("T4011A"), line("G0008", 1, List.of(1))), "CODING-DX-7TH-CHARACTER").message())
                .contains("missing the placeholder X").contains("T40.1X1A");
    }

    @Test
    void rejectsExcludes1PairsOnOneEncounter() {
        // FY2017 tabular: E11 (type 2 diabetes) Excludes1 E08 (diabetes due to an underlying condition).
        ValidationError e = only(validate(FY2017, List.of("E119", "E0865"), line("G0008", 1, List.of(1))), "CODING-DX-EXCLUDES1");
        assertThat(e.field()).isEqualTo("diagnoses[1].code");
        assertThat(e.message()).contains("E11.9 and E08.65 may not be coded together");
    }

    @Test
    void acceptsPairsWithoutAnExcludes1Note() {
        assertThat(validate(FY2017, List.of("E119", "I10"), line("G0008", 1, List.of(1)))).isEmpty();
    }

    @Test
    void rejectsMoreThanTwelveDiagnoses() {
        List<String> dx = List.of("I10", "E119", "E785", "J069", "J029", "J209", "K219", "M1711", "N390", "R059", "R509", "R519", "Z23");
        assertThat(validate(FY2026, dx, line("G0008", 1, List.of(1)))).extracting(ValidationError::ruleId)
                .containsExactly("CODING-DX-MAX");
    }

    @Test
    void rejectsMoreThanFourPointersAndPointersToNoDiagnosis() {
        assertThat(validate(FY2026, List.of("I10", "E119", "E785", "J069", "J029"), line("G0008", 1, List.of(1, 2, 3, 4, 5))))
                .extracting(ValidationError::ruleId).containsExactly("CODING-PTR-COUNT");
        assertThat(validate(FY2026, List.of("I10"), line("G0008", 1, List.of(2))))
                .extracting(ValidationError::ruleId).containsExactly("CODING-PTR-RANGE");
    }

    @Test
    void rejectsBadModifiersAndUnits() {
        Codes codes = new Codes(List.of(new Codes.Diagnosis("I10", null)),
                List.of(new Codes.Procedure("G0008", List.of("R", "25"), 0, List.of(1))));
        assertThat(validator.validate(codes, FY2026)).extracting(ValidationError::ruleId)
                .containsExactlyInAnyOrder("CODING-MOD-FORMAT", "CODING-UNITS", "CODING-CODESET-PAST-END");
    }

    @Test
    void rejectsDuplicateLines() {
        Codes codes = new Codes(List.of(new Codes.Diagnosis("I10", null)),
                List.of(new Codes.Procedure("G0008", List.of(), 1, List.of(1)), new Codes.Procedure("G0008", List.of(), 1, List.of(1))));
        assertThat(only(validator.validate(codes, FY2026).stream()
                .filter(f -> f.severity() == ValidationError.Severity.ERROR).toList(), "CODING-PX-DUPLICATE").field())
                .isEqualTo("procedures[1].code");
    }

    @Test
    void rejectsAnHcpcsCodeTerminatedBeforeTheDateOfService() {
        // G0154 (skilled nursing visit) was terminated on 2016-02-29; the 2020 file still lists it.
        assertThat(validate(FY2026, List.of("I10"), line("G0154", 1, List.of(1)))).extracting(ValidationError::ruleId)
                .contains("CODING-PX-NOT-IN-FORCE");
    }

    @Test
    void warnsWhenTheNewestVersionIsUsedPastItsEndDate() {
        List<ValidationError> inFy2026 = withWarnings(FY2026, List.of("E1121"), line("G0008", 1, List.of(1)));
        assertThat(inFy2026).filteredOn(f -> f.field().equals("diagnoses")).isEmpty();
        List<ValidationError> findings = withWarnings(AFTER_FY2026, List.of("E1121"), line("G0008", 1, List.of(1)));
        assertThat(findings).extracting(ValidationError::ruleId).containsOnly("CODING-CODESET-PAST-END");
        assertThat(findings).allMatch(f -> f.severity() == ValidationError.Severity.WARNING);
        assertThat(findings).filteredOn(f -> f.field().equals("diagnoses")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("after the end (2026-09-30)"));
    }

    /** The errors; the HCPCS 2020 file used past its end gives every 2026 date a warning, tested on its own. */
    private List<ValidationError> validate(LocalDate dos, List<String> dx, Codes.Procedure line) {
        return withWarnings(dos, dx, line).stream().filter(f -> f.severity() == ValidationError.Severity.ERROR).toList();
    }

    private List<ValidationError> withWarnings(LocalDate dos, List<String> dx, Codes.Procedure line) {
        Codes codes = new Codes(dx.stream().map(c -> new Codes.Diagnosis(c, null)).toList(), List.of(line));
        return validator.validate(CodeValidator.normalize(codes), dos);
    }

    private static Codes.Procedure line(String code, int units, List<Integer> pointers) {
        return new Codes.Procedure(code, List.of(), units, pointers);
    }

    private static ValidationError only(List<ValidationError> findings, String ruleId) {
        assertThat(findings).extracting(ValidationError::ruleId).containsExactly(ruleId);
        return findings.get(0);
    }
}
