package org.relayrcm.remittance;

import static org.relayrcm.shared.Text.truncate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.relayrcm.claims.ReasonCodes;
import org.relayrcm.remittance.ClaimPoster.OurClaim;
import org.relayrcm.remittance.ClaimPoster.Problem;
import org.relayrcm.remittance.ClaimPoster.Result;
import org.relayrcm.remittance.RemittanceRecords.StoredClaim;
import org.relayrcm.security.CurrentUser;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.ValidationError;
import org.relayrcm.tasks.TaskList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exception queue of payment posting: what posting would not decide alone, each in front of a biller as a
 * Task_ReviewRemittance until resolved. Resolving changes the exception, any posting it leads to and the task together.
 */
@Service
public class RemittanceExceptions {

    private final JdbcClient jdbc;
    private final RemittanceReviews reviews;
    private final RemittanceRecords records;
    private final ClaimPoster poster;
    private final TaskList tasks;
    private final CurrentUser user;

    RemittanceExceptions(JdbcClient jdbc, RemittanceReviews reviews, RemittanceRecords records, ClaimPoster poster,
            TaskList tasks, CurrentUser user) {
        this.jdbc = jdbc;
        this.reviews = reviews;
        this.records = records;
        this.poster = poster;
        this.tasks = tasks;
        this.user = user;
    }

