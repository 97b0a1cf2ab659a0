package org.relayrcm.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relayrcm.edi.ClaimAcknowledgement;
import org.relayrcm.edi.ClaimAcknowledgement277Writer;
import org.relayrcm.edi.FunctionalAcknowledgement;
import org.relayrcm.edi.FunctionalAcknowledgement999Writer;
import org.relayrcm.edi.InterchangeEnvelope;
import org.relayrcm.edi.UsageIndicator;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The claims side of the acknowledgement ladder on PostgreSQL, with a payer the simulator leaves alone (this test is
 * the payer): the same answer in two different files, at the same moment, moves the claim once; a rejecting 999 sends
 * the claim back to the biller with the payer's reasons.
 */
@RelayIntegrationTest
class ClaimAcknowledgementsIT {

    private static long nextControl = System.currentTimeMillis() % 900_000_000L;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    RelayFixture relay;

    @BeforeEach
    void setUp() {
        relay = new RelayFixture(port, jdbc);
        jdbc.update("INSERT INTO payer (payer_code, name) VALUES ('ITNOSIM', 'Silent Health Plan') ON CONFLICT DO NOTHING");
    }

    @Test
    void theSame277CAInTwoFilesAtTheSameMomentMovesTheClaimOnce() throws Exception {
        String claimNumber = submittedClaim("ACK2");
        int versionBefore = jdbc.queryForObject("SELECT version FROM claim WHERE claim_number = ?", Integer.class,
                claimNumber);
        // Two interchanges (different ISA13) with the same answer: the file-level check cannot tell them apart.
        byte[] first = accepted277(claimNumber).getBytes(StandardCharsets.UTF_8);
        byte[] second = accepted277(claimNumber).getBytes(StandardCharsets.UTF_8);

        List<Api.Response> answers = together(first, second);

        assertThat(answers).extracting(Api.Response::status).containsExactly(200, 200);
        assertThat(answers).extracting(r -> r.json().get("duplicate").asBoolean()).containsOnly(false);
        assertThat(jdbc.queryForObject("SELECT status FROM claim WHERE claim_number = ?", String.class, claimNumber))
                .isEqualTo("ACCEPTED");
        assertThat(jdbc.queryForObject("SELECT version FROM claim WHERE claim_number = ?", Integer.class, claimNumber))
                .as("one status change").isEqualTo(versionBefore + 1);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM claim_acknowledgement a JOIN claim c ON c.id = a.claim_id
                WHERE c.claim_number = ? AND a.kind = '277CA'""", Long.class, claimNumber)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT payer_claim_control FROM claim WHERE claim_number = ?", String.class,
                claimNumber)).isEqualTo("ICN" + claimNumber);
        String process = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(claimNumber)
                .singleResult().getId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(process)
                .activityId("Message_ClaimAckFirst").count()).as("the process moved once").isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(process).unfinished()
                .activityId("Receive_Remittance").count()).isEqualTo(1);
    }

    @Test
    void aRejecting999SendsTheClaimBackToTheBillerWithTheReason() {
        String claimNumber = submittedClaim("ACK9");
        long group = jdbc.queryForObject("""
                SELECT s.interchange_control_number FROM claim_submission s JOIN claim c ON c.id = s.claim_id
                WHERE c.claim_number = ?""", Long.class, claimNumber);
        FunctionalAcknowledgement rejected = new FunctionalAcknowledgement("CLEARINGHOUSE", Long.toString(group), "HC", "R",
                List.of(new FunctionalAcknowledgement.TransactionResult("837", "0001", "R", List.of(
                        new FunctionalAcknowledgement.SegmentError("NM1", 12, "2010BA", "8", "9", "7",
                                "NM109 (member id) is not valid")))));
        String x999 = new FunctionalAcknowledgement999Writer(true).writeToString(envelope(), rejected, "005010X222A1");

        Api.Response posted = relay.as("biller").postRaw("/api/acknowledgements", "application/edi-x12",
                x999.getBytes(StandardCharsets.UTF_8));

        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        relay.awaitClaimStatus(claimNumber, "REJECTED");
        relay.claimTask("biller", "Task_FixClaim", claimNumber);
        long claimId = jdbc.queryForObject("SELECT id FROM claim WHERE claim_number = ?", Long.class, claimNumber);
        JsonNode answer = relay.as("biller").get("/api/claims/" + claimId).json().get("acknowledgements").get(0);
        assertThat(answer.get("kind").asText()).isEqualTo("999");
        assertThat(answer.get("accepted").asBoolean()).isFalse();
        assertThat(answer.get("message").asText()).contains("rejected the file").contains("NM1");

        Api.Response again = relay.as("biller").postRaw("/api/acknowledgements", "application/edi-x12",
                x999.getBytes(StandardCharsets.UTF_8));
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM claim_acknowledgement a JOIN claim c ON c.id = a.claim_id
                WHERE c.claim_number = ? AND a.kind = '999'""", Long.class, claimNumber)).isEqualTo(1);
    }

    private String submittedClaim(String prefix) {
        String encounter = RelayFixture.uniqueNumber(prefix);
        var body = RelayFixture.encounter(encounter);
        body.put("coverage", java.util.Map.of("payerCode", "ITNOSIM", "memberId", "S" + encounter.replace("-", "")));
        Api.Response received = relay.as("ehr").post("/api/encounters", body);
        relay.code(received.json().get("codingCaseId").asLong(), encounter, List.of("RT"));
        String claimNumber = relay.awaitClaimNumber(encounter);
        relay.awaitClaimStatus(claimNumber, "SUBMITTED");
        return claimNumber;
    }

    private List<Api.Response> together(byte[] first, byte[] second) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Api.Response> a = pool.submit(post(barrier, first));
            Future<Api.Response> b = pool.submit(post(barrier, second));
            return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    private Callable<Api.Response> post(CyclicBarrier barrier, byte[] file) {
        return () -> {
            barrier.await();
            return relay.as("biller").postRaw("/api/acknowledgements", "application/edi-x12", file);
        };
    }

    private static synchronized InterchangeEnvelope envelope() {
        long control = ++nextControl;
        return new InterchangeEnvelope("ZZ", "CLEARINGHOUSE", "ZZ", "RELAYRCM", control, control, 1, LocalDateTime.now(),
                UsageIndicator.TEST);
    }

    private static String accepted277(String claimNumber) {
        LocalDate today = LocalDate.now();
        return new ClaimAcknowledgement277Writer(true).writeToString(envelope(),
                new ClaimAcknowledgement277Writer.Header("Silent Health Plan", "ITNOSIM", "Relay Family Medicine",
                        "RELAYRCM", "1", today, today),
                List.of(new ClaimAcknowledgement277Writer.Claim(new ClaimAcknowledgement.ClaimResult(claimNumber,
                        "ICN" + claimNumber, List.of(new ClaimAcknowledgement.Status("A2", "20", null, today, "WQ", null)),
                        new BigDecimal("310")), "Relay Family Medicine", "1234567893", "PATIENT", "TEST", "S1",
                        today.minusDays(1), null)));
    }
}
