package org.relayrcm.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The work queue's order over HTTP: nearest due date first, then the claim with the most dollars, tasks without a due
 * date last. Probe tasks of a model deployed here stand in for the relay's tasks, about real claims of three sizes.
 */
@RelayIntegrationTest
class WorkQueueOrderIT {

    private static final String GROUP = "auditor";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @Test
    void ordersByDeadlineThenDollarsWithUndatedTasksLast() {
        RelayFixture relay = new RelayFixture(port, jdbc);
        jdbc.update("INSERT INTO payer (payer_code, name) VALUES ('ITNOSIM', 'Silent Health Plan') ON CONFLICT DO NOTHING");
        String small = claim(relay, "QS", List.of(Map.of("code", "99213", "modifiers", List.of(), "units", 1,
                "diagnosisPointers", List.of(1))));
        String large = claim(relay, "QL", List.of(
                Map.of("code", "99213", "modifiers", List.of("25"), "units", 1, "diagnosisPointers", List.of(1)),
                Map.of("code", "20610", "modifiers", List.of("RT"), "units", 1, "diagnosisPointers", List.of(1))));
        BpmnModelInstance probe = Bpmn.createExecutableProcess("queue-order-probe").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_QueueProbe").name("Queue probe").camundaCandidateGroups(GROUP)
                .camundaDueDate("${due}").endEvent().done();
        repository.createDeployment().addModelInstance("queue-order-probe.bpmn", probe).deploy();
        Instant soon = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String undated = start(null, small);
        String laterLarge = start(soon.plus(10, ChronoUnit.DAYS), large);
        String soonSmall = start(soon, small);
        String soonLarge = start(soon, large);

        List<String> order = new ArrayList<>();
        JsonNode page = relay.as("auditor").get("/api/tasks?view=group&size=200").json();
        for (JsonNode task : page.get("content")) {
            if (task.get("taskDefinitionKey").asText().equals("Task_QueueProbe")) {
                order.add(task.get("businessKey").asText());
            }
        }

        assertThat(order).containsExactly(soonLarge, soonSmall, laterLarge, undated);
        JsonNode oldestFirst = relay.as("auditor").get("/api/tasks?view=group&size=200&sort=created").json();
        assertThat(oldestFirst.get("content").findValuesAsText("businessKey")).containsSubsequence(undated, laterLarge,
                soonSmall, soonLarge);
    }

    private String start(Instant due, String claimNumber) {
        String key = RelayFixture.uniqueNumber("PROBE");
        runtime.startProcessInstanceByKey("queue-order-probe", key, Variables.createVariables()
                .putValue("due", due == null ? null : Date.from(due)).putValue("claimNumber", claimNumber));
        return key;
    }

    private String claim(RelayFixture relay, String prefix, List<Map<String, Object>> procedures) {
        String encounter = RelayFixture.uniqueNumber(prefix);
        Map<String, Object> body = RelayFixture.encounter(encounter);
        body.put("coverage", Map.of("payerCode", "ITNOSIM", "memberId", "SILENT1"));
        long caseId = relay.as("ehr").post("/api/encounters", body).json().get("codingCaseId").asLong();
        relay.code(caseId, encounter, Map.of("diagnoses", List.of(Map.of("code", "M17.11")), "procedures", procedures));
        return relay.awaitClaimNumber(encounter);
    }
}
