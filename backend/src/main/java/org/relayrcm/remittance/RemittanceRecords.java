package org.relayrcm.remittance;

import static org.relayrcm.remittance.PostingRules.cents;
import static org.relayrcm.remittance.PostingRules.remarks;
import static org.relayrcm.shared.Text.truncate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.relayrcm.edi.Adjustment;
import org.relayrcm.edi.ClaimPayment;
import org.relayrcm.edi.ProviderAdjustment;
import org.relayrcm.edi.RemittanceAdvice;
import org.relayrcm.edi.ServicePayment;
import org.relayrcm.shared.Money;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The 835 as received, row by row: the transaction, each claim payment with its lines and every adjustment, and the
 * provider-level adjustments. Kept whatever posting decides, so a person can see what the payer did and a claim
 * payment that matched no claim can be posted later from the same rows.
 */
@Component
class RemittanceRecords {

    /** A claim payment as stored: its row, its lines' rows in SVC order, and the payment itself. */
    record StoredClaim(long id, long remittanceId, List<Long> lineIds, ClaimPayment payment) {
    }

    private final JdbcClient jdbc;

    RemittanceRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean alreadyPosted(String idempotencyKey) {
        return jdbc.sql("SELECT COUNT(*) FROM remittance WHERE idempotency_key = :key").param("key", idempotencyKey)
                .query(Long.class).single() > 0;
    }