    /** Records the exception and starts its review, in the posting's transaction. */
    long open(long remittanceId, Long remittanceClaimId, OurClaim claim, Problem problem) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO remittance_exception (kind, message, remittance_id, remittance_claim_id, claim_id, amount_cents,
                                                  difference_cents, status, created_at)
                VALUES (:kind, :message, :remittance, :rc, :claim, :amount, :difference, 'OPEN', :now)""")
                .param("kind", problem.kind().name()).param("message", truncate(problem.message(), 1000))
                .param("remittance", remittanceId).param("rc", remittanceClaimId)
                .param("claim", claim == null ? null : claim.id())
                .param("amount", problem.amountCents()).param("difference", problem.differenceCents())
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        reviews.open(id, claim == null ? null : claim.claimNumber());
        return id;
    }

    private record Row(long id, String kind, String status, String message, Long amountCents, Long differenceCents,
            String payerName, String payerCode, String traceNumber, LocalDate paymentDate, long paymentCents,
            Long remittanceClaimId, String sentClaimNumber, String statusCode, Long chargeCents, Long paidCents,
            Long patientRespCents, String payerClaimControl, LocalDate statementDate, Long claimId, String claimNumber,
            String resolutionNote, String resolvedClaimNumber, String resolvedBy, OffsetDateTime resolvedAt,
            OffsetDateTime createdAt) {
    }

    @Transactional(readOnly = true)
    public RemittanceExceptionView get(long id) {
        Row row = row(id);
        List<RemittanceExceptionView.Line> lines = row.remittanceClaimId() == null ? List.of() : jdbc.sql("""
                SELECT position, line_number, procedure_code, modifiers, charge_cents, paid_cents, allowed_cents,
                       service_date, remark_codes
                FROM remittance_line WHERE remittance_claim_id = :id ORDER BY position""")
                .param("id", row.remittanceClaimId()).query(RemittanceExceptionView.Line.class).list();
        List<RemittanceExceptionView.Adjustment> adjustments = row.remittanceClaimId() == null ? List.of() : jdbc.sql("""
                SELECT l.position, a.group_code, a.reason_code, a.amount_cents, a.quantity, a.remark_codes
                FROM remittance_adjustment a LEFT JOIN remittance_line l ON l.id = a.remittance_line_id
                WHERE a.remittance_claim_id = :id ORDER BY a.id""")
                .param("id", row.remittanceClaimId())
                .query((rs, n) -> new RemittanceExceptionView.Adjustment((Integer) rs.getObject(1, Integer.class),
                        rs.getString(2), rs.getString(3), ReasonCodes.describe(rs.getString(3)), rs.getLong(4),
                        rs.getObject(5, BigDecimal.class), rs.getString(6)))
                .list();
        return new RemittanceExceptionView(row.id(), row.kind(), row.status(), row.message(), row.amountCents(),
                row.differenceCents(), row.payerName(), row.payerCode(), row.traceNumber(), row.paymentDate(),
                row.paymentCents(), row.sentClaimNumber(), row.statusCode(), row.chargeCents(), row.paidCents(),
                row.patientRespCents(), row.payerClaimControl(), row.statementDate(), row.claimId(), row.claimNumber(),
                lines, adjustments, actions(row), row.resolutionNote(), row.resolvedClaimNumber(), row.resolvedBy(),
                row.resolvedAt(), row.createdAt());
    }

    private static List<ExceptionResolution.Action> actions(Row row) {
        if (!"OPEN".equals(row.status())) {
            return List.of();
        }
        return ExceptionKind.CLAIM_NOT_FOUND.name().equals(row.kind())
                ? List.of(ExceptionResolution.Action.POST_TO_CLAIM, ExceptionResolution.Action.ACKNOWLEDGE)
                : List.of(ExceptionResolution.Action.ACKNOWLEDGE);
    }

    /**
     * Posts the payment to the claim the biller names, or acknowledges the exception with the biller's note, and
     * completes the biller's task; 409 when already resolved or the task is not the biller's, 422 when the request
     * cannot be carried out (nothing changes then).
     */
    @Transactional
    public RemittanceExceptionView resolve(long id, ExceptionResolution resolution) {
        Row row = row(id);
        if (!"OPEN".equals(row.status())) {
            throw ApiException.conflict("This remittance exception was already resolved (" + row.status() + ").");
        }
        String note = resolution.note() == null || resolution.note().isBlank() ? null : resolution.note().trim();
        Long postedTo = null;
        if (resolution.action() == ExceptionResolution.Action.POST_TO_CLAIM) {
            postedTo = postToNamedClaim(row, resolution.claimNumber());
        } else if (note == null) {
            throw invalid("note", "Say in a note what was done about it: acknowledging needs a note.");
        }
        int updated = jdbc.sql("""
                UPDATE remittance_exception SET status = :status, resolution_note = :note, resolved_claim_id = :claim,
                                                resolved_by = :user, resolved_at = :now
                WHERE id = :id AND status = 'OPEN'""")
                .param("status", postedTo == null ? "ACKNOWLEDGED" : "POSTED").param("note", note)
                .param("claim", postedTo).param("user", user.id()).param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .param("id", id).update();
        if (updated != 1) {
            throw ApiException.conflict("This remittance exception was resolved by someone else just now.");
        }
        tasks.completeHeld(RemittanceReviews.TASK, RemittanceReviews.businessKey(id),
                Map.of("remittanceResolution", resolution.action().name()));
        return get(id);
    }

    private long postToNamedClaim(Row row, String claimNumber) {
        if (!ExceptionKind.CLAIM_NOT_FOUND.name().equals(row.kind())) {
            throw invalid("action", "Only a payment that matched no claim can be posted to another claim; "
                    + "acknowledge this one with a note.");
        }
        if (claimNumber == null || claimNumber.isBlank()) {
            throw invalid("claimNumber", "Enter the claim number to post this payment to.");
        }
        OurClaim claim = poster.find(claimNumber.trim())
                .orElseThrow(() -> invalid("claimNumber", "There is no claim " + claimNumber.trim() + "."));
        StoredClaim stored = records.load(row.remittanceClaimId());
        Result result = poster.post(stored, claim, false);
        if (!result.posted()) {
            ExceptionKind refused = result.refusal().kind();
            throw refused == ExceptionKind.NOT_AWAITED ? ApiException.conflict(result.refusal().message())
                    : invalid("claimNumber", result.refusal().message());
        }
        if (result.followUp() != null) {
            open(stored.remittanceId(), stored.id(), claim, result.followUp());
        }
        return claim.id();
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.invalid(message, List.of(ValidationError.error("REMITTANCE-EXCEPTION", field, message)));
    }

    private Row row(long id) {
        return jdbc.sql("""
                SELECT x.id, x.kind, x.status, x.message, x.amount_cents, x.difference_cents,
                       r.payer_name, r.payer_code, r.trace_number, r.payment_date, r.payment_cents,
                       rc.id AS remittance_claim_id, rc.claim_number AS sent_claim_number, rc.status_code,
                       rc.charge_cents, rc.paid_cents, rc.patient_resp_cents, rc.payer_claim_control, rc.statement_date,
                       x.claim_id, c.claim_number, x.resolution_note, rx.claim_number AS resolved_claim_number,
                       x.resolved_by, x.resolved_at, x.created_at
                FROM remittance_exception x
                JOIN remittance r ON r.id = x.remittance_id
                LEFT JOIN remittance_claim rc ON rc.id = x.remittance_claim_id
                LEFT JOIN claim c ON c.id = x.claim_id
                LEFT JOIN claim rx ON rx.id = x.resolved_claim_id
                WHERE x.id = :id""")
                .param("id", id).query(Row.class).optional()
                .orElseThrow(() -> ApiException.notFound("Remittance exception " + id));
    }
}
