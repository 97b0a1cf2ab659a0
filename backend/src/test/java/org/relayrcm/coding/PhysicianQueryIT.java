package org.relayrcm.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** The physician query loop over HTTP: coder asks, physician (or a manager after escalation) answers. */
@RelayIntegrationTest
class PhysicianQueryIT {

    private static final String QUESTION = "Please clarify the type of diabetes documented in the assessment.";
    private static final Map<String, Object> QUERY = Map.of(
            "question", QUESTION,
            "options", List.of("Type 2 diabetes mellitus with diabetic nephropathy", "Type 2 diabetes mellitus without complication"),
            "allowFreeText", true);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    RelayFixture relay;

    @BeforeEach
    void setUp() {
        relay = new RelayFixture(port, jdbc);
    }

    @Test
    void physicianAnswersAndTheCoderResumesWithTheAnswerInTheDocumentationAndTheDraftKept() {
        String number = RelayFixture.uniqueNumber("PQ");
        long caseId = relay.receive(number);
        claim("coder", "Task_CodeEncounter", number);
        assertThat(relay.as("coder").put("/api/coding/cases/" + caseId + "/draft", RelayFixture.codes(List.of("RT")))
                .status()).isEqualTo(200);

        Api.Response raised = relay.as("coder").post("/api/coding/cases/" + caseId + "/queries", QUERY);

        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        long queryId = raised.json().get("id").asLong();
        assertThat(raised.json().get("status").asText()).isEqualTo("OPEN");
        assertThat(texts(raised.json().get("options"))).containsExactly(
                "Type 2 diabetes mellitus with diabetic nephropathy", "Type 2 diabetes mellitus without complication",
                "Clinically undetermined");
        assertThat(relay.findTask("coder", "Task_CodeEncounter", number)).isNull();
        JsonNode answerTask = relay.awaitTask("physician", "Task_AnswerQuery", number);
        assertThat(answerTask.get("queryId").asLong()).isEqualTo(queryId);
        assertThat(texts(answerTask.get("candidateGroups"))).containsExactly("physician");
        assertThat(relay.as("coder").get("/api/queries/" + queryId).status()).isEqualTo(200);
        assertThat(relay.as("biller").get("/api/queries/" + queryId).status()).isEqualTo(404);

        Map<String, Object> answer = Map.of("choice", "Type 2 diabetes mellitus with diabetic nephropathy",
                "freeText", "eGFR 52 on 3 readings.");
        assertThat(relay.as("physician").post("/api/queries/" + queryId + "/answer", answer).status())
                .as("answering needs the task claimed").isEqualTo(409);
        claim("physician", "Task_AnswerQuery", number);
        Api.Response answered = relay.as("physician").post("/api/queries/" + queryId + "/answer", answer);

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("status").asText()).isEqualTo("ANSWERED");
        assertThat(answered.json().get("answeredBy").asText()).isEqualTo("physician");
        JsonNode back = relay.awaitTask("coder", "Task_CodeEncounter", number);
        assertThat(back.get("assignee").isNull()).isTrue();
        JsonNode codingCase = relay.as("coder").get("/api/coding/cases/" + caseId).json();
        assertThat(codingCase.get("documentation").asText()).startsWith("Knee pain").contains("Q: " + QUESTION)
                .contains("A: Type 2 diabetes mellitus with diabetic nephropathy eGFR 52 on 3 readings.");
        assertThat(codingCase.get("status").asText()).isEqualTo("OPEN");
        assertThat(codingCase.get("draft").get("procedures").get(1).get("modifiers").get(0).asText()).isEqualTo("RT");
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT answered_by, raised_at, answered_at, escalated_at FROM physician_query WHERE id = ?", queryId);
        assertThat(row.get("answered_by")).isEqualTo("physician");
        assertThat(row.get("answered_at")).isNotNull();
        assertThat(row.get("escalated_at")).isNull();

        relay.code(caseId, number, List.of("RT"));

