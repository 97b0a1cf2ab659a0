package org.relayrcm.claims.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relayrcm.claims.scrub.TestClaims.DOS;
import static org.relayrcm.claims.scrub.TestClaims.clean;
import static org.relayrcm.claims.scrub.TestClaims.line;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.relayrcm.claims.BillingProviderSettings;
import org.relayrcm.claims.scrub.ScrubFinding.Severity;

/** The rules that need nothing but the claim (and settings): each catches its defect and passes a clean claim. */
class ScrubRulesTest {

    private static final BillingProviderSettings PRACTICE = new BillingProviderSettings("Relay Family Medicine",
            "1234567893", "123456789", "207Q00000X", "100 Main Street", "Springfield", "IL", "627010001",
            "Billing Office", "2175550100");

    private static List<String> ruleIds(List<ScrubFinding> findings) {
        return findings.stream().map(ScrubFinding::ruleId).toList();
    }

    private static ScrubbedClaim.Patient patient(String first, String last, LocalDate birth, String sex, String line,
            String city, String state, String zip) {
        return new ScrubbedClaim.Patient(7L, first, last, birth, sex, line, city, state, zip);
    }

    @Test
    void passesACleanClaimThroughEveryPlainRule() {
        List<ScrubRule> rules = List.of(new DemographicsRule(), new CoverageRule(), new ProviderRule(PRACTICE),
                new DiagnosisPointerRule(), new InstitutionalRule(), new TimelyFilingRule(new ScrubSettings(30)));
        for (ScrubRule rule : rules) {
            assertThat(rule.check(clean())).as(rule.getClass().getSimpleName()).isEmpty();
        }
    }

    @Nested
    class Demographics {

        private final DemographicsRule rule = new DemographicsRule();

        @Test
        void requiresNameBirthDateSexAndAPlausibleAddress() {
            ScrubbedClaim claim = TestClaims.withPatient(clean(), patient(" ", null, null, null, null, "", "Illinois", "6270"));
            assertThat(ruleIds(rule.check(claim))).containsExactly("DEMOGRAPHICS-NAME", "DEMOGRAPHICS-BIRTH-DATE",
                    "DEMOGRAPHICS-SEX", "DEMOGRAPHICS-ADDRESS", "DEMOGRAPHICS-STATE", "DEMOGRAPHICS-ZIP");
            assertThat(rule.check(claim)).allMatch(f -> f.severity() == Severity.ERROR && f.lineNumber() == null);
        }

        @Test
        void refusesABirthDateAfterTheDateOfService() {
            ScrubbedClaim claim = TestClaims.withPatient(clean(),
                    patient("Ada", "Lovelace", DOS.plusDays(1), "F", "1 Way", "Springfield", "IL", "62701"));
            assertThat(ruleIds(rule.check(claim))).containsExactly("DEMOGRAPHICS-BIRTH-DATE");
        }

