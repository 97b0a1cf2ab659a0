package org.relayrcm.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Audit sampling and the auditor's verdict over HTTP. The sampling rules are switched on per test
 * (the shared context runs with auditing off, so the other journeys are never sampled).
 */
@RelayIntegrationTest
class CodingAuditIT {

    private static final long CODED_CHARGES = 13500 + 17500;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    CodingAuditSettings settings;
    RelayFixture relay;
    String coder;

    @BeforeEach
    void setUp() {
        relay = new RelayFixture(port, jdbc);
        // A coder of its own, so that the accuracy report counts this test's audits only.
        coder = "coder" + RelayFixture.uniqueNumber("A").substring(2).toLowerCase();
        var user = identity.newUser(coder);
        user.setPassword(coder);
        identity.saveUser(user);
        identity.createMembership(coder, "coder");
    }

    @AfterEach
    void auditingOff() {
        settings.setSamplePercent(0);
        settings.setChargeThresholdCents(null);
    }

    @Test
    void sendsACodingAboveTheChargeThresholdToTheAuditorWhoseCorrectionReachesTheClaim() {
        settings.setChargeThresholdCents(CODED_CHARGES);
        String number = RelayFixture.uniqueNumber("AUD");
        long caseId = relay.receive(number);

        code(caseId, number);

        JsonNode task = relay.awaitTask("auditor", "Task_AuditCoding", number);
        long auditId = task.get("auditId").asLong();
        JsonNode audit = relay.as("auditor").get("/api/audits/" + auditId).json();
        assertThat(audit.get("reason").asText()).isEqualTo("CHARGE_THRESHOLD");
        assertThat(audit.get("chargeCents").asLong()).isEqualTo(CODED_CHARGES);
        assertThat(audit.get("coder").asText()).isEqualTo(coder);
        assertThat(audit.get("status").asText()).isEqualTo("OPEN");
        assertThat(audit.get("diagnoses").findValuesAsText("code")).containsExactly("M1711", "I10");
        assertThat(audit.get("procedures").findValuesAsText("code")).containsExactly("99213", "20610");
        assertThat(claimsOf(number)).as("no claim before the audit").isEmpty();
        assertThat(relay.as("coder").get("/api/audits/" + auditId).status()).isEqualTo(404);

        claim("auditor", task);
        Api.Response done = relay.as("auditor").post("/api/audits/" + auditId + "/complete", Map.of(
                "diagnoses", List.of(
                        Map.of("position", 1, "correct", true),
                        Map.of("position", 2, "correct", false, "correctedCode", "E78.5")),
                "procedures", List.of(
                        Map.of("position", 1, "correct", true),
                        Map.of("position", 2, "correct", true))));

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.json().get("auditor").asText()).isEqualTo("auditor");
        assertThat(done.json().get("diagnoses").get(1).get("code").asText()).as("the coder's code").isEqualTo("I10");
        assertThat(done.json().get("diagnoses").get(1).get("correctedCode").asText()).isEqualTo("E785");
        List<String> claims = await().atMost(Duration.ofSeconds(30)).until(() -> claimsOf(number), l -> !l.isEmpty());
        assertThat(jdbc.queryForList("SELECT d.code FROM claim_diagnosis d JOIN claim c ON c.id = d.claim_id "
                + "WHERE c.claim_number = ? ORDER BY d.position", String.class, claims.get(0)))
                .containsExactly("M1711", "E785");
        awaitClaimSubmissionStarted(claims.get(0));

