package org.relayrcm.statements;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a claim's patient account and records the notices the statement cycle sends. */
@Service
public class StatementAccounts {

    /** The account of the claim, and whether this call opened it. */
    public record Opened(long statementId, boolean isNew) {
    }

    private final JdbcClient jdbc;
    private final StatementTimers timers;

    StatementAccounts(JdbcClient jdbc, StatementTimers timers) {
        this.jdbc = jdbc;
        this.timers = timers;
    }

    /** Opens the account for the claim's patient share once; a second call finds the first account. */
    @Transactional
    public Opened open(String claimNumber, long patientShareCents) {
        if (patientShareCents <= 0) {
            throw new IllegalArgumentException("A patient account needs a positive share");
        }
        long claimId = jdbc.sql("SELECT id FROM claim WHERE claim_number = :number").param("number", claimNumber)
                .query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("No claim " + claimNumber + " to bill the patient for"));
        int inserted = jdbc.sql("""
                INSERT INTO patient_statement (claim_id, billed_cents, status, cycle_number, opened_at)
                SELECT :claim, :billed, 'OPEN', 1, :now FROM claim
                WHERE id = :claim AND NOT EXISTS (SELECT 1 FROM patient_statement s WHERE s.claim_id = :claim)""")
                .param("claim", claimId).param("billed", patientShareCents)
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        long statementId = jdbc.sql("SELECT id FROM patient_statement WHERE claim_id = :claim").param("claim", claimId)
                .query(Long.class).single();
        return new Opened(statementId, inserted == 1);
    }

    /**
     * Records a notice of the account's current cycle with the balance due today. A notice already recorded (a
     * retried job) and an account no longer open record nothing.
     */
    @Transactional
    public void recordNotice(long statementId, NoticeKind kind) {
        Account account = Account.lock(jdbc, statementId);
        if (account.status() != StatementStatus.OPEN) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO statement_notice (statement_id, cycle_number, kind, amount_due_cents, due_on, sent_at)
                SELECT id, cycle_number, :kind, :due, :dueOn, :now FROM patient_statement s
                WHERE s.id = :id AND NOT EXISTS (SELECT 1 FROM statement_notice n
                    WHERE n.statement_id = s.id AND n.cycle_number = s.cycle_number AND n.kind = :kind)""")
                .param("id", statementId).param("kind", kind.name()).param("due", account.balanceCents())
                .param("dueOn", timers.dueOn(kind, LocalDate.now())).param("now", now)
                .update();
    }
}
