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
 * One test per row of dmn/denial-routing.dmn on the in-memory DMN engine. The table's hit policy is FIRST, so each
 * test asserts which row won and the route it gives; {@link #everyRowOfTheTableHasATest} fails when a row is added
 * without one. Remark codes arrive as payment posting sends them: ",M51,N382,".
 */
class DenialRoutingTableTest {

    private static final String RESOURCE = "dmn/denial-routing.dmn";
    private static final String DECISION = "denial-routing";

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Row {
        String value();
    }

    private static final List<List<String>> matchedRows = new ArrayList<>();
    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheTable() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(DenialRoutingTableTest::record))
                .buildEngine();
        try (InputStream in = resource()) {
            decision = engine.parseDecision(DECISION, in);
        }
    }

    private static void record(DmnDecisionTableEvaluationEvent event) {
        matchedRows.add(event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList());
    }

    /** Routes one adjustment and checks that {@code row} decided it, with words for whoever works it. */
    private static String routedBy(String row, String group, String carc, String... rarcs) {
        Map<String, Object> adjustment = new LinkedHashMap<>();
        adjustment.put("groupCode", group);
        adjustment.put("reasonCode", carc);
        adjustment.put("remarkCodes", "," + String.join(",", rarcs) + ",");
        int before = matchedRows.size();
        Map<String, Object> result = engine.evaluateDecisionTable(decision, adjustment).getSingleResult().getEntryMap();
        assertThat(matchedRows.get(before)).as("row that decided " + adjustment).containsExactly(row);
        assertThat((String) result.get("why")).isNotBlank();
        return (String) result.get("route");
    }

    @Test
    @Row("Row_ContractualAdjustment")
    void treatsCo45AsTheContractNotADenial() {
        assertThat(routedBy("Row_ContractualAdjustment", "CO", "45")).isEqualTo("CONTRACTUAL");
        assertThat(routedBy("Row_ContractualAdjustment", "CO", "253")).isEqualTo("CONTRACTUAL");
    }

    @Test
    @Row("Row_TimelyFiling")
    void sendsALateClaimToAManagersWriteOffWhateverTheGroup() {
        assertThat(routedBy("Row_TimelyFiling", "CO", "29")).isEqualTo("TIMELY_FILING");
        assertThat(routedBy("Row_TimelyFiling", "OA", "29", "N211")).isEqualTo("TIMELY_FILING");
    }

    @Test
    @Row("Row_PatientResponsibility")
    void billsThePatientForPatientResponsibilityEvenWithACodingReason() {
        assertThat(routedBy("Row_PatientResponsibility", "PR", "1")).isEqualTo("PATIENT_RESPONSIBILITY");
        assertThat(routedBy("Row_PatientResponsibility", "PR", "96")).isEqualTo("PATIENT_RESPONSIBILITY");
        assertThat(routedBy("Row_PatientResponsibility", "PR", "4")).isEqualTo("PATIENT_RESPONSIBILITY");
    }

    @Test
    @Row("Row_NotOurInsured")
    void sendsEligibilityDenialsToRegistration() {
        assertThat(routedBy("Row_NotOurInsured", "CO", "31")).isEqualTo("FIX_REGISTRATION");
        assertThat(routedBy("Row_NotOurInsured", "CO", "27")).isEqualTo("FIX_REGISTRATION");
        assertThat(routedBy("Row_NotOurInsured", "OA", "22")).isEqualTo("FIX_REGISTRATION");
    }

    @Test
    @Row("Row_MissingPatientIdentifier")
    void sendsMissingInformationAboutThePatientsIdToRegistration() {
        assertThat(routedBy("Row_MissingPatientIdentifier", "CO", "16", "N382")).isEqualTo("FIX_REGISTRATION");
        assertThat(routedBy("Row_MissingPatientIdentifier", "CO", "16", "M51", "MA61")).isEqualTo("FIX_REGISTRATION");
    }

    @Test
    @Row("Row_CodeInconsistent")
    void sendsCodesThatDoNotFitTogetherBackToACoder() {
        assertThat(routedBy("Row_CodeInconsistent", "CO", "4")).isEqualTo("RECODE");
        assertThat(routedBy("Row_CodeInconsistent", "CO", "11", "M76")).isEqualTo("RECODE");
        assertThat(routedBy("Row_CodeInconsistent", "CO", "181")).isEqualTo("RECODE");
    }

    @Test
    @Row("Row_Bundled")
    void sendsABundledServiceToACoder() {
        assertThat(routedBy("Row_Bundled", "CO", "97")).isEqualTo("RECODE");
    }

    @Test
    @Row("Row_MissingCodeRemark")
    void sendsMissingInformationAboutACodeToACoder() {
        assertThat(routedBy("Row_MissingCodeRemark", "CO", "16", "M51")).isEqualTo("RECODE");
        // A whole-code match: M510 is not M51.
        assertThat(routedBy("Row_Anything", "CO", "16", "M510")).isEqualTo("WORK_DENIAL");
    }

    @Test
    @Row("Row_MedicalNecessity")
    void appealsAMedicalNecessityDenial() {
        assertThat(routedBy("Row_MedicalNecessity", "CO", "50")).isEqualTo("APPEAL");
        assertThat(routedBy("Row_MedicalNecessity", "CO", "151", "N115")).isEqualTo("APPEAL");
    }

    @Test
    @Row("Row_Authorization")
    void appealsAMissingAuthorization() {
        assertThat(routedBy("Row_Authorization", "CO", "197")).isEqualTo("APPEAL");
        assertThat(routedBy("Row_Authorization", "CO", "15")).isEqualTo("APPEAL");
    }

    @Test
    @Row("Row_Anything")
    void leavesEverythingElseToABiller() {
        assertThat(routedBy("Row_Anything", "CO", "16")).isEqualTo("WORK_DENIAL");
        assertThat(routedBy("Row_Anything", "OA", "18")).isEqualTo("WORK_DENIAL");
        assertThat(routedBy("Row_Anything", "CO", "45x")).isEqualTo("WORK_DENIAL");
    }

    @Test
    void everyRowOfTheTableHasATest() throws Exception {
        Set<String> rows;
        try (InputStream in = resource()) {
            DmnModelInstance model = Dmn.readModelFromStream(in);
            rows = model.getModelElementsByType(Rule.class).stream().map(Rule::getId)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Map<String, Long> testsPerRow = new LinkedHashMap<>();
        for (Method m : DenialRoutingTableTest.class.getDeclaredMethods()) {
            Row row = m.getAnnotation(Row.class);
            if (row != null && m.isAnnotationPresent(Test.class)) {
                testsPerRow.merge(row.value(), 1L, Long::sum);
            }
        }
        assertThat(new TreeSet<>(testsPerRow.keySet())).as("rows with a @Row test").isEqualTo(rows);
        assertThat(testsPerRow).as("one test per row").allSatisfy((row, count) -> assertThat(count).isEqualTo(1L));
        assertThat(Arrays.asList("CONTRACTUAL", "TIMELY_FILING", "PATIENT_RESPONSIBILITY", "FIX_REGISTRATION", "RECODE",
                "APPEAL", "WORK_DENIAL")).as("every route the claim process knows").hasSize(7);
    }

    private static InputStream resource() {
        return Objects.requireNonNull(DenialRoutingTableTest.class.getClassLoader().getResourceAsStream(RESOURCE), RESOURCE);
    }
}
