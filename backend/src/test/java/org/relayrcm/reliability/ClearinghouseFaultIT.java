package org.relayrcm.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.clearinghouse.ClearinghouseFaults;
import org.relayrcm.clearinghouse.ClearinghouseFaults.Kind;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The clearinghouse failing as a real one does, for one claim at a time: each fault is retried with back-off (the IT
 * profile's cycle is two retries 0.2 s apart, the timeout 1 s), and after the last retry it is an incident a manager
 * sees and retries, after which the claim goes out exactly once and is paid.
 */
@RelayIntegrationTest
class ClearinghouseFaultIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${relay.clearinghouse.outbox}")
    Path outbox;
    RelayFixture relay;
    String encounter;

    @BeforeEach
    void setUp() {
        relay = new RelayFixture(port, jdbc);
    }

    @AfterEach
    void clearFaults() {
        if (encounter != null) {
            ClearinghouseFaults.clear(encounter);
        }
    }

    @Test
    void aHandOverThatHangsTimesOutAndTheFileGoesOutOnTheNextAttempt() throws Exception {
        encounter = RelayFixture.uniqueNumber("HANG");
        ClearinghouseFaults.failFirst(encounter, Kind.HANG, 1);

        String claimNumber = codeAndAwaitClaim();

        relay.awaitClaimStatus(claimNumber, "PAID");
        Map<String, Object> submission = submission(claimNumber);
        assertThat(submission.get("delivery_attempts")).isEqualTo(2);
        assertThat(submission.get("delivery_failure")).isNull();
        assertThat(ClearinghouseFaults.handOvers((String) submission.get("file_name"))).isEqualTo(2);
        assertWrittenOnceAndWhole(submission);
        assertThat(incidentFor(claimNumber)).isNull();
    }

    @Test
    void aFileHalfWrittenWhenTheDiskFilledIsWrittenWholeOnTheNextAttempt() throws Exception {
        encounter = RelayFixture.uniqueNumber("DISK");
        ClearinghouseFaults.failFirst(encounter, Kind.HALF_WRITTEN, 1);

        String claimNumber = codeAndAwaitClaim();

        relay.awaitClaimStatus(claimNumber, "PAID");
        Map<String, Object> submission = submission(claimNumber);
        assertThat(submission.get("delivery_attempts")).isEqualTo(2);
        assertWrittenOnceAndWhole(submission);
    }

    @Test
    void anOutboxThatStaysGoneBecomesAnIncidentAManagerRetriesUntilTheFileGoesOutOnce() throws Exception {
        encounter = RelayFixture.uniqueNumber("GONE");
        ClearinghouseFaults.failEvery(encounter, Kind.UNAVAILABLE);

        String claimNumber = codeAndAwaitClaim();

        JsonNode incident = awaitIncident(claimNumber);
        Map<String, Object> submission = submission(claimNumber);
        String fileName = (String) submission.get("file_name");
        assertThat(submission.get("delivery_attempts")).as("the first try and the cycle's two retries").isEqualTo(3);
        assertThat(incident.get("type").asText()).isEqualTo("clearinghouseDelivery");
        assertThat(incident.get("processDefinitionKey").asText()).isEqualTo("claim-submission");
        assertThat(incident.get("message").asText()).contains(fileName).contains("is missing").contains("3 attempts");
        assertNoPhi(incident.get("message").asText());
        assertThat(outbox.resolve(fileName)).doesNotExist();
        assertThat(relay.as("biller").post("/api/incidents/" + incident.get("id").asText() + "/retry", "").status())
                .isEqualTo(404);

        // Retried before the cause is fixed: one more try, and the incident is back.
        assertThat(relay.as("manager").post("/api/incidents/" + incident.get("id").asText() + "/retry", "").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> (Integer) submission(claimNumber).get("delivery_attempts"),
                attempts -> attempts == 4);
        JsonNode again = awaitIncident(claimNumber);
        assertThat(again.get("id").asText()).isNotEqualTo(incident.get("id").asText());
        assertThat(relay.as("manager").post("/api/incidents/" + incident.get("id").asText() + "/retry", "").status())
                .as("the resolved incident is gone").isEqualTo(404);

        ClearinghouseFaults.clear(encounter);
        assertThat(relay.as("manager").post("/api/incidents/" + again.get("id").asText() + "/retry", "").status())
                .isEqualTo(202);

        relay.awaitClaimStatus(claimNumber, "PAID");
        assertThat(incidentFor(claimNumber)).isNull();
        Map<String, Object> delivered = submission(claimNumber);
        assertThat(delivered.get("delivery_attempts")).isEqualTo(5);
        assertThat(delivered.get("delivery_failed_at")).isNull();
        assertWrittenOnceAndWhole(delivered);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM claim_submission s JOIN claim c ON c.id = s.claim_id WHERE c.claim_number = ?""",
                Long.class, claimNumber)).isEqualTo(1);
    }

    private String codeAndAwaitClaim() {
        long caseId = relay.receive(encounter);
        relay.code(caseId, encounter, List.of("RT"));
        return relay.awaitClaimNumber(encounter);
    }

    private Map<String, Object> submission(String claimNumber) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList("""
                SELECT s.file_name, s.payload, s.delivery_attempts, s.delivery_failure, s.delivery_failed_at
                FROM claim_submission s JOIN claim c ON c.id = s.claim_id WHERE c.claim_number = ?""", claimNumber),
                rows -> !rows.isEmpty()).get(0);
    }

    /** The outbox holds the file under its name with the whole recorded content, and nothing half-written beside it. */
    private void assertWrittenOnceAndWhole(Map<String, Object> submission) throws Exception {
        String fileName = (String) submission.get("file_name");
        assertThat(Files.readString(outbox.resolve(fileName))).isEqualTo(submission.get("payload"));
        try (var files = Files.list(outbox)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(fileName)))
                    .containsExactly(fileName);
        }
        try (var staged = Files.list(outbox.resolve(".staging"))) {
            assertThat(staged.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(fileName))
                    .filter(n -> !n.endsWith(".part"))).isEmpty();
        }
    }

    private void assertNoPhi(String message) {
        Map<String, Object> body = RelayFixture.encounter(encounter);
        @SuppressWarnings("unchecked")
        Map<String, Object> patient = (Map<String, Object>) body.get("patient");
        @SuppressWarnings("unchecked")
        Map<String, Object> coverage = (Map<String, Object>) body.get("coverage");
        assertThat(message).doesNotContain((String) patient.get("mrn")).doesNotContain((String) coverage.get("memberId"))
                .doesNotContain("Test Patient").doesNotContain("ISA*").doesNotContain("1970");
    }

    private JsonNode awaitIncident(String claimNumber) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> incidentFor(claimNumber), i -> i != null);
    }

    private JsonNode incidentFor(String claimNumber) {
        for (JsonNode i : relay.as("manager").get("/api/incidents?size=200").json().get("content")) {
            if (claimNumber.equals(i.get("businessKey").asText(null))) {
                return i;
            }
        }
        return null;
    }
}
