package org.relayrcm.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.relayrcm.testing.SubmissionFaults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** A submission that keeps failing becomes an incident a manager sees and retries once it is fixed. */
@RelayIntegrationTest
class IncidentsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void aManagerSeesTheIncidentAndRetriesItAfterTheCauseIsFixed() {
        RelayFixture relay = new RelayFixture(port, jdbc);
        String encounter = RelayFixture.uniqueNumber("INC");
        long caseId = relay.receive(encounter);
        // The outage: every submission attempt of this encounter's claim is refused until it is cleared.
        SubmissionFaults outage = new SubmissionFaults(jdbc);
        outage.failEveryAttempt(encounter);
        relay.code(caseId, encounter, List.of("RT"));
        String claimNumber = relay.awaitClaimNumber(encounter);
        long claimId = jdbc.queryForObject("SELECT id FROM claim WHERE claim_number = ?", Long.class, claimNumber);
        try {
            String process = await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(claimNumber).singleResult(), p -> p != null).getId();
            Job failing = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
                    .processInstanceId(process).withException().singleResult(), j -> j != null);
            // Skip the hours of back-off: the last retry, now.
            management.setJobRetries(failing.getId(), 1);
            management.setJobDuedate(failing.getId(), new Date());

            JsonNode incident = await().atMost(Duration.ofSeconds(30)).until(() -> find(relay, claimNumber), i -> i != null);
            assertThat(incident.get("activityId").asText()).isEqualTo("Task_SubmitClaim");
            assertThat(incident.get("processDefinitionKey").asText()).isEqualTo("claim-submission");
            assertThat(incident.get("message").asText()).isNotBlank();
            assertThat(relay.as("coder").get("/api/incidents").status()).isEqualTo(404);
            assertThat(relay.as("biller").post("/api/incidents/" + incident.get("id").asText() + "/retry", "").status())
                    .isEqualTo(404);

            outage.clear(encounter);
            assertThat(relay.as("manager").post("/api/incidents/" + incident.get("id").asText() + "/retry", "").status())
                    .isEqualTo(202);

            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT status FROM claim WHERE id = ?", String.class, claimId), "PAID"::equals);
            assertThat(find(relay, claimNumber)).isNull();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim_submission WHERE claim_id = ?", Long.class, claimId))
                    .isEqualTo(1);
        } finally {
            outage.clear(encounter);
        }
    }

    private static JsonNode find(RelayFixture relay, String businessKey) {
        for (JsonNode i : relay.as("manager").get("/api/incidents?size=200").json().get("content")) {
            if (businessKey.equals(i.get("businessKey").asText(null))) {
                return i;
            }
        }
        return null;
    }
}