        @Test
        void warnsOfUnknownSexAndAcceptsZipPlusFour() {
            ScrubbedClaim claim = TestClaims.withPatient(clean(),
                    patient("Ada", "Lovelace", LocalDate.of(1970, 5, 1), "U", "1 Way", "Springfield", "IL", "627011234"));
            assertThat(rule.check(claim)).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("DEMOGRAPHICS-SEX");
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
            });
        }

        @Test
        void refusesAHyphenatedZipAndAnUnknownStateCode() {
            ScrubbedClaim claim = TestClaims.withPatient(clean(),
                    patient("Ada", "Lovelace", LocalDate.of(1970, 5, 1), "F", "1 Way", "Springfield", "XX", "62701-1234"));
            assertThat(ruleIds(rule.check(claim))).containsExactly("DEMOGRAPHICS-STATE", "DEMOGRAPHICS-ZIP");
        }

        @Test
        void neverPutsThePatientsNameInAFinding() {
            ScrubbedClaim claim = TestClaims.withPatient(clean(),
                    patient("Ada", "Lovelace", null, "U", "1 Way", "Springfield", "XX", "1"));
            assertThat(rule.check(claim)).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.message() + f.fix()).doesNotContain("Ada").doesNotContain("Lovelace"));
        }
    }

    @Nested
    class Coverage {

        private final CoverageRule rule = new CoverageRule();

        @Test
        void requiresCoverageAndAPayer() {
            assertThat(ruleIds(rule.check(TestClaims.withCoverage(clean(), null, null))))
                    .containsExactly("COVERAGE-PAYER", "COVERAGE-MISSING");
        }

        @Test
        void requiresAMemberId() {
            ScrubbedClaim claim = TestClaims.withCoverage(clean(), new ScrubbedClaim.Coverage(" ", "18", null, null, null, null),
                    clean().payer());
            assertThat(ruleIds(rule.check(claim))).containsExactly("COVERAGE-MEMBER-ID");
        }

        @Test
        void requiresTheSubscriberWhenThePatientIsNotTheSubscriber() {
            ScrubbedClaim spouse = TestClaims.withCoverage(clean(),
                    new ScrubbedClaim.Coverage("M1", "01", "John", "Doe", null, "M"), clean().payer());
            assertThat(rule.check(spouse)).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("COVERAGE-SUBSCRIBER");
                assertThat(f.message()).contains("relationship 01").doesNotContain("John");
            });
            ScrubbedClaim complete = TestClaims.withCoverage(clean(),
                    new ScrubbedClaim.Coverage("M1", "01", "John", "Doe", LocalDate.of(1968, 1, 2), "M"), clean().payer());
            assertThat(rule.check(complete)).isEmpty();
        }
    }

    @Nested
    class Providers {

        @Test
        void checksTheBillingProvidersNpiTaxIdAndTaxonomy() {
            BillingProviderSettings typo = new BillingProviderSettings("Relay", "1234567890", "12-3456789", null,
                    "1 Main", "Springfield", "IL", "62701", "Office", "2175550100");
            assertThat(ruleIds(new ProviderRule(typo).check(clean())))
                    .containsExactly("PROVIDER-BILLING-NPI", "PROVIDER-BILLING-TAX-ID", "PROVIDER-BILLING-TAXONOMY");
        }

        @Test
        void checksTheRenderingProviderWhenThereIsOne() {
            ProviderRule rule = new ProviderRule(PRACTICE);
            assertThat(rule.check(TestClaims.withRendering(clean(),
                    new ScrubbedClaim.Provider("1245319599", "1", "207Q00000X", null)))).isEmpty();
            assertThat(ruleIds(rule.check(TestClaims.withRendering(clean(),
                    new ScrubbedClaim.Provider("1245319598", "2", "", null)))))
                    .containsExactly("PROVIDER-RENDERING-NPI", "PROVIDER-RENDERING-ENTITY", "PROVIDER-RENDERING-TAXONOMY");
        }
    }

    @Nested
    class Pointers {

        private final DiagnosisPointerRule rule = new DiagnosisPointerRule();

        @Test
        void requiresOneToFourPointersPerLine() {
            ScrubbedClaim claim = TestClaims.withCodes(clean(), List.of("M1711", "I10"), List.of(
                    line(1, "99213", List.of("25"), List.of(1, 2)),
                    line(2, "20610", List.of("RT"), List.of())));
            assertThat(rule.check(claim)).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("POINTER-COUNT");
                assertThat(f.lineNumber()).isEqualTo(2);
            });
            ScrubbedClaim five = TestClaims.withCodes(clean(), List.of("M1711", "I10", "E119", "R51", "Z0000"),
                    List.of(line(1, "99213", List.of(), List.of(1, 2, 3, 4, 5))));
            assertThat(ruleIds(rule.check(five))).containsExactly("POINTER-COUNT");
        }

        @Test
        void refusesAPointerToADiagnosisTheClaimDoesNotHave() {
            ScrubbedClaim claim = TestClaims.withCodes(clean(), List.of("M1711", "I10"),
                    List.of(line(1, "20610", List.of("RT"), List.of(1, 3))));
            assertThat(rule.check(claim)).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("POINTER-RANGE");
                assertThat(f.lineNumber()).isEqualTo(1);
            });
        }

        @Test
        void refusesTheSamePointerTwiceOnALine() {
            ScrubbedClaim claim = TestClaims.withCodes(clean(), List.of("M1711", "I10"),
                    List.of(line(1, "20610", List.of("RT"), List.of(1, 1))));
            assertThat(ruleIds(rule.check(claim))).containsExactly("POINTER-DUPLICATE");
        }

        @Test
        void requiresSomeLineToPointAtThePrincipalDiagnosis() {
            ScrubbedClaim claim = TestClaims.withCodes(clean(), List.of("M1711", "I10"),
                    List.of(line(1, "99213", List.of(), List.of(2))));
            assertThat(rule.check(claim)).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("POINTER-PRINCIPAL");
                assertThat(f.message()).contains("M17.11");
                assertThat(f.lineNumber()).isNull();
            });
        }
    }

    @Nested
    class TimelyFiling {

        private final TimelyFilingRule rule = new TimelyFilingRule(new ScrubSettings(30));

        private ScrubbedClaim daysAfterService(long days) {
            return TestClaims.scrubbedOn(clean(), DOS.plusDays(days));
        }

        @Test
        void passesAClaimMoreThanThirtyDaysBeforeTheLimit() {
            assertThat(rule.check(daysAfterService(334))).isEmpty();
        }

        @Test
        void warnsWithinThirtyDaysOfTheLimit() {
            assertThat(rule.check(daysAfterService(335))).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("TIMELY-FILING-NEAR");
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.message()).contains(DOS.plusDays(365).toString());
            });
            assertThat(ruleIds(rule.check(daysAfterService(365)))).containsExactly("TIMELY-FILING-NEAR");
        }

        @Test
        void refusesAClaimPastThePayersLimit() {
            assertThat(rule.check(daysAfterService(366))).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("TIMELY-FILING");
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.message()).contains("365 days").contains("366 days old");
            });
        }

        @Test
        void countsAnInstitutionalStayFromDischarge() {
            ScrubbedClaim stay = TestClaims.scrubbedOn(TestClaims.withInstitutional(clean(),
                    new ScrubbedClaim.Institutional("11", "1", "1", "01", DOS.plusDays(20))), DOS.plusDays(380));
            assertThat(ruleIds(rule.check(stay))).containsExactly("TIMELY-FILING-NEAR");
            assertThat(ruleIds(rule.check(TestClaims.scrubbedOn(clean(), DOS.plusDays(380))))).containsExactly("TIMELY-FILING");
        }
    }

    @Nested
    class Institutional {

        private final InstitutionalRule rule = new InstitutionalRule();

        @Test
        void requiresFacilityAdmissionStatusAndRevenueCodes() {
            ScrubbedClaim claim = TestClaims.withInstitutional(clean(), new ScrubbedClaim.Institutional(null, "7", "", "1", null));
            assertThat(ruleIds(rule.check(claim))).containsExactly("INSTITUTIONAL-FACILITY-TYPE",
                    "INSTITUTIONAL-ADMISSION-TYPE", "INSTITUTIONAL-ADMISSION-SOURCE", "INSTITUTIONAL-PATIENT-STATUS",
                    "INSTITUTIONAL-ATTENDING", "INSTITUTIONAL-REVENUE-CODE", "INSTITUTIONAL-REVENUE-CODE");
        }

        @Test
        void passesACompleteInstitutionalClaim() {
            ScrubbedClaim claim = TestClaims.withCodes(TestClaims.withRendering(
                    TestClaims.withInstitutional(clean(), new ScrubbedClaim.Institutional("13", "3", "1", "01", null)),
                            new ScrubbedClaim.Provider("1609458272", "1", "207P00000X", null)),
                    List.of("M1711"), List.of(new ScrubbedClaim.Line(1, "20610", List.of("RT"), 1, List.of(1), "0510")));
            assertThat(rule.check(claim)).isEmpty();
        }
    }

    @Nested
    class PayerSpecific {

        @Test
        void asksThePayerRulesAboutEachLineWithItsOwnDiagnosesAndTheClaimsContext() {
            List<PayerRules.Line> asked = new ArrayList<>();
            PayerRules rules = line -> {
                asked.add(line);
                return line.procedureCode().equals("20610")
                        ? List.of(new PayerRules.Hit("PAYER-TEST", Severity.WARNING, "looks odd", "look again"))
                        : List.of();
            };
            List<ScrubFinding> found = new PayerSpecificRule(rules).check(clean());

            assertThat(asked).hasSize(2);
            PayerRules.Line injection = asked.get(1);
            assertThat(injection.payerCode()).isEqualTo("ITPAYER");
            assertThat(injection.filingIndicator()).isEqualTo("CI");
            assertThat(injection.procedureCode()).isEqualTo("20610");
            assertThat(injection.modifiers()).containsExactly("RT");
            assertThat(injection.diagnosisCodes()).containsExactly("M1711");
            assertThat(asked.get(0).diagnosisCodes()).containsExactly("M1711", "I10");
            assertThat(injection.claimProcedureCodes()).containsExactly("99213", "20610");
            assertThat(injection.patientAge()).isEqualTo(55);
            assertThat(injection.patientSex()).isEqualTo("F");
            assertThat(found).containsExactly(
                    new ScrubFinding("PAYER-TEST", Severity.WARNING, "Line 2: looks odd", "look again", 2));
        }

        @Test
        void asksNothingWithoutAPayer() {
            PayerRules rules = line -> {
                throw new AssertionError("asked without a payer");
            };
            assertThat(new PayerSpecificRule(rules).check(TestClaims.withCoverage(clean(), null, null))).isEmpty();
        }
    }

    @Test
    void reportsACleanClaimWhenOnlyWarningsWereFound() {
        assertThat(new ScrubReport("C1", List.of(ScrubFinding.warning("X", "m", "f"))).clean()).isTrue();
        assertThat(new ScrubReport("C1", List.of(ScrubFinding.warning("X", "m", "f"), ScrubFinding.error("Y", "m", "f")))
                .clean()).isFalse();
        assertThat(new ScrubReport("C1", List.of()).clean()).isTrue();
    }
}
