package org.relayrcm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@RelayIntegrationTest
class EncounterIntakeIT {

    private static final List<String> COUNTED = List.of("patient", "coverage", "encounter", "coding_case",
            "ACT_RU_EXECUTION", "ACT_HI_PROCINST", "ACT_RU_TASK");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    RelayFixture relay;

    @BeforeEach
    void setUp() {
        relay = new RelayFixture(port, jdbc);
    }

    @Test
    void startsTheRelayWithACodingTaskForCoders() {
        String number = RelayFixture.uniqueNumber("IN");
        long caseId = relay.receive(number);

        var task = relay.awaitTask("coder", "Task_CodeEncounter", number);
        assertThat(task.get("codingCaseId").asLong()).isEqualTo(caseId);
        assertThat(task.get("patientName").asText()).isEqualTo("Test Patient");
        assertThat(task.get("candidateGroups").get(0).asText()).isEqualTo("coder");
        assertThat(relay.findTask("biller", "Task_CodeEncounter", number)).isNull();
    }

    @Test
    void rejectsMalformedJsonAndChangesNothing() {
        Map<String, Long> before = counts();

        Api.Response response = relay.as("ehr").post("/api/encounters", "{\"encounterNumber\": \"X-1\", \"patient\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("ruleId").asText()).isEqualTo("JSON-SYNTAX");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void rejectsWrongTypesAndMissingFieldsAndChangesNothing() {
        Map<String, Long> before = counts();
        Map<String, Object> wrongType = RelayFixture.encounter(RelayFixture.uniqueNumber("IN"));
        wrongType.put("dateOfService", 20240101);
        Map<String, Object> missing = RelayFixture.encounter(RelayFixture.uniqueNumber("IN"));
        missing.remove("patient");

        Api.Response typed = relay.as("ehr").post("/api/encounters", wrongType);
        Api.Response incomplete = relay.as("ehr").post("/api/encounters", missing);

        assertThat(typed.status()).isEqualTo(400);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().get("errors").get(0).get("field").asText()).isEqualTo("patient");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void rejectsAnUnknownPayerAndChangesNothing() {
        Map<String, Long> before = counts();
        Map<String, Object> body = RelayFixture.encounter(RelayFixture.uniqueNumber("IN"));
        body.put("coverage", Map.of("payerCode", "NO-SUCH-PAYER", "memberId", "M1"));

        Api.Response response = relay.as("ehr").post("/api/encounters", body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("ruleId").asText()).isEqualTo("INTAKE-PAYER-UNKNOWN");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void answersConflictForADuplicateEncounterNumber() {
        String number = RelayFixture.uniqueNumber("IN");
        relay.receive(number);

        Api.Response again = relay.as("ehr").post("/api/encounters", RelayFixture.encounter(number));

        assertThat(again.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", Long.class, number))
                .isEqualTo(1);
    }

    @Test
    void letsOnlyOneOfTwoConcurrentDuplicatePostsThrough() throws Exception {
        String number = RelayFixture.uniqueNumber("IN");
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Integer> post = () -> {
            start.await();
            return relay.as("ehr").post("/api/encounters", RelayFixture.encounter(number)).status();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(post);
            Future<Integer> b = pool.submit(post);
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM encounter WHERE encounter_number = ?", Long.class, number))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", Long.class, number))
                .isEqualTo(1);
    }

    /** Counts once background work from earlier tests (jobs, the payer simulator) has settled. */
    private Map<String, Long> counts() {
        Map<String, Long>[] last = new Map[] {snapshot()};
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(500)).until(() -> {
                    Map<String, Long> now = snapshot();
                    boolean settled = now.equals(last[0]);
                    last[0] = now;
                    return settled;
                });
        return last[0];
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        COUNTED.forEach(table -> counts.put(table, relay.count(table)));
        return counts;
    }
}