    /** The first write of a transaction: its unique key makes a concurrent twin wait here, then fail. */
    long insertTransaction(RemittanceAdvice advice, String idempotencyKey, boolean balanced) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO remittance (idempotency_key, payer_code, payer_name, trace_number, trace_originator,
                                        payment_method, payment_cents, claim_payment_cents, provider_adjustment_cents,
                                        balanced, payment_date, received_at)
                VALUES (:key, :payer, :name, :trace, :originator, :method, :payment, :claims, :provider, :balanced,
                        :date, :now)""")
                .paramSource(new MapSqlParameterSource()
                        .addValue("key", idempotencyKey)
                        .addValue("payer", advice.payer() == null ? null : truncate(advice.payer().id(), 80))
                        .addValue("name", advice.payer() == null ? null : truncate(advice.payer().name(), 60))
                        .addValue("trace", truncate(advice.traceNumber(), 50))
                        .addValue("originator", truncate(advice.traceOriginatorId(), 50))
                        .addValue("method", truncate(advice.paymentMethod(), 3))
                        .addValue("payment", cents(advice.totalPayment()))
                        .addValue("claims", cents(advice.claimPaymentTotal()))
                        .addValue("provider", cents(advice.providerAdjustmentTotal()))
                        .addValue("balanced", balanced)
                        .addValue("date", advice.paymentDate())
                        .addValue("now", OffsetDateTime.now(ZoneOffset.UTC)))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (ProviderAdjustment plb : advice.providerAdjustments()) {
            jdbc.sql("""
                    INSERT INTO remittance_provider_adjustment (remittance_id, provider_id, fiscal_date, reason_code,
                                                                reference_id, amount_cents)
                    VALUES (:remittance, :provider, :date, :reason, :reference, :amount)""")
                    .param("remittance", id).param("provider", truncate(plb.providerId(), 50))
                    .param("date", plb.fiscalPeriodDate()).param("reason", truncate(plb.reasonCode(), 2))
                    .param("reference", truncate(plb.referenceId(), 50)).param("amount", cents(plb.amount()))
                    .update();
        }
        return id;
    }

    /** Stores one CLP loop as received; posting then settles its outcome. */
    StoredClaim insertClaim(long remittanceId, int position, ClaimPayment clp) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO remittance_claim (remittance_id, position, claim_number, status_code, charge_cents, paid_cents,
                                              patient_resp_cents, patient_resp_given, payer_claim_control,
                                              filing_indicator, statement_date, remark_codes, outcome)
                VALUES (:remittance, :position, :number, :status, :charge, :paid, :resp, :given, :icn, :filing,
                        :statement, :remarks, 'RECEIVED')""")
                .paramSource(new MapSqlParameterSource()
                        .addValue("remittance", remittanceId).addValue("position", position)
                        .addValue("number", truncate(clp.patientControlNumber(), 38))
                        .addValue("status", truncate(clp.statusCode(), 2))
                        .addValue("charge", cents(clp.chargeAmount())).addValue("paid", cents(clp.paymentAmount()))
                        .addValue("resp", cents(clp.patientResponsibility()))
                        .addValue("given", clp.patientResponsibility().signum() != 0)
                        .addValue("icn", truncate(clp.payerClaimControlNumber(), 50))
                        .addValue("filing", truncate(clp.claimFilingIndicator(), 2))
                        .addValue("statement", clp.statementFromDate())
                        .addValue("remarks", remarks(clp.remarkCodes())))
                .update(keys, "id");
        long claimRow = keys.getKeyAs(Long.class);
        insertAdjustments(claimRow, null, clp.adjustments(), clp.remarkCodes());
        List<Long> lineIds = new ArrayList<>();
        for (int i = 0; i < clp.lines().size(); i++) {
            ServicePayment line = clp.lines().get(i);
            GeneratedKeyHolder lineKey = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO remittance_line (remittance_claim_id, position, procedure_qualifier, procedure_code,
                                                 modifiers, submitted_code, charge_cents, paid_cents, allowed_cents,
                                                 units, service_date, line_control, remark_codes)
                    VALUES (:claim, :position, :qualifier, :code, :modifiers, :submitted, :charge, :paid, :allowed,
                            :units, :date, :control, :remarks)""")
                    .paramSource(new MapSqlParameterSource()
                            .addValue("claim", claimRow).addValue("position", i + 1)
                            .addValue("qualifier", truncate(line.procedureQualifier(), 2))
                            .addValue("code", truncate(line.procedureCode(), 48))
                            .addValue("modifiers", truncate(String.join(",", line.modifiers()), 20))
                            .addValue("submitted", truncate(line.submittedCode(), 48))
                            .addValue("charge", cents(line.chargeAmount())).addValue("paid", cents(line.paymentAmount()))
                            .addValue("allowed", line.allowedAmount() == null ? null : cents(line.allowedAmount()))
                            .addValue("units", line.units())
                            .addValue("date", line.serviceDate())
                            .addValue("control", truncate(line.lineItemControlNumber(), 50))
                            .addValue("remarks", remarks(line.remarkCodes())))
                    .update(lineKey, "id");
            long lineId = lineKey.getKeyAs(Long.class);
            lineIds.add(lineId);
            insertAdjustments(claimRow, lineId, line.adjustments(), line.remarkCodes());
        }
        return new StoredClaim(claimRow, remittanceId, lineIds, clp);
    }

    private void insertAdjustments(long claimRow, Long lineId, List<Adjustment> adjustments, List<String> remarkCodes) {
        for (Adjustment adjustment : adjustments) {
            jdbc.sql("""
                    INSERT INTO remittance_adjustment (remittance_claim_id, remittance_line_id, group_code, reason_code,
                                                       amount_cents, quantity, remark_codes)
                    VALUES (:claim, :line, :group, :reason, :amount, :quantity, :remarks)""")
                    .param("claim", claimRow).param("line", lineId)
                    .param("group", truncate(adjustment.groupCode(), 2))
                    .param("reason", truncate(adjustment.reasonCode(), 5))
                    .param("amount", cents(adjustment.amount())).param("quantity", adjustment.quantity())
                    .param("remarks", remarks(remarkCodes))
                    .update();
        }
    }

    private record ClaimRow(long id, long remittanceId, String claimNumber, String statusCode, long chargeCents,
            long paidCents, long patientRespCents, boolean patientRespGiven, String payerClaimControl,
            String filingIndicator, LocalDate statementDate, String remarkCodes) {
    }

    private record LineRow(long id, String procedureQualifier, String procedureCode, String modifiers,
            String submittedCode, long chargeCents, long paidCents, Long allowedCents, BigDecimal units,
            LocalDate serviceDate, String lineControl, String remarkCodes) {
    }

    private record AdjustmentRow(Long remittanceLineId, String groupCode, String reasonCode, long amountCents,
            BigDecimal quantity) {
    }

    /** The claim payment rebuilt from its rows, exactly as it was read (amounts back in dollars). */
    StoredClaim load(long remittanceClaimId) {
        ClaimRow row = jdbc.sql("""
                SELECT id, remittance_id, claim_number, status_code, charge_cents, paid_cents,
                       COALESCE(patient_resp_cents, 0) AS patient_resp_cents, patient_resp_given, payer_claim_control,
                       filing_indicator, statement_date, remark_codes
                FROM remittance_claim WHERE id = :id""").param("id", remittanceClaimId).query(ClaimRow.class).single();
        List<LineRow> lines = jdbc.sql("""
                SELECT id, procedure_qualifier, procedure_code, modifiers, submitted_code, charge_cents, paid_cents,
                       allowed_cents, units, service_date, line_control, remark_codes
                FROM remittance_line WHERE remittance_claim_id = :id ORDER BY position""")
                .param("id", remittanceClaimId).query(LineRow.class).list();
        Map<Long, List<Adjustment>> byLine = new HashMap<>();
        List<Adjustment> claimLevel = new ArrayList<>();
        jdbc.sql("""
                SELECT remittance_line_id, group_code, reason_code, amount_cents, quantity
                FROM remittance_adjustment WHERE remittance_claim_id = :id ORDER BY id""")
                .param("id", remittanceClaimId).query(AdjustmentRow.class).list()
                .forEach(a -> (a.remittanceLineId() == null ? claimLevel
                        : byLine.computeIfAbsent(a.remittanceLineId(), k -> new ArrayList<>()))
                        .add(new Adjustment(a.groupCode(), a.reasonCode(), Money.toDollars(a.amountCents()),
                                a.quantity())));
        List<ServicePayment> services = lines.stream().map(l -> new ServicePayment(l.procedureQualifier(),
                l.procedureCode(), codes(l.modifiers()), Money.toDollars(l.chargeCents()),
                Money.toDollars(l.paidCents()), l.units(), l.serviceDate(), l.lineControl(),
                byLine.getOrDefault(l.id(), List.of()), codes(l.remarkCodes()),
                l.allowedCents() == null ? null : Money.toDollars(l.allowedCents()), l.submittedCode())).toList();
        ClaimPayment payment = new ClaimPayment(row.claimNumber(), row.statusCode(), Money.toDollars(row.chargeCents()),
                Money.toDollars(row.paidCents()),
                row.patientRespGiven() ? Money.toDollars(row.patientRespCents()) : null, row.filingIndicator(),
                row.payerClaimControl(), null, row.statementDate(), claimLevel, codes(row.remarkCodes()), services);
        return new StoredClaim(row.id(), row.remittanceId(), lines.stream().map(LineRow::id).toList(), payment);
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
