package org.relayrcm.statements;

import java.util.Optional;

import org.relayrcm.shared.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One statement account as the services change it: what was billed, what came in, where it stands. */
record Account(long id, String claimNumber, long billedCents, long paidCents, StatementStatus status, int cycleNumber) {

    long balanceCents() {
        return billedCents - paidCents;
    }

    /**
     * Reads the account after locking its row until the transaction ends, so two payments (or a payment and a
     * manager's decision) cannot both act on the same balance.
     */
    static Account lock(JdbcClient jdbc, long id) {
        Optional<Long> locked = jdbc.sql("SELECT id FROM patient_statement WHERE id = :id FOR UPDATE")
                .param("id", id).query(Long.class).optional();
        if (locked.isEmpty()) {
            throw ApiException.notFound("Statement " + id);
        }
        return jdbc.sql("""
                SELECT s.id, c.claim_number, s.billed_cents,
                       COALESCE((SELECT SUM(p.amount_cents) FROM patient_payment p WHERE p.statement_id = s.id), 0)
                           AS paid_cents,
                       s.status, s.cycle_number
                FROM patient_statement s JOIN claim c ON c.id = s.claim_id
                WHERE s.id = :id""")
                .param("id", id).query(Account.class).single();
    }
}
