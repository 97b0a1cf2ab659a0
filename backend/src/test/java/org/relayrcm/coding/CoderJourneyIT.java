package org.relayrcm.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

@RelayIntegrationTest
class CoderJourneyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;
    RelayFixture relay;

    @BeforeEach
    void setUp() {
        relay = new RelayFixture(port, jdbc);
        if (identity.createUserQuery().userId("coder2").count() == 0) {
            var user = identity.newUser("coder2");
            user.setPassword("coder2");
            identity.saveUser(user);
            identity.createMembership("coder2", "coder");
        }
    }

    @Test
    void coderClaimsCodesAndHandsTheEncounterToBilling() {
        String number = RelayFixture.uniqueNumber("CJ");
        long caseId = relay.receive(number);
        JsonNode task = relay.awaitTask("coder", "Task_CodeEncounter", number);
        String taskId = task.get("id").asText();

        assertThat(relay.as("coder").post("/api/tasks/" + taskId + "/claim", "").json().get("assignee").asText())
                .isEqualTo("coder");
        JsonNode codingCase = relay.as("coder").get("/api/coding/cases/" + caseId).json();
        assertThat(codingCase.get("documentation").asText()).contains("Knee pain");
        assertThat(codingCase.get("status").asText()).isEqualTo("OPEN");

        Api.Response draft = relay.as("coder").put("/api/coding/cases/" + caseId + "/draft", RelayFixture.codes(List.of()));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().get("draft").get("diagnoses").get(0).get("description").asText())
                .startsWith("Unilateral primary osteoarthritis, right knee");

        relay.code(caseId, number, List.of("RT"));

        assertThat(relay.findTask("coder", "Task_CodeEncounter", number)).isNull();
        assertThat(relay.as("coder").get("/api/tasks?view=mine").json().get("content").findValuesAsText("businessKey"))
                .doesNotContain(number);
        JsonNode coded = relay.as("coder").get("/api/coding/cases/" + caseId).json();
        assertThat(coded.get("status").asText()).isEqualTo("CODED");
        assertThat(coded.get("finalCodes").get("procedures").get(1).get("modifiers").get(0).asText()).isEqualTo("RT");
        String claimNumber = relay.awaitClaimNumber(number);
        assertThat(jdbc.queryForObject("SELECT total_charge_cents FROM claim WHERE claim_number = ?", Long.class,
                claimNumber)).isEqualTo(13500 + 17500);
    }

    @Test
    void rejectsInvalidCodesFieldByFieldAndKeepsTheTask() {
        String number = RelayFixture.uniqueNumber("CJ");
        long caseId = relay.receive(number);
        String taskId = relay.awaitTask("coder", "Task_CodeEncounter", number).get("id").asText();
        relay.as("coder").post("/api/tasks/" + taskId + "/claim", "");

        Api.Response response = relay.as("coder").post("/api/coding/cases/" + caseId + "/complete", Map.of(
                "diagnoses", List.of(Map.of("code", "M25"), Map.of("code", "Q99.X9"), Map.of("code", "hello")),
                "procedures", List.of(Map.of("code", "99213", "modifiers", List.of("2"), "units", 0,
                        "diagnosisPointers", List.of(5)))));

        assertThat(response.status()).isEqualTo(422);
        JsonNode errors = response.json().get("errors");
        assertThat(errors.findValuesAsText("ruleId")).contains("CODING-DX-NOT-BILLABLE", "CODING-DX-UNKNOWN",
                "CODING-DX-FORMAT", "CODING-MOD-FORMAT", "CODING-UNITS", "CODING-PTR-RANGE");
        assertThat(errors.findValuesAsText("field")).contains("diagnoses[0].code", "procedures[0].units");
        assertThat(relay.as("coder").get("/api/coding/cases/" + caseId).json().get("status").asText()).isEqualTo("OPEN");
        assertThat(relay.findTask("coder", "Task_CodeEncounter", number).get("assignee").asText()).isEqualTo("coder");
    }

    @Test
    void refusesToCompleteATaskTheCoderHasNotClaimed() {
        String number = RelayFixture.uniqueNumber("CJ");
        long caseId = relay.receive(number);
        relay.awaitTask("coder", "Task_CodeEncounter", number);

        Api.Response response = relay.as("coder").post("/api/coding/cases/" + caseId + "/complete",
                RelayFixture.codes(List.of("RT")));

        assertThat(response.status()).isEqualTo(409);
        assertThat(relay.as("coder").get("/api/coding/cases/" + caseId).json().get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void answersConflictToTheSecondUserClaimingATask() {
        String number = RelayFixture.uniqueNumber("CJ");
        relay.receive(number);
        String taskId = relay.awaitTask("coder", "Task_CodeEncounter", number).get("id").asText();
        assertThat(relay.as("coder").post("/api/tasks/" + taskId + "/claim", "").status()).isEqualTo(200);

        Api.Response second = relay.as("coder2").post("/api/tasks/" + taskId + "/claim", "");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asText()).contains("already claimed");
    }

}
