package org.relayrcm.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

@RelayIntegrationTest
class PhiAccessLogIT {

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
    void recordsWhoReadWhichPatientsRecordAndLetsAManagerSearchIt() {
        String number = RelayFixture.uniqueNumber("PHI");
        long caseId = relay.receive(number);
        long patientId = jdbc.queryForObject("SELECT patient_id FROM encounter WHERE encounter_number = ?", Long.class, number);

        assertThat(relay.as("coder").get("/api/coding/cases/" + caseId).status()).isEqualTo(200);
        assertThat(relay.as("auditor").get("/api/coding/cases/" + caseId).status()).isEqualTo(200);

        JsonNode log = relay.as("manager").get("/api/access-log?patientId=" + patientId).json();
        assertThat(log.get("totalElements").asLong()).isEqualTo(2);
        assertThat(log.get("content").findValuesAsText("userId")).containsExactly("auditor", "coder");
        assertThat(log.get("content").findValuesAsText("resourceType")).containsOnly("CODING_CASE");
        assertThat(log.get("content").get(0).get("resourceId").asLong()).isEqualTo(caseId);
        JsonNode byUser = relay.as("manager").get("/api/access-log?patientId=" + patientId + "&user=coder").json();
        assertThat(byUser.get("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void recordsNothingForAReadThatFoundNothing() {
        long before = relay.count("phi_access");
        assertThat(relay.as("coder").get("/api/coding/cases/987654321").status()).isEqualTo(404);
        assertThat(relay.count("phi_access")).isEqualTo(before);
    }

    @Test
    void isForManagersOnly() {
        assertThat(relay.as("coder").get("/api/access-log").status()).isEqualTo(404);
        assertThat(relay.as("biller").get("/api/access-log").status()).isEqualTo(404);
        assertThat(relay.as("manager").get("/api/access-log").status()).isEqualTo(200);
    }

    @Test
    void cannotBeEditedOrErased() {
        String number = RelayFixture.uniqueNumber("PHI");
        long caseId = relay.receive(number);
        relay.as("coder").get("/api/coding/cases/" + caseId);
        List<Long> ids = jdbc.queryForList("SELECT id FROM phi_access WHERE resource_id = ? AND resource_type = 'CODING_CASE'",
                Long.class, caseId);
        assertThat(ids).hasSize(1);

        assertThatThrownBy(() -> jdbc.update("UPDATE phi_access SET user_id = 'nobody' WHERE id = ?", ids.get(0)))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM phi_access WHERE id = ?", ids.get(0)))
                .hasMessageContaining("append-only");
    }
}
