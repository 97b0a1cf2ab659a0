package org.relayrcm.remittance;

import static org.relayrcm.shared.Text.truncate;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.relayrcm.claims.ClaimService;
import org.relayrcm.claims.ClaimStatus;
import org.relayrcm.edi.Adjustment;
import org.relayrcm.edi.ClaimPayment;
import org.relayrcm.edi.Remittance835Reader;
import org.relayrcm.edi.RemittanceAdvice;
import org.relayrcm.edi.RemittanceFile;
import org.relayrcm.edi.ServicePayment;
import org.relayrcm.edi.X12FormatException;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.Money;
import org.relayrcm.shared.ValidationError;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts an 835 at claim level. The whole file posts in one transaction or not at all; a transaction
 * already posted (same payer, trace, originator, amount and date) is skipped, so a file delivered
 * twice posts once.
 */
@Service
public class RemittancePosting {

    /** CLP02 codes that mean the payer adjudicated and paid (primary, secondary, tertiary, forwarded). */
    private static final Set<String> PROCESSED = Set.of("1", "2", "3", "19", "20", "21");

    private final JdbcClient jdbc;
    private final ClaimService claims;
    private final RemittanceWorkflow workflow;
    private final Remittance835Reader reader = new Remittance835Reader();
    private final TransactionTemplate transaction;

    private final org.relayrcm.denials.Denials denials;

