package org.relayrcm.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.relayrcm.edi.Address;
import org.relayrcm.edi.Adjustment;
import org.relayrcm.edi.ClaimPayment;
import org.relayrcm.edi.EnvelopeIds;
import org.relayrcm.edi.InterchangeEnvelope;
import org.relayrcm.edi.Remittance835Writer;
import org.relayrcm.edi.RemitParty;
import org.relayrcm.edi.RemitPatient;
import org.relayrcm.edi.RemittanceAdvice;
import org.relayrcm.edi.ServicePayment;
import org.relayrcm.edi.UsageIndicator;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayFixture;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** The same 835 delivered twice at the same moment (two clearinghouse retries, say) posts once. */
@RelayIntegrationTest
class RemittanceConcurrencyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSame835PostedConcurrentlyTwicePostsOnceAndMovesTheClaimOnce() throws Exception {
        RelayFixture relay = new RelayFixture(port, jdbc);
        // A payer the simulator does not answer for: this test is the payer.
        jdbc.update("INSERT INTO payer (payer_code, name) VALUES ('ITNOSIM', 'Silent Health Plan') ON CONFLICT DO NOTHING");
        String encounter = RelayFixture.uniqueNumber("TWIN");
        Map<String, Object> body = RelayFixture.encounter(encounter);
        body.put("coverage", Map.of("payerCode", "ITNOSIM", "memberId", "SILENT1"));
        long caseId = relay.as("ehr").post("/api/encounters", body).json().get("codingCaseId").asLong();
        relay.code(caseId, encounter, List.of("RT"));
        String claimNumber = relay.awaitClaimNumber(encounter);
        relay.awaitClaimStatus(claimNumber, "SUBMITTED");
        byte[] x835 = remittance(claimNumber).getBytes(StandardCharsets.UTF_8);

        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Api.Response> post = () -> {
            together.await();
            return relay.as("biller").postRaw("/api/remittances", "application/edi-x12", x835);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Api.Response> answers;
        try {
            Future<Api.Response> a = pool.submit(post);
            Future<Api.Response> b = pool.submit(post);
            answers = List.of(a.get(), b.get());
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(Api.Response::status).containsExactly(200, 200);
        assertThat(answers.stream().mapToInt(r -> r.json().get("claimsPaid").asInt()).sum()).isEqualTo(1);
        assertThat(answers.stream().mapToInt(r -> r.json().get("duplicateTransactions").asInt()).sum()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM remittance_claim WHERE claim_number = ?", Long.class,
                claimNumber)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM claim WHERE claim_number = ?", String.class, claimNumber))
                .isEqualTo("PAID");
        assertThat(jdbc.queryForObject("SELECT paid_cents FROM claim WHERE claim_number = ?", Long.class, claimNumber))
                .isEqualTo(24800);

        Api.Response again = relay.as("biller").postRaw("/api/remittances", "application/edi-x12", x835);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicateTransactions").asInt()).isEqualTo(1);
        assertThat(again.json().get("claimsPaid").asInt()).isZero();
    }

    /** What a payer paying 80% of both lines (CO-45 for the rest) would send. */
    private static String remittance(String claimNumber) {
        LocalDate today = LocalDate.now();
        long control = ThreadLocalRandom.current().nextLong(100_000_000, 999_999_999);
        Address address = new Address("1 Payer Plaza", "Springfield", "IL", "62701");
        ClaimPayment claim = new ClaimPayment(claimNumber, "1", new BigDecimal("310.00"), new BigDecimal("248.00"),
                BigDecimal.ZERO, "CI", "ICN" + control, new RemitPatient("Patient", "Test", "MI", "SILENT1"), today,
                List.of(), List.of(), List.of(
                        new ServicePayment("HC", "99213", List.of("25"), new BigDecimal("135.00"), new BigDecimal("108.00"),
                                BigDecimal.ONE, today, null, List.of(new Adjustment("CO", "45", new BigDecimal("27.00"), null)),
                                List.of()),
                        new ServicePayment("HC", "20610", List.of("RT"), new BigDecimal("175.00"), new BigDecimal("140.00"),
                                BigDecimal.ONE, today, null, List.of(new Adjustment("CO", "45", new BigDecimal("35.00"), null)),
                                List.of())));
        RemittanceAdvice advice = new RemittanceAdvice(new EnvelopeIds("ITNOSIM", "RELAYRCM", "" + control, "" + control, "0001"),
                "C", new BigDecimal("248.00"), "C", "CHK", today, "TWIN" + control, "1999999999", today,
                new RemitParty("Silent Health Plan", "XV", "ITNOSIM", address, null),
                new RemitParty("Relay Family Medicine", "XX", "1234567893", address, "123456789"),
                List.of(claim), List.of());
        InterchangeEnvelope envelope = new InterchangeEnvelope("ZZ", "ITNOSIM", "ZZ", "RELAYRCM", control, control, 1,
                LocalDateTime.now(), UsageIndicator.TEST);
        return new Remittance835Writer(true).writeToString(envelope, List.of(advice));
    }
}
