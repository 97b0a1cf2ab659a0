package org.relayrcm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** Drives the relay over HTTP the way the React app and an EHR interface do. */
public final class RelayFixture {

    private final int port;
    private final JdbcTemplate jdbc;

    public RelayFixture(int port, JdbcTemplate jdbc) {
        this.port = port;
        this.jdbc = jdbc;
        jdbc.update("INSERT INTO payer (payer_code, name) VALUES ('ITPAYER', 'Integration Health Plan') ON CONFLICT DO NOTHING");
    }

    public Api as(String user) {
        return Api.as(port, user);
    }

    public static String uniqueNumber(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Map<String, Object> encounter(String number) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("mrn", "MRN-" + number);
        patient.put("firstName", "Test");
        patient.put("lastName", "Patient");
        patient.put("birthDate", "1970-05-01");
        patient.put("sex", "F");
        patient.put("addressLine", "1 Test Way");
        patient.put("city", "Springfield");
        patient.put("state", "IL");
        patient.put("postalCode", "62701");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("encounterNumber", number);
        body.put("dateOfService", LocalDate.now().minusDays(1).toString());
        body.put("placeOfService", "11");
        body.put("patient", patient);
        body.put("coverage", Map.of("payerCode", "ITPAYER", "memberId", "M" + number.replace("-", "")));
        body.put("documentation", "Knee pain, right side. Injection of the right knee performed.");
        return body;
    }

    /** Receives an encounter as the EHR interface and returns its coding case id. */
    public long receive(String number) {
        Api.Response created = Api.as(port, "ehr").post("/api/encounters", encounter(number));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("codingCaseId").asLong();
    }

    /** Waits until {@code user} can see a task of {@code taskKey} for the business key, and returns it. */
    public JsonNode awaitTask(String user, String taskKey, String businessKey) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            found[0] = findTask(user, taskKey, businessKey);
            return found[0] != null;
        });
        return found[0];
    }

    public JsonNode findTask(String user, String taskKey, String businessKey) {
        JsonNode tasks = as(user).get("/api/tasks?view=group&size=50&businessKey=" + businessKey).json();
        for (JsonNode t : tasks.get("content")) {
            if (taskKey.equals(t.get("taskDefinitionKey").asText())) {
                return t;
            }
        }
        return null;
    }

    /** Claims the task and completes coding with codes that pass every edit. */
    public void code(long caseId, String encounterNumber, List<String> modifiers) {
        code(caseId, encounterNumber, codes(modifiers));
    }

    public static Map<String, Object> codes(List<String> modifiers) {
        return Map.of(
                "diagnoses", List.of(Map.of("code", "M17.11"), Map.of("code", "I10")),
                "procedures", List.of(
                        Map.of("code", "99213", "modifiers", List.of("25"), "units", 1, "diagnosisPointers", List.of(1, 2)),
                        Map.of("code", "20610", "modifiers", modifiers, "units", 1, "diagnosisPointers", List.of(1))));
    }

    /**
     * A visit and a therapy line whose modifiers the scrubber does not police for a commercial payer, while the IT
     * payer simulator denies 97110 without GP (CO-4): a denial only the payer catches.
     */
    public static Map<String, Object> therapyCodes(List<String> therapyModifiers) {
        return Map.of(
                "diagnoses", List.of(Map.of("code", "M54.50"), Map.of("code", "I10")),
                "procedures", List.of(
                        Map.of("code", "99213", "modifiers", List.of(), "units", 1, "diagnosisPointers", List.of(1, 2)),
                        Map.of("code", "97110", "modifiers", therapyModifiers, "units", 2, "diagnosisPointers", List.of(1))));
    }

    /** Claims the coding task and completes it with the given codes. */
    public void code(long caseId, String encounterNumber, Map<String, Object> codes) {
        JsonNode task = awaitTask("coder", "Task_CodeEncounter", encounterNumber);
        assertThat(as("coder").post("/api/tasks/" + task.get("id").asText() + "/claim", "").status()).isEqualTo(200);
        Api.Response done = as("coder").post("/api/coding/cases/" + caseId + "/complete", codes);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    /** Waits until the claim reaches {@code status}; claims move on by jobs and by the payer's answers. */
    public void awaitClaimStatus(String claimNumber, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "SELECT status FROM claim WHERE claim_number = ?", String.class, claimNumber), status::equals);
    }

    /** Claims the task for the business key as {@code user} and returns it. */
    public JsonNode claimTask(String user, String taskKey, String businessKey) {
        JsonNode task = awaitTask(user, taskKey, businessKey);
        Api.Response claimed = as(user).post("/api/tasks/" + task.get("id").asText() + "/claim", "");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        return task;
    }

    /** The claim built for the encounter, once the asynchronous build has run. */
    public String awaitClaimNumber(String encounterNumber) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT c.claim_number FROM claim c JOIN encounter e ON e.id = c.encounter_id WHERE e.encounter_number = ?",
                String.class, encounterNumber), list -> !list.isEmpty()).get(0);
    }

    public long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
