package org.relayrcm.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.relayrcm.edi.ClaimAcknowledgement;
import org.relayrcm.edi.ClaimAcknowledgement277Writer;
import org.relayrcm.edi.InterchangeEnvelope;
import org.relayrcm.edi.UsageIndicator;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The very same 277CA file posted twice at once (a clearinghouse that resent it, and a biller who uploaded it too).
 * ClaimAcknowledgementsIT races two different interchanges with the same answer; this one races the identical bytes,
 * and forces the interleaving instead of hoping for it: the test holds the claim's row locked until both requests are
 * inside, stopped on a lock, then lets them go.
 */
@RelayIntegrationTest
class AcknowledgementConcurrencyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    HistoryService history;

    @Test
    void theSame277CAFilePostedTwiceAtOnceMovesTheClaimOnce() throws Exception {
        RelayFixture relay = new RelayFixture(port, jdbc);
        String claimNumber = submittedClaim(relay);
        long claimId = jdbc.queryForObject("SELECT id FROM claim WHERE claim_number = ?", Long.class, claimNumber);
        int versionBefore = jdbc.queryForObject("SELECT version FROM claim WHERE id = ?", Integer.class, claimId);
        byte[] file = accepted277(claimNumber).getBytes(StandardCharsets.UTF_8);

        ExecutorService senders = Executors.newFixedThreadPool(2);
        List<Api.Response> answers;
        try (Connection gate = dataSource.getConnection()) {
            gate.setAutoCommit(false);
            try (PreparedStatement lock = gate.prepareStatement("SELECT id FROM claim WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, claimId);
                lock.executeQuery().close();
            }
            Future<Api.Response> first = senders.submit(() -> post(relay, file));
            awaitRequestsWaiting(1);
            Future<Api.Response> second = senders.submit(() -> post(relay, file));
            awaitRequestsWaiting(2);
            assertThat(jdbc.queryForObject("SELECT status FROM claim WHERE id = ?", String.class, claimId))
                    .as("neither is through yet").isEqualTo("SUBMITTED");

            gate.commit();
            answers = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
        } finally {
            senders.shutdownNow();
        }

        assertThat(answers).extracting(Api.Response::status).containsExactly(200, 200);
        assertThat(answers).extracting(r -> r.json().get("duplicate").asBoolean()).containsExactly(false, true);
        assertThat(jdbc.queryForObject("SELECT status FROM claim WHERE id = ?", String.class, claimId))
                .isEqualTo("ACCEPTED");
        assertThat(jdbc.queryForObject("SELECT version FROM claim WHERE id = ?", Integer.class, claimId))
                .as("one status change").isEqualTo(versionBefore + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim_acknowledgement WHERE claim_id = ? AND kind = '277CA'",
                Long.class, claimId)).isEqualTo(1);
        String process = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(claimNumber)
                .singleResult().getId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityId("Message_ClaimAckFirst").count()).as("the process moved once").isEqualTo(1);
    }

    private static Api.Response post(RelayFixture relay, byte[] file) {
        return relay.as("biller").postRaw("/api/acknowledgements", "application/edi-x12", file);
    }

    /** Requests of this database stopped on a lock: the claim's row, or the twin file's uncommitted record. */
    private void awaitRequestsWaiting(int requests) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject("""
                SELECT COUNT(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()""",
                Integer.class), n -> n >= requests);
    }

    /** A claim out to a payer the simulator leaves silent, so the only 277CA it gets is the test's. */
    private String submittedClaim(RelayFixture relay) {
        jdbc.update("INSERT INTO payer (payer_code, name) VALUES ('ITNOSIM', 'Silent Health Plan') ON CONFLICT DO NOTHING");
        String encounter = RelayFixture.uniqueNumber("ACKX");
        Map<String, Object> body = RelayFixture.encounter(encounter);
        body.put("coverage", Map.of("payerCode", "ITNOSIM", "memberId", "S" + encounter.replace("-", "")));
        Api.Response received = relay.as("ehr").post("/api/encounters", body);
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        relay.code(received.json().get("codingCaseId").asLong(), encounter, List.of("RT"));
        String claimNumber = relay.awaitClaimNumber(encounter);
        relay.awaitClaimStatus(claimNumber, "SUBMITTED");
        return claimNumber;
    }

    private static String accepted277(String claimNumber) {
        LocalDate today = LocalDate.now();
        long control = System.nanoTime() % 900_000_000L;
        return new ClaimAcknowledgement277Writer(true).writeToString(
                new InterchangeEnvelope("ZZ", "CLEARINGHOUSE", "ZZ", "RELAYRCM", control, control, 1,
                        LocalDateTime.now(), UsageIndicator.TEST),
                new ClaimAcknowledgement277Writer.Header("Silent Health Plan", "ITNOSIM", "Relay Family Medicine",
                        "RELAYRCM", "1", today, today),
                List.of(new ClaimAcknowledgement277Writer.Claim(new ClaimAcknowledgement.ClaimResult(claimNumber,
                        "ICN" + claimNumber, List.of(new ClaimAcknowledgement.Status("A2", "20", null, today, "WQ", null)),
                        new BigDecimal("310")), "Relay Family Medicine", "1234567893", "PATIENT", "TEST", "S1",
                        today.minusDays(1), null)));
    }
}
