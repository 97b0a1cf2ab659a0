package org.relayrcm.denials;

import static org.relayrcm.shared.Text.truncate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.relayrcm.claims.ClaimService;
import org.relayrcm.claims.ClaimStatus;
import org.relayrcm.claims.ClaimView;
import org.relayrcm.security.CurrentUser;
import org.relayrcm.shared.ApiException;
import org.relayrcm.tasks.TaskList;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals of denied claims: opened with a deadline from the payer's appeal window (counted from the day the denial
 * was posted), sent with the biller's argument and a letter generated from the claim and its denials, and closed with
 * the payer's decision.
 */
@Service
public class Appeals {

    static final String PREPARE_TASK = "Task_PrepareAppeal";
    static final String DECISION_TASK = "Task_RecordAppealOutcome";

    private final JdbcClient jdbc;
    private final ClaimService claims;
    private final TaskList tasks;
    private final CurrentUser user;
    private final AppealLetter letter;
    private final DenialService denialService;

    Appeals(JdbcClient jdbc, ClaimService claims, TaskList tasks, CurrentUser user, AppealLetter letter,
            DenialService denialService) {
        this.denialService = denialService;
        this.jdbc = jdbc;
        this.claims = claims;
        this.tasks = tasks;
        this.user = user;
        this.letter = letter;
    }

    /** The appeal the process opened, and the last day it may be sent. */
    public record Opened(long appealId, LocalDate deadline) {
    }

    private record Row(long id, long claimId, long denialId, LocalDate deadline, String argument, OffsetDateTime sentAt,
            String sentBy, String outcome, String outcomeNote) {
    }

    /** Opens the appeal of the claim's open denial; a retried job finds the one it opened before. */
    @Transactional
    public Opened open(String claimNumber) {
        long claimId = denialService.claimId(claimNumber);
        var pending = jdbc.sql("SELECT id, deadline FROM appeal WHERE claim_id = :claim AND sent_at IS NULL AND outcome IS NULL")
                .param("claim", claimId).query((rs, n) -> new Opened(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .optional();
        if (pending.isPresent()) {
            return pending.get();
        }
        record Denied(long denialId, LocalDate deniedOn, int windowDays) {
        }
        Denied denied = jdbc.sql("""
                SELECT d.id AS denial_id, COALESCE(r.payment_date, CAST(d.created_at AS DATE)) AS denied_on,
                       p.appeal_window_days AS window_days
                FROM denial d JOIN claim c ON c.id = d.claim_id JOIN payer p ON p.id = c.payer_id
                JOIN remittance_claim rc ON rc.id = d.remittance_claim_id JOIN remittance r ON r.id = rc.remittance_id
                WHERE d.claim_id = :claim AND d.status = 'OPEN' ORDER BY d.amount_cents DESC, d.id FETCH FIRST 1 ROWS ONLY""")
                .param("claim", claimId).query(Denied.class).optional()
                .orElseThrow(() -> new IllegalStateException("Claim " + claimNumber + " has no open denial to appeal"));
        LocalDate deadline = denied.deniedOn().plusDays(denied.windowDays());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO appeal (claim_id, denial_id, deadline, created_at) VALUES (:claim, :denial, :deadline, :now)")
                .paramSource(new MapSqlParameterSource().addValue("claim", claimId).addValue("denial", denied.denialId())
                        .addValue("deadline", deadline).addValue("now", OffsetDateTime.now(ZoneOffset.UTC)))
                .update(keys, "id");
        return new Opened(keys.getKeyAs(Long.class), deadline);
    }

    @Transactional(readOnly = true)
    public AppealView get(long appealId) {
        Row row = row(appealId);
        return view(row, claims.get(row.claimId()));
    }

    /** The appeal letter of a claim, as it stands. */
    public record Letter(long claimId, byte[] pdf) {
    }

    /** The letter as it stands: with the biller's argument once written, a draft placeholder before. */
    @Transactional(readOnly = true)
    public Letter letter(long appealId) {
        Row row = row(appealId);
        ClaimView claim = claims.get(row.claimId());
        return new Letter(row.claimId(), letter.render(view(row, claim), claim));
    }

    private AppealView view(Row row, ClaimView claim) {
        List<DenialView.Item> denials = denialService.itemsAnsweredWith(row.denialId());
        long daysLeft = ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), row.deadline());
        return new AppealView(row.id(), row.claimId(), claim.claimNumber(), claim.payerName(), claim.status(),
                row.deadline(), daysLeft, row.argument(), row.sentAt() == null ? null : row.sentAt().toInstant(),
                row.sentBy(), row.outcome(), row.outcomeNote(), denials);
    }

