package org.relayrcm.denials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.relayrcm.testing.Sample835;
import org.relayrcm.testing.Sample835.Cas;
import org.relayrcm.testing.Sample835.Line;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Denials as payers send them, each reaching the queue that can fix it (denial-routing.dmn) and worked there over
 * HTTP on PostgreSQL. The payer is either the simulator (ITPAYER: coding and registration denials) or the test
 * itself, posting 835s for a payer the simulator leaves alone (ITNOSIM).
 */
@RelayIntegrationTest
class DenialQueuesIT {

    /** The claim {@code RelayFixture.codes(RT)} builds: an office visit and a knee injection. */
    private static final long VISIT = 13500;
    private static final long INJECTION = 17500;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;

    RelayFixture relay;

    @BeforeEach
    void setUp() {
        relay = new RelayFixture(port, jdbc);
        jdbc.update("INSERT INTO payer (payer_code, name) VALUES ('ITNOSIM', 'Silent Health Plan') ON CONFLICT DO NOTHING");
    }

    @Test
    void aRegistrationDenialIsFixedByTheBillerAndTheClaimGoesOutOnceMoreAndIsPaid() {
        String encounter = RelayFixture.uniqueNumber("REG");
        Map<String, Object> body = RelayFixture.encounter(encounter);
        body.put("coverage", Map.of("payerCode", "ITPAYER", "memberId", "MTERMINATED01"));
        String claimNumber = codedClaim(encounter, body);

        relay.awaitClaimStatus(claimNumber, "DENIED");
        JsonNode task = relay.claimTask("biller", "Task_FixRegistration", claimNumber);
        JsonNode denial = relay.as("biller").get("/api/denials/" + task.get("denialId").asLong()).json();
        assertThat(denial.get("route").asText()).isEqualTo("FIX_REGISTRATION");
        assertThat(denial.get("items").findValuesAsText("reasonCode")).containsOnly("27");
        assertThat(denial.get("items").findValuesAsText("remarkCodes")).isNotNull();

        Api.Response invalid = relay.as("biller").post("/api/denials/" + denial.get("id").asLong() + "/fix-registration",
                Map.of("memberId", "not a member id!"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(memberIdOf(claimNumber)).isEqualTo("MTERMINATED01");

        Api.Response fixed = relay.as("biller").post("/api/denials/" + denial.get("id").asLong() + "/fix-registration",
                Map.of("memberId", "MNEWPLAN0042", "note", "Patient changed plans in January; new card on file"));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);

        relay.awaitClaimStatus(claimNumber, "PAID");
        assertThat(memberIdOf(claimNumber)).isEqualTo("MNEWPLAN0042");
        assertThat(submissionsOf(claimNumber)).isEqualTo(2);
        assertThat(ended(claimNumber).getEndActivityId()).isEqualTo("EndEvent_ClaimPaid");
    }

    @Test
    void aMedicalNecessityDenialIsAppealedWithALetterBeforeTheWindowClosesAndPaidOnceOverturned() throws Exception {
        String claimNumber = silentPayersClaim("APL");
        post835(deniedOnBothLines(claimNumber, "CO", "50", "N115"));
        relay.awaitClaimStatus(claimNumber, "DENIED");

        JsonNode task = relay.claimTask("biller", "Task_PrepareAppeal", claimNumber);
        long appealId = task.get("appealId").asLong();
        JsonNode appeal = relay.as("biller").get("/api/appeals/" + appealId).json();
        assertThat(LocalDate.parse(appeal.get("deadline").asText())).isEqualTo(LocalDate.now().plusDays(180));
        assertThat(LocalDate.parse(task.get("due").asText().substring(0, 10))).isEqualTo(LocalDate.now().plusDays(180));
        assertThat(appeal.get("denials").findValuesAsText("route")).containsOnly("APPEAL");

        Api.Response empty = relay.as("biller").post("/api/appeals/" + appealId + "/send", Map.of("argument", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("argument");
        Api.Response sent = relay.as("biller").post("/api/appeals/" + appealId + "/send", Map.of("argument",
                "The injection followed six weeks of failed conservative therapy, as the enclosed notes document."));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(statusOf(claimNumber)).isEqualTo("APPEALED");
        assertThat(relay.as("biller").post("/api/appeals/" + appealId + "/send", Map.of("argument", "again")).status())
                .as("sent once").isEqualTo(409);

        Api.Download letter = relay.as("biller").download("/api/appeals/" + appealId + "/letter");
        assertThat(letter.status()).isEqualTo(200);
        assertThat(letter.contentType()).startsWith("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(letter.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(claimNumber).contains("ICN-" + claimNumber).contains("CO-50")
                    .contains("six weeks of failed conservative therapy").contains("Silent Health Plan");
        }
        assertThat(relay.as("coder").download("/api/appeals/" + appealId + "/letter").status()).isEqualTo(404);

        relay.claimTask("biller", "Task_RecordAppealOutcome", claimNumber);
        Api.Response decided = relay.as("biller").post("/api/appeals/" + appealId + "/decision",
                Map.of("outcome", "OVERTURNED", "note", "Payer letter of " + LocalDate.now()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(statusOf(claimNumber)).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(claimNumber).activityIdIn("Receive_Remittance").count() == 1);

        post835(Sample835.claim(claimNumber, "1", List.of(
                line("99213", List.of("25"), VISIT, 10800, new Cas("CO", "45", 2700), null),
                line("20610", List.of("RT"), INJECTION, 14000, new Cas("CO", "45", 3500), null)), "ICN-" + claimNumber));
        relay.awaitClaimStatus(claimNumber, "PAID");
        assertThat(jdbc.queryForObject("SELECT status FROM denial WHERE id = ?", String.class,
                jdbc.queryForObject("SELECT denial_id FROM appeal WHERE id = ?", Long.class, appealId))).isEqualTo("OVERTURNED");
        assertThat(ended(claimNumber).getEndActivityId()).isEqualTo("EndEvent_ClaimPaid");
    }

    @Test
    void anUpheldAppealReturnsTheDenialToTheBiller() {
        String claimNumber = silentPayersClaim("UPH");
        post835(deniedOnBothLines(claimNumber, "CO", "197", null));
        JsonNode task = relay.claimTask("biller", "Task_PrepareAppeal", claimNumber);
        long appealId = task.get("appealId").asLong();
        assertThat(relay.as("biller").post("/api/appeals/" + appealId + "/send",
                Map.of("argument", "Authorization 55-1234 was on file before the visit.")).status()).isEqualTo(200);
        relay.claimTask("biller", "Task_RecordAppealOutcome", claimNumber);

        assertThat(relay.as("biller").post("/api/appeals/" + appealId + "/decision", Map.of("outcome", "UPHELD")).status())
                .isEqualTo(200);

        assertThat(statusOf(claimNumber)).isEqualTo("DENIED");
        JsonNode work = relay.awaitTask("biller", "Task_WorkDenial", claimNumber);
        assertThat(jdbc.queryForObject("SELECT status FROM denial WHERE id = ?", String.class,
                work.get("denialId").asLong())).isEqualTo("OPEN");
    }

    @Test
    void aLateClaimIsWrittenOffOnlyWithAManagersApproval() {
        String claimNumber = silentPayersClaim("TFL");
        post835(deniedOnBothLines(claimNumber, "CO", "29", null));

        JsonNode task = relay.awaitTask("manager", "Task_ApproveWriteOff", claimNumber);
        long writeOffId = task.get("writeOffId").asLong();
        JsonNode request = relay.as("manager").get("/api/write-offs/" + writeOffId).json();
        assertThat(request.get("amountCents").asLong()).isEqualTo(VISIT + INJECTION);
        assertThat(request.get("reason").asText()).contains("timely-filing");
        assertThat(relay.findTask("biller", "Task_ApproveWriteOff", claimNumber)).as("not a biller's task").isNull();
        assertThat(relay.as("biller").post("/api/write-offs/" + writeOffId + "/decision", Map.of("approved", true)).status())
                .as("outside the biller's role: as if it did not exist").isEqualTo(404);
        assertThat(relay.as("manager").post("/api/write-offs/" + writeOffId + "/decision", Map.of("approved", true)).status())
                .as("claim the task first").isEqualTo(409);

        relay.claimTask("manager", "Task_ApproveWriteOff", claimNumber);
        Api.Response approved = relay.as("manager").post("/api/write-offs/" + writeOffId + "/decision",
                Map.of("approved", true, "note", "Submitted after 120 days; no proof of timely filing"));

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(statusOf(claimNumber)).isEqualTo("WRITTEN_OFF");
        assertThat(ended(claimNumber).getEndActivityId()).isEqualTo("EndEvent_WriteOffApproved");
    }

    @Test
    void aDenialTheTableHasNoQueueForIsWrittenOffByTheBiller() {
        String claimNumber = silentPayersClaim("WO");
        post835(deniedOnBothLines(claimNumber, "CO", "16", null));
        JsonNode task = relay.claimTask("biller", "Task_WorkDenial", claimNumber);

        Api.Response resolved = relay.as("biller").post("/api/denials/" + task.get("denialId").asText() + "/resolve",
                Map.of("action", "WRITE_OFF", "note", "Below the appeal threshold"));

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(statusOf(claimNumber)).isEqualTo("WRITTEN_OFF");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM denial d JOIN claim c ON c.id = d.claim_id "
                + "WHERE c.claim_number = ? AND d.status <> 'WRITTEN_OFF'", Long.class, claimNumber)).isZero();
        assertThat(ended(claimNumber).getEndActivityId()).isEqualTo("EndEvent_ClaimWrittenOff");
    }

    @Test
    void aReversalOfADenialBeingWorkedGoesToABillerAndLeavesTheWorkAsItIs() {
        String claimNumber = silentPayersClaim("REV");
        post835(deniedOnBothLines(claimNumber, "CO", "16", null));
        relay.awaitTask("biller", "Task_WorkDenial", claimNumber);

        post835(Sample835.claim(claimNumber, "22", List.of(
                line("99213", List.of("25"), -VISIT, 0, new Cas("CO", "16", -VISIT), null),
                line("20610", List.of("RT"), -INJECTION, 0, new Cas("CO", "16", -INJECTION), null)), "ICN-" + claimNumber));

        assertThat(statusOf(claimNumber)).isEqualTo("DENIED");
        assertThat(jdbc.queryForObject("SELECT x.kind FROM remittance_exception x JOIN claim c ON c.id = x.claim_id "
                + "WHERE c.claim_number = ?", String.class, claimNumber)).isEqualTo("NOT_AWAITED");
        assertThat(relay.findTask("biller", "Task_WorkDenial", claimNumber)).isNotNull();
    }

    @Test
    void aClaimStillUnacceptedNearItsTimelyFilingDeadlineEscalatesToAManager() {
        String encounter = RelayFixture.uniqueNumber("TFW");
        Map<String, Object> body = RelayFixture.encounter(encounter);
        body.put("coverage", Map.of("payerCode", "ITNOSIM", "memberId", "SILENT1"));
        // 340 days after the date of service: inside the 30-day warning before the payer's 365-day limit.
        body.put("dateOfService", LocalDate.now().minusDays(340).toString());
        String claimNumber = codedClaim(encounter, body);

        JsonNode task = relay.claimTask("manager", "Task_TimelyFilingRisk", claimNumber);
        assertThat(LocalDate.parse(task.get("due").asText().substring(0, 10))).isEqualTo(LocalDate.now().plusDays(25));
        assertThat(relay.findTask("biller", "Task_TimelyFilingRisk", claimNumber)).isNull();
        long claimId = task.get("claimId").asLong();

        Api.Response reviewed = relay.as("manager").post("/api/claims/" + claimId + "/timely-filing-risk",
                Map.of("note", "Asked Dana to call the payer today"));

        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT note FROM claim_follow_up WHERE claim_id = ? AND task_key = ?",
                String.class, claimId, "Task_TimelyFilingRisk")).isEqualTo("Asked Dana to call the payer today");
        assertThat(relay.findTask("manager", "Task_TimelyFilingRisk", claimNumber)).isNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(claimNumber).active().count())
                .as("the claim itself still waits for the payer").isEqualTo(1);
    }

    @Test
    void aContractualAdjustmentIsNotADenial() {
        String claimNumber = silentPayersClaim("CO45");
        post835(Sample835.claim(claimNumber, "1", List.of(
                line("99213", List.of("25"), VISIT, 10800, new Cas("CO", "45", 2700), null),
                line("20610", List.of("RT"), INJECTION, 0, new Cas("CO", "45", INJECTION), null)), "ICN-" + claimNumber));

        relay.awaitClaimStatus(claimNumber, "PAID");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM denial d JOIN claim c ON c.id = d.claim_id "
                + "WHERE c.claim_number = ?", Long.class, claimNumber)).isZero();
    }

    @Test
    void aPaidClaimsCoinsuranceBecomesAPatientStatement() {
        String claimNumber = silentPayersClaim("PRS");
        post835(Sample835.claim(claimNumber, "1", List.of(
                new Line("99213", List.of("25"), VISIT, 8640, List.of(new Cas("CO", "45", 2700), new Cas("PR", "2", 2160)),
                        List.of()),
                new Line("20610", List.of("RT"), INJECTION, 11200, List.of(new Cas("CO", "45", 3500), new Cas("PR", "2", 2800)),
                        List.of())), "ICN-" + claimNumber));

        relay.awaitClaimStatus(claimNumber, "PAID");
        await().atMost(Duration.ofSeconds(30)).until(() -> statementBilled(claimNumber) != null);
        assertThat(statementBilled(claimNumber)).isEqualTo(2160L + 2800L);
        assertThat(ended(claimNumber).getEndActivityId()).isEqualTo("EndEvent_ClaimPaid");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("patient-statement")
                .processInstanceBusinessKey(claimNumber + "-PS").count()).isEqualTo(1);
    }

    @Test
    void aNonCoveredServiceThePatientOwesIsBilledToThePatientNotWorkedAsADenial() {
        String claimNumber = silentPayersClaim("PR96");
        post835(deniedOnBothLines(claimNumber, "PR", "96", "N130"));

        relay.awaitClaimStatus(claimNumber, "PATIENT_RESPONSIBILITY");
        await().atMost(Duration.ofSeconds(30)).until(() -> statementBilled(claimNumber) != null);
        assertThat(statementBilled(claimNumber)).isEqualTo(VISIT + INJECTION);
        assertThat(ended(claimNumber).getEndActivityId()).isEqualTo("EndEvent_BilledToPatient");
        assertThat(jdbc.queryForList("SELECT DISTINCT d.status FROM denial d JOIN claim c ON c.id = d.claim_id "
                + "WHERE c.claim_number = ?", String.class, claimNumber)).containsExactly("PATIENT_BILLED");
        assertThat(relay.findTask("biller", "Task_WorkDenial", claimNumber)).isNull();
    }

    private Long statementBilled(String claimNumber) {
        return jdbc.queryForList("SELECT s.billed_cents FROM patient_statement s JOIN claim c ON c.id = s.claim_id "
                + "WHERE c.claim_number = ?", Long.class, claimNumber).stream().findFirst().orElse(null);
    }

    private String silentPayersClaim(String prefix) {
        String encounter = RelayFixture.uniqueNumber(prefix);
        Map<String, Object> body = RelayFixture.encounter(encounter);
        body.put("coverage", Map.of("payerCode", "ITNOSIM", "memberId", "SILENT1"));
        String claimNumber = codedClaim(encounter, body);
        relay.awaitClaimStatus(claimNumber, "SUBMITTED");
        return claimNumber;
    }

    private String codedClaim(String encounter, Map<String, Object> body) {
        Api.Response received = relay.as("ehr").post("/api/encounters", body);
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        relay.code(received.json().get("codingCaseId").asLong(), encounter, List.of("RT"));
        return relay.awaitClaimNumber(encounter);
    }

    /** CLP02 4: both lines of the claim {@code RelayFixture.codes(RT)} builds denied with one adjustment each. */
    private static String deniedOnBothLines(String claimNumber, String group, String carc, String remark) {
        return Sample835.claim(claimNumber, "4", List.of(
                line("99213", List.of("25"), VISIT, 0, new Cas(group, carc, VISIT), remark),
                line("20610", List.of("RT"), INJECTION, 0, new Cas(group, carc, INJECTION), remark)), "ICN-" + claimNumber);
    }

    private static Line line(String code, List<String> modifiers, long charge, long paid, Cas cas, String remark) {
        return new Line(code, modifiers, charge, paid, List.of(cas), remark == null ? List.of() : List.of(remark));
    }

    private void post835(String x12) {
        Api.Response posted = relay.as("biller").postRaw("/api/remittances", "application/edi-x12",
                x12.getBytes(StandardCharsets.UTF_8));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
    }

    private String statusOf(String claimNumber) {
        return jdbc.queryForObject("SELECT status FROM claim WHERE claim_number = ?", String.class, claimNumber);
    }

    private String memberIdOf(String claimNumber) {
        return jdbc.queryForObject("SELECT cv.member_id FROM claim c JOIN coverage cv ON cv.id = c.coverage_id "
                + "WHERE c.claim_number = ?", String.class, claimNumber);
    }

    private long submissionsOf(String claimNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM claim_submission s JOIN claim c ON c.id = s.claim_id "
                + "WHERE c.claim_number = ?", Long.class, claimNumber);
    }

    private HistoricProcessInstance ended(String claimNumber) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(claimNumber).finished().singleResult(), p -> p != null);
    }
}
