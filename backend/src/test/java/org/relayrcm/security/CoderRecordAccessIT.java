package org.relayrcm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
 * No reading by guessing ids: a coder reads a coding case or physician query only through coding work that is theirs
 * (the coding task offered to them or held by them, a case they coded, a query they raised). Anything else answers
 * exactly like an id that does not exist. Auditors and managers keep their broader reads.
 */
@RelayIntegrationTest
class CoderRecordAccessIT {

    private static final String NO_SUCH_ID = "999999999";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    RelayFixture relay;
    /** A second coder, whose finished work the first one has no business reading. */
    String colleague;

    @BeforeEach
    void setUp() {
        relay = new RelayFixture(port, jdbc);
        // Camunda user ids are letters and digits only.
        colleague = "coder" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(colleague);
        user.setPassword(colleague);
        identity.saveUser(user);
        identity.createMembership(colleague, Roles.CODER);
    }

    @Test
    void coderReadsTheCaseWhoseCodingTaskIsOfferedToThemButNotOneAColleagueCoded() {
        String offeredNumber = RelayFixture.uniqueNumber("IDOR");
        long offered = relay.receive(offeredNumber);
        String codedNumber = RelayFixture.uniqueNumber("IDOR");
        long coded = relay.receive(codedNumber);
        relay.claimTask(colleague, "Task_CodeEncounter", codedNumber);
        Api.Response done = relay.as(colleague).post("/api/coding/cases/" + coded + "/complete",
                RelayFixture.codes(List.of("RT")));
        assertThat(done.status()).as(done.body()).isEqualTo(200);

        assertThat(relay.as("coder").get("/api/coding/cases/" + offered).status()).isEqualTo(200);
        assertAnswersLikeAnIdThatDoesNotExist(relay.as("coder"), "/api/coding/cases/", coded);
        assertThat(relay.as(colleague).get("/api/coding/cases/" + coded).status()).as("their own coding").isEqualTo(200);
        assertThat(relay.as("auditor").get("/api/coding/cases/" + coded).status()).isEqualTo(200);
        assertThat(relay.as("manager").get("/api/coding/cases/" + coded).status()).isEqualTo(200);
    }

    @Test
    void coderHoldingOneCodingTaskCannotReadACaseWaitingOnAColleaguesPhysicianQuery() {
        String heldNumber = RelayFixture.uniqueNumber("IDOR");
        long held = relay.receive(heldNumber);
        relay.claimTask("coder", "Task_CodeEncounter", heldNumber);
        String queriedNumber = RelayFixture.uniqueNumber("IDOR");
        long queried = relay.receive(queriedNumber);
        relay.claimTask(colleague, "Task_CodeEncounter", queriedNumber);
        Api.Response raised = relay.as(colleague).post("/api/coding/cases/" + queried + "/queries", Map.of(
                "question", "Which type of diabetes does the documentation support?",
                "options", List.of("Type 1 diabetes mellitus", "Type 2 diabetes mellitus"),
                "allowFreeText", false));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        long query = raised.json().get("id").asLong();

        assertThat(relay.as("coder").get("/api/coding/cases/" + held).status()).isEqualTo(200);
        assertAnswersLikeAnIdThatDoesNotExist(relay.as("coder"), "/api/coding/cases/", queried);
        assertAnswersLikeAnIdThatDoesNotExist(relay.as("coder"), "/api/queries/", query);
        assertThat(relay.as(colleague).get("/api/queries/" + query).status()).as("the query they raised").isEqualTo(200);
        assertThat(relay.as("physician").get("/api/queries/" + query).status()).isEqualTo(200);
        assertThat(relay.as("manager").get("/api/coding/cases/" + queried).status()).isEqualTo(200);
    }

    /** Same status, same title, same wording: an existing record outside your work cannot be told from none. */
    private static void assertAnswersLikeAnIdThatDoesNotExist(Api api, String prefix, long id) {
        Api.Response refused = api.get(prefix + id);
        Api.Response missing = api.get(prefix + NO_SUCH_ID);
        assertThat(refused.status()).as(refused.body()).isEqualTo(404).isEqualTo(missing.status());
        JsonNode refusedProblem = refused.json();
        JsonNode missingProblem = missing.json();
        assertThat(refusedProblem.get("title")).isEqualTo(missingProblem.get("title"));
        assertThat(refusedProblem.get("detail").asText().replace(String.valueOf(id), NO_SUCH_ID))
                .isEqualTo(missingProblem.get("detail").asText());
    }
}
