package org.relayrcm.remittance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.relayrcm.edi.Address;
import org.relayrcm.edi.Adjustment;
import org.relayrcm.edi.ClaimPayment;
import org.relayrcm.edi.EnvelopeIds;
import org.relayrcm.edi.InterchangeEnvelope;
import org.relayrcm.edi.ProviderAdjustment;
import org.relayrcm.edi.Remittance835Writer;
import org.relayrcm.edi.RemitParty;
import org.relayrcm.edi.RemittanceAdvice;
import org.relayrcm.edi.ServicePayment;
import org.relayrcm.edi.UsageIndicator;
import org.relayrcm.testing.Api;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims seeded straight into the tables in the state posting cares about (no coding, no claim-submission process),
 * and 835s written with our own writer, so each posting rule can be driven on its own.
 */
final class PostingFixture {

    /** One line of a seeded claim. */
    record Line(String code, long chargeCents) {
    }

    private static final AtomicLong TRACES = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));

    private final JdbcTemplate jdbc;
    private final int port;

    PostingFixture(JdbcTemplate jdbc, int port) {
        this.jdbc = jdbc;
        this.port = port;
        jdbc.update("INSERT INTO payer (payer_code, name) VALUES ('ITPOSTING', 'Posting Test Plan') ON CONFLICT DO NOTHING");
    }

    static String uniqueClaimNumber() {
        return "RT" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    /** Inserts the claim with its patient and encounter, or returns the one already there under that number. */
    long seed(String claimNumber, String status, List<Line> lines) {
        List<Long> existing = jdbc.queryForList("SELECT id FROM claim WHERE claim_number = ?", Long.class, claimNumber);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Long patient = jdbc.queryForObject("""
                INSERT INTO patient (mrn, first_name, last_name, birth_date, sex) VALUES (?, 'Posting', 'Patient', ?, 'F')
                RETURNING id""", Long.class, "MRN-" + claimNumber, LocalDate.of(1970, 5, 1));
        Long encounter = jdbc.queryForObject("""
                INSERT INTO encounter (encounter_number, patient_id, date_of_service, documentation, received_at)
                VALUES (?, ?, ?, 'Seeded for payment posting tests.', ?) RETURNING id""", Long.class,
                "E-" + claimNumber, patient, LocalDate.now().minusDays(10), now);
        long total = lines.stream().mapToLong(Line::chargeCents).sum();
        Long claim = jdbc.queryForObject("""
                INSERT INTO claim (claim_number, encounter_id, payer_id, status, total_charge_cents, date_of_service,
                                   place_of_service, created_at, updated_at)
                VALUES (?, ?, (SELECT id FROM payer WHERE payer_code = 'ITPOSTING'), ?, ?, ?, '11', ?, ?) RETURNING id""",
                Long.class, claimNumber, encounter, status, total, LocalDate.now().minusDays(10), now, now);
        for (int i = 0; i < lines.size(); i++) {
            jdbc.update("""
                    INSERT INTO claim_line (claim_id, line_number, procedure_code, units, charge_cents, diagnosis_pointers)
                    VALUES (?, ?, ?, 1, ?, '1')""", claim, i + 1, lines.get(i).code(), lines.get(i).chargeCents());
        }
        return claim;
    }

    Api.Response post(byte[] x835) {
        return Api.as(port, "biller").postRaw("/api/remittances", "application/edi-x12", x835);
    }

    Api.Response post(RemittanceAdvice... advices) {
        return post(write(advices).getBytes(StandardCharsets.UTF_8));
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    String status(String claimNumber) {
        return jdbc.queryForObject("SELECT status FROM claim WHERE claim_number = ?", String.class, claimNumber);
    }

    Long claimCents(String claimNumber, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM claim WHERE claim_number = ?", Long.class, claimNumber);
    }

    List<Long> lineCents(String claimNumber, String column) {
        return jdbc.queryForList("SELECT l." + column + " FROM claim_line l JOIN claim c ON c.id = l.claim_id "
                + "WHERE c.claim_number = ? ORDER BY l.line_number", Long.class, claimNumber);
    }

    /** A transaction with a fresh trace number, paying exactly its claims (less the PLB amounts). */
    static RemittanceAdvice advice(List<ClaimPayment> claims, ProviderAdjustment... plb) {
        BigDecimal total = claims.stream().map(ClaimPayment::paymentAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (ProviderAdjustment adjustment : plb) {
            total = total.subtract(adjustment.amount());
        }
        return advice(total, claims, plb);
    }

    static RemittanceAdvice advice(BigDecimal payment, List<ClaimPayment> claims, ProviderAdjustment... plb) {
        Address address = new Address("1 Payer Plaza", "Springfield", "IL", "62701");
        return new RemittanceAdvice(new EnvelopeIds("ITPOSTING", "RELAYRCM", "1", "1", "0001"), "I", payment, "C",
                "CHK", LocalDate.now(), "TRC" + TRACES.incrementAndGet(), "1999999999", LocalDate.now(),
                new RemitParty("Posting Test Plan", "XV", "ITPOSTING", address, null),
                new RemitParty("Relay Family Medicine", "XX", "1234567893", address, "123456789"), claims, List.of(plb));
    }

    static ClaimPayment claim(String claimNumber, String status, String charge, String paid, String patientShare,
            String payerClaimNumber, List<Adjustment> adjustments, ServicePayment... lines) {
        return new ClaimPayment(claimNumber, status, new BigDecimal(charge), new BigDecimal(paid),
                patientShare == null ? null : new BigDecimal(patientShare), "CI", payerClaimNumber, null,
                LocalDate.now().minusDays(10), adjustments, List.of(), List.of(lines));
    }

    static ServicePayment line(String code, String charge, String paid, String allowed, List<String> remarks,
            Adjustment... adjustments) {
        return new ServicePayment("HC", code, List.of(), new BigDecimal(charge), new BigDecimal(paid), BigDecimal.ONE,
                LocalDate.now().minusDays(10), null, new ArrayList<>(List.of(adjustments)), remarks,
                allowed == null ? null : new BigDecimal(allowed), null);
    }

    static Adjustment cas(String group, String reason, String amount) {
        return new Adjustment(group, reason, new BigDecimal(amount), null);
    }

    static ProviderAdjustment plb(String reason, String amount) {
        return new ProviderAdjustment("1234567893", LocalDate.now(), reason, null, new BigDecimal(amount));
    }

    static String write(RemittanceAdvice... advices) {
        long control = ThreadLocalRandom.current().nextLong(100_000_000, 999_999_999);
        InterchangeEnvelope envelope = new InterchangeEnvelope("ZZ", "ITPOSTING", "ZZ", "RELAYRCM", control, control, 1,
                LocalDateTime.now(), UsageIndicator.TEST);
        return new Remittance835Writer(true).writeToString(envelope, List.of(advices));
    }
}
