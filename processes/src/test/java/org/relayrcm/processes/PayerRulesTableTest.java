package org.relayrcm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per row of dmn/payer-claim-rules.dmn, on the in-memory DMN engine (the same FEEL engine the
 * process engine uses). Each test starts from a line that fires nothing and changes only what makes its
 * row fire, then asserts that exactly that row fired and what it says; {@link #everyRowOfTheTableHasATest}
 * fails when a row is added without one.
 */
class PayerRulesTableTest {

    private static final String RESOURCE = "dmn/payer-claim-rules.dmn";
    private static final String DECISION = "payer-claim-rules";

    /** Names the table row a test makes fire; the coverage test reads these. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Row {
        String value();
    }

    private record Fired(String row, Map<String, Object> outputs) {
        String ruleId() {
            return (String) outputs.get("ruleId");
        }

        String severity() {
            return (String) outputs.get("severity");
        }

        String message() {
            return (String) outputs.get("message");
        }

        String fix() {
            return (String) outputs.get("fix");
        }
    }

    private static final List<List<String>> matchedRows = new ArrayList<>();
    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheTable() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(event -> record(event)))
                .buildEngine();
        try (InputStream in = resource()) {
            decision = engine.parseDecision(DECISION, in);
        }
    }

    private static void record(DmnDecisionTableEvaluationEvent event) {
        matchedRows.add(event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList());
    }

    /** A line of a commercial professional claim that no row objects to. */
    private static Map<String, Object> cleanLine() {
        Map<String, Object> line = new HashMap<>();
        line.put("payerCode", "ITPAYER");
        line.put("filingIndicator", "CI");
        line.put("claimType", "PROFESSIONAL");
        line.put("placeOfService", "11");
        line.put("procedureCode", "99213");
        line.put("modifiers", "");
        line.put("units", 1);
        line.put("patientAge", 45);
        line.put("patientSex", "F");
        line.put("diagnosisCodes", "I10");
        line.put("claimProcedureCodes", "99213");
        return line;
    }

    private static Map<String, Object> line(Object... changes) {
        Map<String, Object> line = cleanLine();
        for (int i = 0; i < changes.length; i += 2) {
            line.put((String) changes[i], changes[i + 1]);
        }
        return line;
    }

    private static List<Fired> fire(Map<String, Object> line) {
        int before = matchedRows.size();
        List<Map<String, Object>> outputs = engine.evaluateDecisionTable(decision, line).getResultList();
        List<String> rows = matchedRows.get(before);
        assertThat(rows).hasSameSizeAs(outputs);
        List<Fired> fired = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            fired.add(new Fired(rows.get(i), outputs.get(i)));
        }
        return fired;
    }

    /** Exactly the row under test fired, with a rule id, a severity and words a biller can act on. */
    private static Fired firesOnly(String row, Map<String, Object> line) {
        List<Fired> fired = fire(line);
        assertThat(fired).extracting(Fired::row).as("rows fired for " + line).containsExactly(row);
        Fired hit = fired.get(0);
        assertThat(hit.ruleId()).startsWith("PAYER-");
        assertThat(hit.severity()).isIn("ERROR", "WARNING");
        assertThat(hit.message()).isNotBlank();
        assertThat(hit.fix()).isNotBlank();
        return hit;
    }

    private static void firesNothing(Map<String, Object> line) {
        assertThat(fire(line)).as("rows fired for " + line).isEmpty();
    }

    @Test
    void firesNothingForACleanLine() {
        firesNothing(cleanLine());
        firesNothing(line("procedureCode", "20610", "modifiers", "RT", "claimProcedureCodes", "99213,20610"));
        firesNothing(line("procedureCode", "99213", "modifiers", "25", "claimProcedureCodes", "99213,20610"));
        firesNothing(line("procedureCode", "90686", "claimProcedureCodes", "90686,90471"));
    }

    @Test
    void firesNothingWhenTheAgeIsUnknown() {
        firesNothing(line("procedureCode", "99385", "patientAge", null));
    }

    @Test
    @Row("Row_LateralityMissing")
    void requiresALateralityModifierOnSideSpecificCodes() {
        for (String code : List.of("73560", "73562", "20610", "29881", "27447")) {
            Fired hit = firesOnly("Row_LateralityMissing", line("procedureCode", code, "placeOfService", "22",
                    "modifiers", "59"));
            assertThat(hit.ruleId()).isEqualTo("PAYER-LATERALITY");
            assertThat(hit.severity()).isEqualTo("ERROR");
            assertThat(hit.message()).startsWith(code + " needs a laterality modifier");
        }
        firesNothing(line("procedureCode", "73560", "modifiers", "LT"));
        firesNothing(line("procedureCode", "73562", "modifiers", "59,50"));
    }

    @Test
    @Row("Row_OfficeVisitUnits")
    void refusesAnOfficeVisitOfMoreThanOneUnit() {
        Fired hit = firesOnly("Row_OfficeVisitUnits", line("procedureCode", "99214", "units", 2));
        assertThat(hit.ruleId()).isEqualTo("PAYER-EM-UNITS");
        assertThat(hit.severity()).isEqualTo("ERROR");
        assertThat(hit.message()).isEqualTo("Office visit 99214 is billed with 2 units; a visit is one unit per day.");
    }

    @Test
    @Row("Row_TelehealthModifierLakeside")
    void requiresModifier95OrGtOnLakesideTelehealth() {
        Fired hit = firesOnly("Row_TelehealthModifierLakeside", line("payerCode", "LHP01", "placeOfService", "10"));
        assertThat(hit.ruleId()).isEqualTo("PAYER-TELEHEALTH-MODIFIER");
        assertThat(hit.severity()).isEqualTo("ERROR");
        assertThat(hit.message()).contains("place of service 10").contains("99213");
        firesNothing(line("payerCode", "LHP01", "placeOfService", "02", "modifiers", "95"));
        firesNothing(line("payerCode", "LHP01", "placeOfService", "02", "modifiers", "GT"));
        firesNothing(line("payerCode", "PRM02", "placeOfService", "02"));
    }

    @Test
    @Row("Row_FluVaccineWithoutAdministration")
    void requiresAnAdministrationCodeWithTheFluVaccine() {
        Fired hit = firesOnly("Row_FluVaccineWithoutAdministration",
                line("procedureCode", "90686", "claimProcedureCodes", "99213,90686"));
        assertThat(hit.ruleId()).isEqualTo("PAYER-VACCINE-ADMIN");
        assertThat(hit.message()).contains("90686");
        firesNothing(line("procedureCode", "90686", "filingIndicator", "MB", "claimProcedureCodes", "90686,G0008"));
    }

    @Test
    @Row("Row_MedicareFluAdministration")
    void requiresG0008ForMedicareFluAdministration() {
        Fired hit = firesOnly("Row_MedicareFluAdministration", line("filingIndicator", "MB", "procedureCode", "90471",
                "claimProcedureCodes", "90686,90471", "patientAge", 70));
        assertThat(hit.ruleId()).isEqualTo("PAYER-MEDICARE-FLU-ADMIN");
        assertThat(hit.fix()).contains("G0008");
        firesNothing(line("filingIndicator", "CI", "procedureCode", "90471", "claimProcedureCodes", "90686,90471"));
    }

    @Test
    @Row("Row_PreventiveAgeInfant")
    void refusesInfantPreventiveVisitForOlderPatients() {
        preventiveAgeBand("Row_PreventiveAgeInfant", "99381", "99391", 0, 1);
    }

    @Test
    @Row("Row_PreventiveAgeEarlyChildhood")
    void refusesEarlyChildhoodPreventiveVisitOutsideAgesOneToFour() {
        preventiveAgeBand("Row_PreventiveAgeEarlyChildhood", "99382", "99392", 4, 5);
        firesOnly("Row_PreventiveAgeEarlyChildhood", line("procedureCode", "99382", "patientAge", 0));
    }

    @Test
    @Row("Row_PreventiveAgeLateChildhood")
    void refusesLateChildhoodPreventiveVisitOutsideAgesFiveToEleven() {
        preventiveAgeBand("Row_PreventiveAgeLateChildhood", "99383", "99393", 11, 12);
    }

    @Test
    @Row("Row_PreventiveAgeAdolescent")
    void refusesAdolescentPreventiveVisitOutsideAgesTwelveToSeventeen() {
        preventiveAgeBand("Row_PreventiveAgeAdolescent", "99384", "99394", 17, 18);
    }

    @Test
    @Row("Row_PreventiveAgeYoungAdult")
    void refusesYoungAdultPreventiveVisitOutsideAgesEighteenToThirtyNine() {
        preventiveAgeBand("Row_PreventiveAgeYoungAdult", "99385", "99395", 39, 40);
        firesOnly("Row_PreventiveAgeYoungAdult", line("procedureCode", "99395", "patientAge", 17));
    }

    @Test
    @Row("Row_PreventiveAgeMiddleAge")
    void refusesMiddleAgePreventiveVisitOutsideAgesFortyToSixtyFour() {
        preventiveAgeBand("Row_PreventiveAgeMiddleAge", "99386", "99396", 64, 65);
    }

    @Test
    @Row("Row_PreventiveAgeSenior")
    void refusesSeniorPreventiveVisitUnderSixtyFive() {
        preventiveAgeBand("Row_PreventiveAgeSenior", "99387", "99397", 65, 64);
    }

    /** Both codes of the band pass at {@code inside} and fire the row at {@code outside}. */
    private static void preventiveAgeBand(String row, String newPatient, String established, int inside, int outside) {
        for (String code : List.of(newPatient, established)) {
            firesNothing(line("procedureCode", code, "patientAge", inside));
            Fired hit = firesOnly(row, line("procedureCode", code, "patientAge", outside));
            assertThat(hit.ruleId()).isEqualTo("PAYER-PREVENTIVE-AGE");
            assertThat(hit.severity()).isEqualTo("ERROR");
            assertThat(hit.message()).startsWith("Preventive visit " + code + " is for patients");
        }
    }

    @Test
    @Row("Row_KneeArthroplastyInOffice")
    void refusesAKneeArthroplastyInAnOffice() {
        Fired hit = firesOnly("Row_KneeArthroplastyInOffice",
                line("procedureCode", "27447", "modifiers", "RT", "placeOfService", "11"));
        assertThat(hit.ruleId()).isEqualTo("PAYER-POS-PROCEDURE");
        assertThat(hit.fix()).contains("21").contains("22");
        firesNothing(line("procedureCode", "27447", "modifiers", "RT", "placeOfService", "21"));
    }

    @Test
    @Row("Row_BilateralUnits")
    void refusesABilateralLineOfMoreThanOneUnit() {
        Fired hit = firesOnly("Row_BilateralUnits", line("procedureCode", "73562", "modifiers", "50", "units", 2));
        assertThat(hit.ruleId()).isEqualTo("PAYER-BILATERAL-UNITS");
        assertThat(hit.message()).startsWith("73562 with modifier 50 is billed with 2 units");
    }

    @Test
    @Row("Row_FemaleOnlyProcedure")
    void warnsOfAFemaleScreeningForAPatientRecordedAsMale() {
        Fired hit = firesOnly("Row_FemaleOnlyProcedure", line("procedureCode", "Q0091", "patientSex", "M"));
        assertThat(hit.ruleId()).isEqualTo("PAYER-SEX-PROCEDURE");
        assertThat(hit.severity()).isEqualTo("WARNING");
        firesNothing(line("procedureCode", "Q0091", "patientSex", "M", "modifiers", "KX"));
        firesNothing(line("procedureCode", "G0101", "patientSex", "F"));
    }

    @Test
    @Row("Row_MaleOnlyProcedure")
    void warnsOfAMaleServiceForAPatientRecordedAsFemale() {
        Fired hit = firesOnly("Row_MaleOnlyProcedure", line("procedureCode", "G0103", "patientSex", "F"));
        assertThat(hit.ruleId()).isEqualTo("PAYER-SEX-PROCEDURE");
        assertThat(hit.severity()).isEqualTo("WARNING");
        firesNothing(line("procedureCode", "G0103", "patientSex", "M"));
    }

    @Test
    @Row("Row_VisitWithJointInjection")
    void requiresModifier25OnAVisitWithAJointInjection() {
        Fired hit = firesOnly("Row_VisitWithJointInjection",
                line("procedureCode", "99213", "claimProcedureCodes", "99213,20610"));
        assertThat(hit.ruleId()).isEqualTo("PAYER-MODIFIER-25");
        assertThat(hit.message()).contains("99213");
        firesNothing(line("procedureCode", "99213", "modifiers", "25", "claimProcedureCodes", "99213,20611"));
    }

    @Test
    @Row("Row_MedicareTherapyModifier")
    void requiresATherapyModifierForMedicare() {
        Fired hit = firesOnly("Row_MedicareTherapyModifier",
                line("filingIndicator", "MB", "procedureCode", "97110", "patientAge", 72));
        assertThat(hit.ruleId()).isEqualTo("PAYER-THERAPY-MODIFIER");
        firesNothing(line("filingIndicator", "MB", "procedureCode", "97110", "modifiers", "GP", "patientAge", 72));
        firesNothing(line("filingIndicator", "CI", "procedureCode", "97110"));
    }

    @Test
    @Row("Row_PrairieTherapyUnits")
    void warnsOfMoreThanFourUnitsOfTherapeuticExerciseForPrairieMutual() {
        Fired hit = firesOnly("Row_PrairieTherapyUnits", line("payerCode", "PRM02", "procedureCode", "97110", "units", 5));
        assertThat(hit.ruleId()).isEqualTo("PAYER-THERAPY-UNITS");
        assertThat(hit.severity()).isEqualTo("WARNING");
        assertThat(hit.message()).endsWith("this line has 5.");
        firesNothing(line("payerCode", "PRM02", "procedureCode", "97110", "units", 4));
        firesNothing(line("payerCode", "LHP01", "procedureCode", "97110", "units", 5));
    }

    @Test
    @Row("Row_ScreeningMammographyDiagnosis")
    void requiresTheScreeningDiagnosisOnAScreeningMammogram() {
        Fired hit = firesOnly("Row_ScreeningMammographyDiagnosis",
                line("procedureCode", "77067", "diagnosisCodes", "N6001"));
        assertThat(hit.ruleId()).isEqualTo("PAYER-DX-PROCEDURE");
        assertThat(hit.message()).contains("Z12.31");
        firesNothing(line("procedureCode", "77067", "diagnosisCodes", "Z1231,Z803"));
    }

    @Test
    @Row("Row_MedicareHospitalClinicVisit")
    void requiresG0463ForMedicareHospitalClinicVisits() {
        Fired hit = firesOnly("Row_MedicareHospitalClinicVisit",
                line("filingIndicator", "MB", "claimType", "INSTITUTIONAL", "procedureCode", "99213", "placeOfService", "22"));
        assertThat(hit.ruleId()).isEqualTo("PAYER-MEDICARE-CLINIC-VISIT");
        assertThat(hit.fix()).isEqualTo("Bill G0463 with revenue code 0510 instead of 99213.");
        firesNothing(line("filingIndicator", "MB", "claimType", "PROFESSIONAL", "procedureCode", "99213"));
    }

    @Test
    void collectsEveryRowThatMatchesOneLine() {
        List<Fired> fired = fire(line("procedureCode", "99213", "units", 2, "claimProcedureCodes", "99213,20610"));
        assertThat(fired).extracting(Fired::row)
                .containsExactlyInAnyOrder("Row_OfficeVisitUnits", "Row_VisitWithJointInjection");
    }

    @Test
    void everyRowOfTheTableHasATest() throws Exception {
        Set<String> rows;
        try (InputStream in = resource()) {
            DmnModelInstance model = Dmn.readModelFromStream(in);
            rows = model.getModelElementsByType(Rule.class).stream().map(Rule::getId)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> tested = Arrays.stream(PayerRulesTableTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class))
                .map(m -> m.getAnnotation(Row.class)).filter(Objects::nonNull).map(Row::value)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).as("rows of " + RESOURCE).hasSizeGreaterThanOrEqualTo(8);
        assertThat(tested).as("rows with a @Row test").isEqualTo(rows);
        Map<String, Long> testsPerRow = new LinkedHashMap<>();
        for (Method m : PayerRulesTableTest.class.getDeclaredMethods()) {
            Row row = m.getAnnotation(Row.class);
            if (row != null) {
                testsPerRow.merge(row.value(), 1L, Long::sum);
            }
        }
        assertThat(testsPerRow).as("one test per row").allSatisfy((row, count) -> assertThat(count).isEqualTo(1L));
    }

    private static InputStream resource() {
        return Objects.requireNonNull(PayerRulesTableTest.class.getClassLoader().getResourceAsStream(RESOURCE), RESOURCE);
    }
}