    RemittancePosting(JdbcClient jdbc, ClaimService claims, RemittanceWorkflow workflow,
            PlatformTransactionManager transactions, org.relayrcm.denials.Denials denials) {
        this.denials = denials;
        this.jdbc = jdbc;
        this.claims = claims;
        this.workflow = workflow;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Posts a whole 835 file in one transaction. The same file posted twice at the same moment collides on
     * the idempotency key: the loser waits for the winner's commit, fails on the unique key, and is
     * retried once, when it finds the transactions already posted.
     */
    public RemittanceSummary post(byte[] x12) {
        RemittanceFile file;
        try {
            file = reader.read(new ByteArrayInputStream(x12));
        } catch (X12FormatException e) {
            throw ApiException.badRequest("The 835 could not be read; nothing was posted. " + e.getMessage(),
                    List.of(ValidationError.error("X12-835-FORMAT", segmentField(e), e.getMessage())));
        }
        try {
            return transaction.execute(status -> postAll(file));
        } catch (DuplicateKeyException concurrentTwin) {
            return transaction.execute(status -> postAll(file));
        }
    }

    private RemittanceSummary postAll(RemittanceFile file) {
        Tally tally = new Tally();
        try {
            for (RemittanceAdvice advice : file.advices()) {
                postTransaction(advice, tally);
            }
        } catch (ArithmeticException e) {
            throw ApiException.badRequest("The 835 has an amount with fractions of a cent; nothing was posted.",
                    List.of(ValidationError.error("X12-835-AMOUNT", null, "Amounts must have at most two decimals.")));
        }
        return new RemittanceSummary(file.advices().size(), tally.duplicates, tally.inFile, tally.matched, tally.paid,
                tally.denied, tally.unmatched, tally.notAwaiting, tally.paymentCents, tally.results, file.warnings());
    }

    private void postTransaction(RemittanceAdvice advice, Tally tally) {
        String payerId = advice.payer() == null ? "" : nullToEmpty(advice.payer().id());
        String key = String.join("|", payerId, nullToEmpty(advice.traceNumber()), nullToEmpty(advice.traceOriginatorId()),
                advice.totalPayment() == null ? "" : advice.totalPayment().stripTrailingZeros().toPlainString(),
                advice.paymentDate() == null ? "" : advice.paymentDate().toString());
        if (jdbc.sql("SELECT COUNT(*) FROM remittance WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single() > 0) {
            tally.duplicates++;
            return;
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        long payment = advice.totalPayment() == null ? 0 : Money.toCents(advice.totalPayment());
        jdbc.sql("""
                INSERT INTO remittance (idempotency_key, payer_code, payer_name, trace_number, payment_cents, payment_date, received_at)
                VALUES (:key, :payer, :name, :trace, :payment, :date, :now)""")
                .paramSource(new MapSqlParameterSource()
                        .addValue("key", truncate(key, 300)).addValue("payer", truncate(payerId, 80))
                        .addValue("name", advice.payer() == null ? null : truncate(advice.payer().name(), 60))
                        .addValue("trace", truncate(advice.traceNumber(), 50)).addValue("payment", payment)
                        .addValue("date", advice.paymentDate()).addValue("now", OffsetDateTime.now(ZoneOffset.UTC)))
                .update(keys, "id");
        long remittanceId = keys.getKeyAs(Long.class);
        tally.paymentCents += payment;
        for (ClaimPayment clp : advice.claims()) {
            tally.inFile++;
            postClaim(remittanceId, clp, tally);
        }
    }

    private record ClaimRef(long id, String status) {
    }

    private void postClaim(long remittanceId, ClaimPayment clp, Tally tally) {
        Optional<ClaimRef> claim = jdbc.sql("SELECT id, status FROM claim WHERE claim_number = :number")
                .param("number", clp.patientControlNumber()).query(ClaimRef.class).optional();
        String outcome = outcome(clp, claim);
        long paid = Money.toCents(clp.paymentAmount());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO remittance_claim (remittance_id, claim_id, claim_number, status_code, charge_cents, paid_cents,
                                              patient_resp_cents, payer_claim_control, outcome)
                VALUES (:remittance, :claim, :number, :status, :charge, :paid, :resp, :icn, :outcome)""")
                .paramSource(new MapSqlParameterSource()
                        .addValue("remittance", remittanceId).addValue("claim", claim.map(ClaimRef::id).orElse(null))
                        .addValue("number", truncate(clp.patientControlNumber(), 38))
                        .addValue("status", truncate(clp.statusCode(), 2))
                        .addValue("charge", Money.toCents(clp.chargeAmount())).addValue("paid", paid)
                        .addValue("resp", Money.toCents(clp.patientResponsibility()))
                        .addValue("icn", truncate(clp.payerClaimControlNumber(), 50)).addValue("outcome", outcome))
                .update(keys, "id");
        tally.results.add(new RemittanceSummary.ClaimResult(clp.patientControlNumber(), clp.statusCode(), outcome, paid));
        if (claim.isEmpty()) {
            tally.unmatched++;
            return;
        }
        tally.matched++;
        long claimId = claim.get().id();
        switch (outcome) {
            case "PAID" -> {
                claims.transition(claimId, ClaimStatus.PAID);
                recordPayment(claimId, clp);
                workflow.remittanceArrived(number(clp), new RemittanceWorkflow.Answer(RemittanceWorkflow.Outcome.PAID, null,
                        Money.toCents(clp.patientResponsibility()), false));
                tally.paid++;
            }
            case "DENIED" -> {
                claims.transition(claimId, ClaimStatus.DENIED);
                recordPayment(claimId, clp);
                org.relayrcm.denials.DenialRoute route = denials.record(claimId, keys.getKeyAs(Long.class),
                        Stream.concat(clp.adjustments().stream().map(a -> new org.relayrcm.denials.DeniedItem(null,
                                        a.groupCode(), a.reasonCode(), clp.remarkCodes(), Money.toCents(a.amount()))),
                                java.util.stream.IntStream.range(0, clp.lines().size()).boxed().flatMap(i -> clp.lines().get(i)
                                        .adjustments().stream().map(a -> new org.relayrcm.denials.DeniedItem(i + 1,
                                                a.groupCode(), a.reasonCode(), clp.lines().get(i).remarkCodes(),
                                                Money.toCents(a.amount())))))
                                .toList());
                workflow.remittanceArrived(number(clp), new RemittanceWorkflow.Answer(RemittanceWorkflow.Outcome.DENIED,
                        route, Money.toCents(clp.patientResponsibility()), false));
                tally.denied++;
            }
            default -> tally.notAwaiting++;
        }
    }

    /** PAID or DENIED only for a claim we are waiting on; anything else is kept for a person to review. */
    private static String outcome(ClaimPayment clp, Optional<ClaimRef> claim) {
        if (claim.isEmpty()) {
            return "UNMATCHED";
        }
        if ("22".equals(clp.statusCode())) {
            return "REVERSAL";
        }
        if (!ClaimStatus.valueOf(claim.get().status()).awaitsPayer()) {
            return "NOT_AWAITED";
        }
        if (clp.isDenied() || (clp.paymentAmount().signum() == 0 && PROCESSED.contains(clp.statusCode())
                && clp.patientResponsibility().signum() == 0)) {
            return "DENIED";
        }
        return PROCESSED.contains(clp.statusCode()) ? "PAID" : "NOT_AWAITED";
    }

    private void recordPayment(long claimId, ClaimPayment clp) {
        jdbc.sql("""
                UPDATE claim SET paid_cents = :paid, patient_resp_cents = :resp, payer_claim_control = :icn WHERE id = :id""")
                .param("paid", Money.toCents(clp.paymentAmount()))
                .param("resp", Money.toCents(clp.patientResponsibility()))
                .param("icn", truncate(clp.payerClaimControlNumber(), 50))
                .param("id", claimId).update();
        List<ServicePayment> lines = clp.lines();
        for (int i = 0; i < lines.size(); i++) {
            // Payers echo our lines in order; the code check keeps a reordered answer from posting to the wrong line.
            jdbc.sql("UPDATE claim_line SET paid_cents = :paid WHERE claim_id = :claim AND line_number = :line AND procedure_code = :code")
                    .param("paid", Money.toCents(lines.get(i).paymentAmount())).param("claim", claimId)
                    .param("line", i + 1).param("code", lines.get(i).procedureCode()).update();
        }
    }

    /** One denial per denied claim, under its largest non-patient adjustment: that is what the biller must fix. */
    private void recordDenial(long claimId, long remittanceClaimId, ClaimPayment clp) {
        Adjustment primary = Stream.concat(clp.adjustments().stream(), clp.lines().stream().flatMap(l -> l.adjustments().stream()))
                .filter(a -> !"PR".equals(a.groupCode()))
                .max(Comparator.comparing(Adjustment::amount))
                .orElse(new Adjustment("CO", "16", clp.chargeAmount().subtract(clp.paymentAmount()), null));
        jdbc.sql("""
                INSERT INTO denial (claim_id, remittance_claim_id, group_code, reason_code, amount_cents, status, created_at)
                VALUES (:claim, :rc, :group, :reason, :amount, 'OPEN', :now)""")
                .param("claim", claimId).param("rc", remittanceClaimId)
                .param("group", truncate(primary.groupCode(), 2)).param("reason", truncate(primary.reasonCode(), 5))
                .param("amount", Money.toCents(clp.chargeAmount().subtract(clp.paymentAmount())))
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    private static String number(ClaimPayment clp) {
        return clp.patientControlNumber();
    }

    private static String segmentField(X12FormatException e) {
        return e.segmentId() == null ? null : e.segmentId() + " (segment " + e.segmentNumber() + ")";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static final class Tally {
        int duplicates;
        int inFile;
        int matched;
        int paid;
        int denied;
        int unmatched;
        int notAwaiting;
        long paymentCents;
        final List<RemittanceSummary.ClaimResult> results = new ArrayList<>();
    }
}
