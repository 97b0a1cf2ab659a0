package org.relayrcm.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives one patient through intake, coding, a payer denial, a bad resubmission attempt and malformed
 * requests, then greps everything the application logged meanwhile for that patient's identifiers.
 */
@RelayIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogsCarryNoPhiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noPatientIdentifierOrPasswordReachesTheLog(CapturedOutput output) {
        RelayFixture relay = new RelayFixture(port, jdbc);
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String number = "LOG-" + token;
        String first = "Quillon" + token.toLowerCase();
        String last = "Vexmarsh" + token.toLowerCase();
        String mrn = "MRNQV" + token;
        String member = "QVMEMBER" + token;
        String note = "Zephyrine" + token + " reports right knee pain";
        Map<String, Object> body = RelayFixture.encounter(number);
        @SuppressWarnings("unchecked")
        Map<String, Object> patient = (Map<String, Object>) body.get("patient");
        patient.put("firstName", first);
        patient.put("lastName", last);
        patient.put("mrn", mrn);
        patient.put("birthDate", "1931-02-28");
        body.put("coverage", Map.of("payerCode", "ITPAYER", "memberId", member));
        body.put("documentation", note);

        long caseId = relay.as("ehr").post("/api/encounters", body).json().get("codingCaseId").asLong();
        relay.as("ehr").post("/api/encounters", body);                       // duplicate: 409
        relay.as("ehr").post("/api/encounters", "{\"patient\": {\"firstName\": \"" + first + "\"");  // malformed
        relay.as("ehr").postRaw("/fhir/Bundle", "application/fhir+json",
                ("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"name\":[{\"family\":\""
                        + last + "\"}],\"birthDate\":\"not-a-date\"}}]}").getBytes());
        relay.code(caseId, number, RelayFixture.therapyCodes(List.of()));  // no GP: the payer denies
        String claimNumber = relay.awaitClaimNumber(number);
        relay.awaitClaimStatus(claimNumber, "DENIED");
        relay.as("admin-with-a-wrong-password").get("/api/me");

        // Proves the capture sees what the application's logging writes.
        org.slf4j.LoggerFactory.getLogger(LogsCarryNoPhiIT.class).info("log capture marker {}", token);
        String log = output.getAll();
        assertThat(log).as("the capture sees application logging").contains("log capture marker " + token);
        assertThat(log).doesNotContain(first).doesNotContain(last).doesNotContain(mrn).doesNotContain(member)
                .doesNotContain("Zephyrine" + token).doesNotContain("1931-02-28").doesNotContain("19310228")
                .doesNotContain("admin-it");
    }
}