        JsonNode accuracy = relay.as("manager").get("/api/audits/accuracy?coder=" + coder + "&from=" + LocalDate.now().minusDays(1)
                + "&to=" + LocalDate.now().plusDays(1)).json();
        assertThat(accuracy.get("audits").asInt()).isEqualTo(1);
        assertThat(accuracy.get("principalDiagnosis").get("percent").asDouble()).isEqualTo(100.0);
        assertThat(accuracy.get("secondaryDiagnoses").get("audited").asInt()).isEqualTo(1);
        assertThat(accuracy.get("secondaryDiagnoses").get("correct").asInt()).isZero();
        assertThat(accuracy.get("secondaryDiagnoses").get("percent").asDouble()).isZero();
        assertThat(accuracy.get("procedures").get("percent").asDouble()).isEqualTo(100.0);
        assertThat(relay.as("coder").get("/api/audits/accuracy").status()).isEqualTo(404);
    }

    @Test
    void sendsACodingStraightToBillingWhenItIsNotSampled() {
        settings.setChargeThresholdCents(CODED_CHARGES + 1);
        String number = RelayFixture.uniqueNumber("AUD");
        long caseId = relay.receive(number);

        code(caseId, number);

        List<String> claims = await().atMost(Duration.ofSeconds(30)).until(() -> claimsOf(number), l -> !l.isEmpty());
        awaitClaimSubmissionStarted(claims.get(0));
        assertThat(relay.findTask("auditor", "Task_AuditCoding", number)).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coding_audit WHERE coding_case_id = ?", Long.class, caseId))
                .isZero();
    }

    @Test
    void samplesAtRandomWhenTheSamplePercentSaysSo() {
        settings.setSamplePercent(100);
        String number = RelayFixture.uniqueNumber("AUD");
        long caseId = relay.receive(number);

        code(caseId, number);

        JsonNode task = relay.awaitTask("auditor", "Task_AuditCoding", number);
        assertThat(relay.as("auditor").get("/api/audits/" + task.get("auditId").asLong()).json().get("reason").asText())
                .isEqualTo("RANDOM");
    }

    @Test
    void refusesAVerdictThatLeavesCodesUnmarkedOrCorrectsToAnInvalidCode() {
        settings.setSamplePercent(100);
        String number = RelayFixture.uniqueNumber("AUD");
        long caseId = relay.receive(number);
        code(caseId, number);
        JsonNode task = relay.awaitTask("auditor", "Task_AuditCoding", number);
        long auditId = task.get("auditId").asLong();
        Map<String, Object> verdict = Map.of(
                "diagnoses", List.of(Map.of("position", 1, "correct", false, "correctedCode", "M17")),
                "procedures", List.of(Map.of("position", 1, "correct", true), Map.of("position", 2, "correct", true)));
        assertThat(relay.as("auditor").post("/api/audits/" + auditId + "/complete", verdict).status())
                .as("the auditor must hold the task").isEqualTo(409);
        claim("auditor", task);

        Api.Response unmarked = relay.as("auditor").post("/api/audits/" + auditId + "/complete", verdict);

        assertThat(unmarked.status()).isEqualTo(422);
        assertThat(unmarked.json().get("errors").findValuesAsText("ruleId")).contains("AUDIT-UNMARKED");

        Api.Response invalid = relay.as("auditor").post("/api/audits/" + auditId + "/complete", Map.of(
                "diagnoses", List.of(Map.of("position", 1, "correct", false, "correctedCode", "M17"),
                        Map.of("position", 2, "correct", true)),
                "procedures", verdict.get("procedures")));

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").findValuesAsText("ruleId")).contains("CODING-DX-NOT-BILLABLE");
        assertThat(relay.as("auditor").get("/api/audits/" + auditId).json().get("status").asText()).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT code FROM coded_diagnosis WHERE coding_case_id = ? AND stage = 'FINAL' "
                + "AND position = 1", String.class, caseId)).isEqualTo("M1711");
        assertThat(relay.findTask("auditor", "Task_AuditCoding", number)).isNotNull();
    }

    private void code(long caseId, String number) {
        JsonNode task = relay.awaitTask(coder, "Task_CodeEncounter", number);
        claim(coder, task);
        Api.Response done = relay.as(coder).post("/api/coding/cases/" + caseId + "/complete",
                RelayFixture.codes(List.of("RT")));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    private void claim(String user, JsonNode task) {
        Api.Response claimed = relay.as(user).post("/api/tasks/" + task.get("id").asText() + "/claim", "");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
    }

    private List<String> claimsOf(String encounterNumber) {
        return jdbc.queryForList("SELECT c.claim_number FROM claim c JOIN encounter e ON e.id = c.encounter_id "
                + "WHERE e.encounter_number = ?", String.class, encounterNumber);
    }

    /** Billing has the claim: its claim-submission process has started. */
    private void awaitClaimSubmissionStarted(String claimNumber) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ? AND proc_def_key_ = 'claim-submission'",
                Long.class, claimNumber), n -> n == 1);
    }
}
