package org.relayrcm.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@RelayIntegrationTest
class FhirBundleIntakeIT {

    static final Path SYNTHEA = Path.of("../../shared/data/synthea");
    static final String FHIR_JSON = "application/fhir+json";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    RelayFixture relay;
    String run;

    @BeforeEach
    void setUp() {
        relay = new RelayFixture(port, jdbc);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    Api.Response post(String bundle) {
        return relay.as("ehr").postRaw("/fhir/Bundle", FHIR_JSON, bundle.getBytes(StandardCharsets.UTF_8));
    }

    long encountersFrom(String sourcePrefix) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM encounter WHERE source_identifier LIKE ?", Long.class, sourcePrefix + "%");
    }

    long patients(String mrn) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM patient WHERE mrn = ?", Long.class, mrn);
    }

    /** A hand-made collection bundle in another EHR's style: relative references, no fullUrl on most entries. */
    String bundle(String encounters, String extra) {
        return """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"resource":{"resourceType":"Patient","id":"p1",
                  "identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]},
                                 "system":"http://ehr.example/mrn","value":"MRN-%1$s"}],
                  "name":[{"family":"Messy","given":["Mia"]}],"gender":"female","birthDate":"1975-07-14"}}%2$s%3$s]}"""
                .formatted(run, encounters, extra);
    }

    String encounter(String id, String value) {
        return """
                ,{"resource":{"resourceType":"Encounter","id":"%1$s","identifier":[{"system":"http://ehr.example/enc-%3$s","value":"%2$s"}],
                  "status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
                  "subject":{"reference":"Patient/p1"},"period":{"start":"2024-05-02T10:00:00+02:00"}}}"""
                .formatted(id, value, run);
    }

    @Test
    void receivesEverySyntheaEncounterOnceAndStartsTheRelay() throws IOException {
        assumeTrue(Files.isDirectory(SYNTHEA), "shared Synthea data not present");
        List<Path> files;
        try (Stream<Path> listing = Files.list(SYNTHEA)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(5);
        ObjectMapper json = new ObjectMapper();
        for (Path file : files) {
            String body = Files.readString(file);
            List<String> sources = new ArrayList<>();
            for (JsonNode entry : json.readTree(body).get("entry")) {
                if ("Encounter".equals(entry.get("resource").get("resourceType").asText())) {
                    sources.add(entry.get("fullUrl").asText());
                }
            }
            long before = countSources(sources);

            Api.Response first = post(body);

            assertThat(first.status()).as(first.body()).isEqualTo(before == 0 ? 201 : 200);
            assertThat(countSources(sources)).isEqualTo(sources.size());
            Api.Response again = post(body);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("received")).isEmpty();
            assertThat(again.json().get("alreadyReceived")).hasSize(sources.size());
            assertThat(countSources(sources)).isEqualTo(sources.size());
        }
        String documentation = jdbc.queryForObject("SELECT documentation FROM encounter WHERE source_identifier = ?", String.class,
                "urn:uuid:abbc5979-3aca-43fe-91a6-8065b7e4a90f");
        assertThat(documentation).contains("Body mass index 30+ - obesity (finding) (SNOMED CT 162864005)");
        String number = jdbc.queryForObject("SELECT encounter_number FROM encounter WHERE source_identifier = ?", String.class,
                "urn:uuid:abbc5979-3aca-43fe-91a6-8065b7e4a90f");
        assertThat(jdbc.queryForObject("SELECT coverage_id FROM encounter WHERE encounter_number = ?", Long.class, number)).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coded_diagnosis d JOIN coding_case c ON c.id = d.coding_case_id "
                + "JOIN encounter e ON e.id = c.encounter_id WHERE e.encounter_number = ?", Long.class, number))
                .as("EHR codes are never billing codes").isZero();
        assertThat(relay.awaitTask("coder", "Task_CodeEncounter", number).get("patientName").asText()).isEqualTo("Abdul Koepp");
        assertThat(relay.as("coder").get("/api/coding/cases/" + jdbc.queryForObject(
                "SELECT c.id FROM coding_case c JOIN encounter e ON e.id = c.encounter_id WHERE e.encounter_number = ?", Long.class, number))
                .body()).contains("SNOMED CT 162864005");
    }

    private long countSources(List<String> sources) {
        return sources.stream().mapToLong(s -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM encounter WHERE source_identifier = ?", Long.class, s)).sum();
    }

    @Test
    void receivesAnotherEhrsCollectionBundleWithCoverageAndNote() {
        String note = Base64.getEncoder().encodeToString("Follow-up of hypertension. BP improved.".getBytes(StandardCharsets.UTF_8));
        Api.Response response = post(bundle(encounter("e1", "V1"), """
                ,{"resource":{"resourceType":"Organization","id":"org1","identifier":[{"value":"ITPAYER"}],"name":"Integration Health Plan"}},
                 {"resource":{"resourceType":"Coverage","id":"cov1","status":"active","subscriberId":"MEM-%s",
                   "beneficiary":{"reference":"Patient/p1"},"payor":[{"reference":"Organization/org1"}]}},
                 {"resource":{"resourceType":"DocumentReference","id":"d1","status":"current",
                   "content":[{"attachment":{"contentType":"text/plain","data":"%s"}}],
                   "context":{"encounter":[{"reference":"Encounter/e1"}]}}}""".formatted(run, note)));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode received = response.json().get("received").get(0);
        var row = jdbc.queryForMap("""
                SELECT e.documentation, e.date_of_service, py.payer_code, c.member_id FROM encounter e
                JOIN coverage c ON c.id = e.coverage_id JOIN payer py ON py.id = c.payer_id WHERE e.id = ?""",
                received.get("encounterId").asLong());
        assertThat(row.get("payer_code")).isEqualTo("ITPAYER");
        assertThat(row.get("member_id")).isEqualTo("MEM-" + run);
        assertThat(row.get("date_of_service").toString()).isEqualTo("2024-05-02");
        assertThat((String) row.get("documentation")).contains("Clinical note:\nFollow-up of hypertension. BP improved.");
        relay.awaitTask("coder", "Task_CodeEncounter", received.get("encounterNumber").asText());
    }

    @Test
    void rejectsMalformedJsonAndWritesNothing() {
        Api.Response response = post("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("ruleId").asText()).isEqualTo("FHIR-PARSE");
    }

    @Test
    void rejectsAResourceThatIsNotABundle() {
        Api.Response response = post("{\"resourceType\":\"Patient\",\"id\":\"x\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("ruleId").asText()).isEqualTo("FHIR-NOT-BUNDLE");
    }

    @Test
    void rejectsStructuralErrorsWithTheValidatorsMessagesAndWritesNothing() {
        // Encounter.status and Encounter.class are mandatory (1..1) in R4.
        String bundle = bundle(encounter("e1", "V1").replace("\"status\":\"finished\",\"class\":{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},", ""), "");

        Api.Response response = post(bundle);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("ruleId")).contains("FHIR-STRUCTURE");
        assertThat(response.json().get("errors").findValuesAsText("message")).anyMatch(m -> m.contains("Encounter.status"));
        assertThat(patients("MRN-" + run)).isZero();
    }

    @Test
    void rejectsTheWholeBundleWhenOneEncounterHasNoSubject() {
        String bad = encounter("e2", "V2").replace("\"subject\":{\"reference\":\"Patient/p1\"},", "");

        Api.Response response = post(bundle(encounter("e1", "V1") + bad, ""));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("ruleId").asText()).isEqualTo("FHIR-ENCOUNTER-SUBJECT");
        assertThat(encountersFrom("http://ehr.example/enc-" + run)).isZero();
        assertThat(patients("MRN-" + run)).isZero();
    }

    @Test
    void rejectsTwoEncountersWithOneIdentifierInABundle() {
        Api.Response response = post(bundle(encounter("e1", "V1") + encounter("e2", "V1"), ""));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("ruleId").asText()).isEqualTo("FHIR-DUPLICATE-ENCOUNTER");
        assertThat(encountersFrom("http://ehr.example/enc-" + run)).isZero();
    }

    @Test
    void rejectsAnUnknownPayerAndWritesNothing() {
        Api.Response response = post(bundle(encounter("e1", "V1"), """
                ,{"resource":{"resourceType":"Coverage","status":"active","subscriberId":"M1",
                   "beneficiary":{"reference":"Patient/p1"},"payor":[{"display":"No Such Mutual"}]}}"""));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("ruleId").asText()).isEqualTo("INTAKE-PAYER-UNKNOWN");
        assertThat(patients("MRN-" + run)).isZero();
    }

    @Test
    void keepsAnEncounterWithAHugeStringReadable() {
        String huge = "Lorem ipsum ".repeat(25_000);
        Api.Response response = post(bundle(encounter("e1", "V1"), """
                ,{"resource":{"resourceType":"Condition","subject":{"reference":"Patient/p1"},"encounter":{"reference":"Encounter/e1"},
                   "code":{"text":"%s"}}}""".formatted(huge)));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String documentation = jdbc.queryForObject("SELECT documentation FROM encounter WHERE id = ?", String.class,
                response.json().get("received").get(0).get("encounterId").asLong());
        assertThat(documentation.length()).isLessThan(5_000);
        assertThat(documentation).contains("Conditions:\n- Lorem ipsum").contains("[...]");
    }

    @Test
    void rejectsAStringOverTheOneMegabyteFhirLimit() {
        String huge = "x".repeat(1_100_000);
        Api.Response response = post(bundle(encounter("e1", "V1"), """
                ,{"resource":{"resourceType":"Condition","subject":{"reference":"Patient/p1"},"encounter":{"reference":"Encounter/e1"},
                   "code":{"text":"%s"}}}""".formatted(huge)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("message")).anyMatch(m -> m.contains("1 MB"));
        assertThat(response.body()).doesNotContain("xxxxxxxxxx");
        assertThat(patients("MRN-" + run)).isZero();
    }

    @Test
    void letsOnlyOneOfTwoConcurrentIdenticalBundlesCreateTheEncounters() throws Exception {
        String body = bundle(encounter("e1", "V1") + encounter("e2", "V2"), "");
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Integer> send = () -> {
            start.await();
            return post(body).status();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(send);
            Future<Integer> b = pool.submit(send);
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(201, 200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(encountersFrom("http://ehr.example/enc-" + run)).isEqualTo(2);
        assertThat(patients("MRN-" + run)).isEqualTo(1);
    }

    @Test
    void hidesTheFhirDoorFromCoders() {
        Api.Response response = relay.as("coder").postRaw("/fhir/Bundle", FHIR_JSON,
                bundle(encounter("e1", "V1"), "").getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(404);
        assertThat(patients("MRN-" + run)).isZero();
    }
}