    /** The appeal goes out: the claim waits on the payer again and the denials are under appeal. */
    @Transactional
    public AppealView send(long appealId, AppealSending sending) {
        Row row = row(appealId);
        ClaimView claim = claims.get(row.claimId());
        tasks.requireHeld(PREPARE_TASK, claim.claimNumber());
        if (row.sentAt() != null) {
            throw ApiException.conflict("This appeal was already sent.");
        }
        if (row.deadline().isBefore(LocalDate.now(ZoneOffset.UTC))) {
            throw ApiException.conflict("The payer's appeal window closed on " + row.deadline() + "; ask a manager about a write-off.");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("UPDATE appeal SET argument = :argument, sent_at = :now, sent_by = :user WHERE id = :id")
                .param("argument", truncate(sending.argument().trim(), 4000)).param("now", now)
                .param("user", user.id()).param("id", appealId).update();
        claims.transition(claim.id(), ClaimStatus.APPEALED);
        jdbc.sql("UPDATE denial SET status = 'APPEALED' WHERE claim_id = :claim AND status = 'OPEN'")
                .param("claim", claim.id()).update();
        tasks.completeHeld(PREPARE_TASK, claim.claimNumber(), Map.of());
        return get(appealId);
    }

    /**
     * The payer's written decision. Overturned: the claim waits for the payment again. Upheld: the denials are open
     * again for the biller to correct or write off.
     */
    @Transactional
    public AppealView decide(long appealId, AppealDecision decision) {
        Row row = row(appealId);
        ClaimView claim = claims.get(row.claimId());
        tasks.requireHeld(DECISION_TASK, claim.claimNumber());
        if (row.outcome() != null) {
            throw ApiException.conflict("The decision on this appeal was already recorded (" + row.outcome() + ").");
        }
        boolean overturned = decision.outcome() == AppealDecision.Outcome.OVERTURNED;
        jdbc.sql("""
                UPDATE appeal SET outcome = :outcome, outcome_note = :note, decided_at = :now, decided_by = :user
                WHERE id = :id""")
                .param("outcome", decision.outcome().name()).param("note", truncate(decision.note(), 2000))
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("user", user.id()).param("id", appealId)
                .update();
        claims.transition(claim.id(), overturned ? ClaimStatus.ACCEPTED : ClaimStatus.DENIED);
        jdbc.sql("UPDATE denial SET status = :status WHERE claim_id = :claim AND status = 'APPEALED'")
                .param("status", overturned ? "OVERTURNED" : "OPEN").param("claim", claim.id()).update();
        tasks.completeHeld(DECISION_TASK, claim.claimNumber(), Map.of("appealOutcome", decision.outcome().name()));
        return get(appealId);
    }

    private Row row(long appealId) {
        return jdbc.sql("""
                SELECT id, claim_id, denial_id, deadline, argument, sent_at, sent_by, outcome, outcome_note
                FROM appeal WHERE id = :id""")
                .param("id", appealId).query(Row.class).optional()
                .orElseThrow(() -> ApiException.notFound("Appeal " + appealId));
    }

    /** The timer fires once the last day of the window is over. */
    public static Instant endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).minusSeconds(1).toInstant();
    }
}
