package org.relayrcm.denials;

import static org.relayrcm.shared.Text.truncate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * Write-offs that need a manager: a claim filed after the payer's limit (CARC 29), or an appeal whose window closed
 * before it went out. The amount is what the payer did not pay.
 */
@Service
public class WriteOffs {

    static final String APPROVAL_TASK = "Task_ApproveWriteOff";

    private final JdbcClient jdbc;
    private final ClaimService claims;
    private final TaskList tasks;
    private final CurrentUser user;
    private final DenialService denials;

    WriteOffs(JdbcClient jdbc, ClaimService claims, TaskList tasks, CurrentUser user, DenialService denials) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.tasks = tasks;
        this.user = user;
        this.denials = denials;
    }

    private record Row(long id, long claimId, long amountCents, String reason, String decision, String decisionNote,
            String decidedBy, OffsetDateTime decidedAt) {
    }

    /** Asks for the write-off of the claim's unpaid balance; a retried job finds the request it made before. */
    @Transactional
    public long request(String claimNumber) {
        long claimId = denials.claimId(claimNumber);
        var pending = jdbc.sql("SELECT id FROM write_off_request WHERE claim_id = :claim AND decision IS NULL")
                .param("claim", claimId).query(Long.class).optional();
        if (pending.isPresent()) {
            return pending.get();
        }
        LocalDate missedDeadline = jdbc.sql("""
                SELECT MAX(deadline) FROM appeal WHERE claim_id = :claim AND sent_at IS NULL AND outcome IS NULL
                  AND deadline < :today""")
                .param("claim", claimId).param("today", LocalDate.now(ZoneOffset.UTC))
                .query(LocalDate.class).optional().orElse(null);
        String reason = missedDeadline != null
                ? "The payer's appeal window closed on " + missedDeadline + " before the appeal went out."
                : "Filed after the payer's timely-filing limit (CARC 29).";
        long unpaid = jdbc.sql("SELECT total_charge_cents - COALESCE(paid_cents, 0) FROM claim WHERE id = :id")
                .param("id", claimId).query(Long.class).single();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO write_off_request (claim_id, amount_cents, reason, created_at)
                VALUES (:claim, :amount, :reason, :now)""")
                .paramSource(new MapSqlParameterSource().addValue("claim", claimId).addValue("amount", unpaid)
                        .addValue("reason", reason).addValue("now", OffsetDateTime.now(ZoneOffset.UTC)))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    @Transactional(readOnly = true)
    public WriteOffView get(long writeOffId) {
        Row row = row(writeOffId);
        ClaimView claim = claims.get(row.claimId());
        Long latestDenial = jdbc.sql("SELECT MAX(id) FROM denial WHERE claim_id = :claim").param("claim", row.claimId())
                .query(Long.class).optional().orElse(null);
        return new WriteOffView(row.id(), row.claimId(), claim.claimNumber(), claim.payerName(), claim.status(),
                row.amountCents(), row.reason(), row.decision(), row.decisionNote(), row.decidedBy(),
                row.decidedAt() == null ? null : row.decidedAt().toInstant(),
                latestDenial == null ? List.of() : denials.itemsAnsweredWith(latestDenial));
    }

    /** The manager holding Task_ApproveWriteOff decides; approved claims are closed as written off. */
    @Transactional
    public WriteOffView decide(long writeOffId, WriteOffDecision decision) {
        Row row = row(writeOffId);
        ClaimView claim = claims.get(row.claimId());
        tasks.requireHeld(APPROVAL_TASK, claim.claimNumber());
        if (row.decision() != null) {
            throw ApiException.conflict("This write-off was already " + row.decision().toLowerCase() + ".");
        }
        boolean approved = decision.approved();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                UPDATE write_off_request SET decision = :decision, decision_note = :note, decided_by = :user,
                       decided_at = :now WHERE id = :id""")
                .param("decision", approved ? "APPROVED" : "REFUSED").param("note", truncate(decision.note(), 2000))
                .param("user", user.id()).param("now", now).param("id", writeOffId).update();
        if (approved) {
            claims.transition(claim.id(), ClaimStatus.WRITTEN_OFF);
            jdbc.sql("""
                    UPDATE denial SET status = 'WRITTEN_OFF', resolution_note = :note, resolved_by = :user, resolved_at = :now
                    WHERE claim_id = :claim AND status IN ('OPEN', 'APPEALED')""")
                    .param("note", truncate(row.reason(), 2000)).param("user", user.id()).param("now", now)
                    .param("claim", claim.id()).update();
        }
        tasks.completeHeld(APPROVAL_TASK, claim.claimNumber(), Map.of("writeOffApproved", approved));
        return get(writeOffId);
    }

    private Row row(long writeOffId) {
        return jdbc.sql("""
                SELECT id, claim_id, amount_cents, reason, decision, decision_note, decided_by, decided_at
                FROM write_off_request WHERE id = :id""")
                .param("id", writeOffId).query(Row.class).optional()
                .orElseThrow(() -> ApiException.notFound("Write-off " + writeOffId));
    }
}
