package org.relayrcm.claims.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.claims.scrub.ScrubFinding.Severity;
import org.relayrcm.codesets.CodeSetFiles.ParsedCode;
import org.relayrcm.codesets.CodeSetFiles.ParsedCodeSet;
import org.relayrcm.codesets.CodeSetFiles.ParsedExclusion;
import org.relayrcm.codesets.CodeSetSnapshot;
import org.relayrcm.codesets.CodeSetVersion;
import org.relayrcm.codesets.CodeSets;
import org.relayrcm.codesets.CodeSystem;

/** The code checks against small in-memory code sets in force on the date of service. */
class ScrubCodeValidityTest {

    private final CodeSets codeSets = mock(CodeSets.class);
    private final CodeValidityRule rule = new CodeValidityRule(codeSets);

    private static CodeSetSnapshot snapshot(CodeSystem system, List<ParsedCode> codes, List<ParsedExclusion> exclusions) {
        CodeSetVersion version = new CodeSetVersion(system.ordinal() + 1, system, system + " test", "test", "sha",
                LocalDate.of(2025, 10, 1), LocalDate.of(2026, 9, 30), false, codes.size(), codes.size(), exclusions.size(),
                OffsetDateTime.now(), "test");
        return CodeSetSnapshot.of(version, new ParsedCodeSet(system + " test", "test", version.effectiveFrom(),
                version.effectiveTo(), codes, exclusions));
    }

    private static ParsedCode code(String code, boolean billable) {
        return new ParsedCode(code, "title of " + code, billable, null, null);
    }

    @BeforeEach
    void codeSetsInForce() {
        when(codeSets.inForce(eq(CodeSystem.ICD10CM), any())).thenReturn(Optional.of(snapshot(CodeSystem.ICD10CM,
                List.of(code("M17", false), code("M171", false), code("M1711", true), code("I10", true),
                        code("E109", true), code("E119", true)),
                List.of(new ParsedExclusion("E11", "E10", "E10")))));
        when(codeSets.inForce(eq(CodeSystem.CPT), any())).thenReturn(Optional.of(snapshot(CodeSystem.CPT,
                List.of(code("99213", true), code("20610", true)), List.of())));
        when(codeSets.inForce(eq(CodeSystem.HCPCS), any())).thenReturn(Optional.of(snapshot(CodeSystem.HCPCS,
                List.of(new ParsedCode("G0008", "flu shot administration", true, null, LocalDate.of(2025, 12, 31))),
                List.of())));
    }

    private static List<String> ruleIds(List<ScrubFinding> findings) {
        return findings.stream().map(ScrubFinding::ruleId).toList();
    }

    @Test
    void passesBillableCodesAndKnownModifiers() {
        assertThat(rule.check(TestClaims.clean())).isEmpty();
    }

    @Test
    void refusesUnknownAndCategoryDiagnoses() {
        ScrubbedClaim claim = TestClaims.withCodes(TestClaims.clean(), List.of("M17", "Q999"),
                List.of(TestClaims.line(1, "99213", List.of(), List.of(1, 2))));
        List<ScrubFinding> found = rule.check(claim);
        assertThat(ruleIds(found)).containsExactly("CODE-DIAGNOSIS-NOT-BILLABLE", "CODE-DIAGNOSIS-UNKNOWN");
        assertThat(found.get(0).fix()).contains("M17.11");
        assertThat(found.get(1).message()).startsWith("Q99.9 is not in the ICD-10-CM code set");
    }

    @Test
    void refusesDiagnosesThatExcludeEachOther() {
        ScrubbedClaim claim = TestClaims.withCodes(TestClaims.clean(), List.of("E119", "E109"),
                List.of(TestClaims.line(1, "99213", List.of(), List.of(1, 2))));
        assertThat(rule.check(claim)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CODE-DIAGNOSIS-EXCLUDES1");
            assertThat(f.message()).startsWith("E11.9 and E10.9");
        });
    }

    @Test
    void refusesAProcedureUnknownOrNotValidOnTheDateOfService() {
        ScrubbedClaim claim = TestClaims.withCodes(TestClaims.clean(), List.of("M1711"), List.of(
                TestClaims.line(1, "99999", List.of(), List.of(1)),
                TestClaims.line(2, "G0008", List.of(), List.of(1)),
                TestClaims.line(3, "ABC", List.of(), List.of(1))));
        assertThat(rule.check(claim)).extracting(ScrubFinding::ruleId, ScrubFinding::lineNumber).containsExactly(
                tuple("CODE-PROCEDURE-UNKNOWN", 1),
                tuple("CODE-PROCEDURE-UNKNOWN", 2),
                tuple("CODE-PROCEDURE-UNKNOWN", 3));
        ScrubbedClaim beforeTermination = TestClaims.withCodes(TestClaims.clean(), List.of("M1711"),
                List.of(TestClaims.line(1, "G0008", List.of(), List.of(1))));
        assertThat(rule.check(withDateOfService(beforeTermination, LocalDate.of(2025, 11, 3)))).isEmpty();
    }

    @Test
    void checksModifiersFormCountRepeatsAndWhetherTheyAreKnown() {
        ScrubbedClaim claim = TestClaims.withCodes(TestClaims.clean(), List.of("M1711"), List.of(
                TestClaims.line(1, "20610", List.of("RT", "RT", "5", "59", "ZQ"), List.of(1))));
        List<ScrubFinding> found = rule.check(claim);
        assertThat(ruleIds(found)).containsExactly("CODE-MODIFIER-COUNT", "CODE-MODIFIER-DUPLICATE",
                "CODE-MODIFIER-INVALID", "CODE-MODIFIER-UNKNOWN");
        assertThat(found.get(3).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void saysOnceThatACodeSetIsMissing() {
        when(codeSets.inForce(eq(CodeSystem.CPT), any())).thenReturn(Optional.empty());
        ScrubbedClaim claim = TestClaims.withCodes(TestClaims.clean(), List.of("M1711"), List.of(
                TestClaims.line(1, "99213", List.of(), List.of(1)), TestClaims.line(2, "20610", List.of("RT"), List.of(1))));
        assertThat(ruleIds(rule.check(claim))).containsExactly("CODE-CODESET-MISSING");
    }

    @Test
    void requiresADiagnosisAndALine() {
        ScrubbedClaim empty = TestClaims.withCodes(TestClaims.clean(), List.of(), List.of());
        assertThat(ruleIds(rule.check(empty))).containsExactly("CODE-DIAGNOSIS-MISSING", "CODE-LINES-MISSING");
    }

    private static ScrubbedClaim withDateOfService(ScrubbedClaim c, LocalDate dos) {
        return new ScrubbedClaim(c.id(), c.claimNumber(), c.claimType(), c.frequencyCode(), dos, c.placeOfService(),
                c.patient(), c.coverage(), c.payer(), c.renderingProvider(), c.institutional(), c.diagnoses(), c.lines(),
                c.today());
    }
}
