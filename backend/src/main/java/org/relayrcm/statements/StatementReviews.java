package org.relayrcm.statements;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.relayrcm.security.CurrentUser;
import org.relayrcm.security.Roles;
import org.relayrcm.shared.ApiException;
import org.relayrcm.tasks.TaskList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manager's decision on a balance the notices did not collect. The decision, the account's new status and the
 * completion of the manager's task commit together: a manager who does not hold the task changes nothing.
 */
@Service
public class StatementReviews {

    private final JdbcClient jdbc;
    private final CurrentUser user;
    private final TaskList tasks;

    StatementReviews(JdbcClient jdbc, CurrentUser user, TaskList tasks) {
        this.jdbc = jdbc;
        this.user = user;
        this.tasks = tasks;
    }

    @Transactional
    public void decide(long statementId, ReviewRequest review) {
        Forbidden.unlessRole(user, Roles.MANAGER, "Only a manager decides what happens to an unpaid patient balance.");
        Account account = Account.lock(jdbc, statementId);
        if (account.status() != StatementStatus.OPEN) {
            throw ApiException.conflict("This account is " + account.status() + "; there is nothing left to decide.");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO statement_review (statement_id, cycle_number, decision, note, decided_by, decided_at)
                VALUES (:id, :cycle, :decision, :note, :user, :now)""")
                .param("id", statementId).param("cycle", account.cycleNumber())
                .param("decision", review.decision().name()).param("note", review.note())
                .param("user", user.id()).param("now", now)
                .update();
        jdbc.sql(switch (review.decision()) {
            case COLLECTIONS -> "UPDATE patient_statement SET status = 'COLLECTIONS' WHERE id = :id";
            case WRITE_OFF -> "UPDATE patient_statement SET status = 'WRITTEN_OFF', closed_at = :now WHERE id = :id";
            case KEEP_BILLING -> "UPDATE patient_statement SET cycle_number = cycle_number + 1 WHERE id = :id";
        }).param("id", statementId).param("now", now).update();
        tasks.completeHeld(StatementProcess.REVIEW_TASK, StatementProcess.businessKey(account.claimNumber()),
                Map.of("reviewDecision", review.decision().name()));
    }
}