        assertThat(relay.as("coder").get("/api/coding/cases/" + caseId).json().get("status").asText()).isEqualTo("CODED");
    }

    @Test
    void escalatesAnOverdueQueryToManagersWhoMayThenAnswerIt() {
        String number = RelayFixture.uniqueNumber("PQ");
        long caseId = relay.receive(number);
        claim("coder", "Task_CodeEncounter", number);
        long queryId = relay.as("coder").post("/api/coding/cases/" + caseId + "/queries", QUERY).json().get("id").asLong();
        relay.awaitTask("physician", "Task_AnswerQuery", number);
        assertThat(relay.findTask("manager", "Task_AnswerQuery", number)).as("not before it is overdue").isNull();
        Map<String, Object> answer = Map.of("choice", "Clinically undetermined");
        assertThat(relay.as("manager").post("/api/queries/" + queryId + "/answer", answer).status()).isEqualTo(409);

        answerIsOverdue(number);

        JsonNode escalated = relay.awaitTask("manager", "Task_AnswerQuery", number);
        assertThat(texts(escalated.get("candidateGroups"))).containsExactly("manager", "physician");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT escalated_at FROM physician_query WHERE id = ?", java.sql.Timestamp.class, queryId) != null);
        claim("manager", "Task_AnswerQuery", number);
        Api.Response answered = relay.as("manager").post("/api/queries/" + queryId + "/answer", answer);

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("answeredBy").asText()).isEqualTo("manager");
        assertThat(answered.json().get("escalatedAt").isNull()).isFalse();
        relay.awaitTask("coder", "Task_CodeEncounter", number);
        assertThat(relay.as("coder").get("/api/coding/cases/" + caseId).json().get("documentation").asText())
                .contains("A: Clinically undetermined");
    }

    @Test
    void refusesALeadingQueryWithOneAnswerAndKeepsTheCoderOnTheTask() {
        String number = RelayFixture.uniqueNumber("PQ");
        long caseId = relay.receive(number);
        claim("coder", "Task_CodeEncounter", number);

        Api.Response refused = relay.as("coder").post("/api/coding/cases/" + caseId + "/queries", Map.of(
                "question", "Does the patient have diabetic nephropathy?",
                "options", List.of("Yes, diabetic nephropathy"), "allowFreeText", false));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsText("ruleId")).contains("QUERY-OPTIONS");
        assertThat(relay.findTask("coder", "Task_CodeEncounter", number).get("assignee").asText()).isEqualTo("coder");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM physician_query WHERE coding_case_id = ?", Long.class, caseId))
                .isZero();
    }

    @Test
    void refusesAQueryFromACoderWhoDoesNotHoldTheTask() {
        String number = RelayFixture.uniqueNumber("PQ");
        long caseId = relay.receive(number);
        relay.awaitTask("coder", "Task_CodeEncounter", number);

        assertThat(relay.as("coder").post("/api/coding/cases/" + caseId + "/queries", QUERY).status()).isEqualTo(409);
        assertThat(relay.as("physician").post("/api/coding/cases/" + caseId + "/queries", QUERY).status()).isEqualTo(404);
    }

    @Test
    void refusesAnAnswerThatWasNotOfferedOrFreeTextWhereNoneIsAllowed() {
        String number = RelayFixture.uniqueNumber("PQ");
        long caseId = relay.receive(number);
        claim("coder", "Task_CodeEncounter", number);
        long queryId = relay.as("coder").post("/api/coding/cases/" + caseId + "/queries", Map.of(
                "question", QUESTION, "options", QUERY.get("options"), "allowFreeText", false)).json().get("id").asLong();
        claim("physician", "Task_AnswerQuery", number);

        Api.Response refused = relay.as("physician").post("/api/queries/" + queryId + "/answer",
                Map.of("choice", "Type 1 diabetes", "freeText", "see note"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsText("ruleId"))
                .containsExactlyInAnyOrder("QUERY-ANSWER-CHOICE", "QUERY-ANSWER-FREE-TEXT");
        assertThat(relay.findTask("physician", "Task_AnswerQuery", number)).isNotNull();
        assertThat(relay.as("physician").get("/api/queries/" + queryId).json().get("status").asText()).isEqualTo("OPEN");
    }

    private void claim(String user, String taskKey, String businessKey) {
        JsonNode task = relay.awaitTask(user, taskKey, businessKey);
        Api.Response claimed = relay.as(user).post("/api/tasks/" + task.get("id").asText() + "/claim", "");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
    }

    /** Fires the escalation timer now instead of waiting the configured days. */
    private void answerIsOverdue(String encounterNumber) {
        String processId = runtime.createProcessInstanceQuery().processDefinitionKey("revenue-cycle")
                .processInstanceBusinessKey(encounterNumber).singleResult().getId();
        String timerId = management.createJobQuery().processInstanceId(processId).activityId("Timer_QueryEscalation")
                .singleResult().getId();
        management.executeJob(timerId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
