package org.relayrcm.statements;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.relayrcm.security.CurrentUser;
import org.relayrcm.security.Roles;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.ValidationError;
import org.relayrcm.shared.pdf.Dollars;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a patient's payment. The payment, the account's status and the end of the statement cycle (when the
 * balance reaches zero) commit together, so a settled balance never gets another notice.
 */
@Service
public class StatementPayments {

    private final JdbcClient jdbc;
    private final CurrentUser user;
    private final StatementWorkflow workflow;

    StatementPayments(JdbcClient jdbc, CurrentUser user, StatementWorkflow workflow) {
        this.jdbc = jdbc;
        this.user = user;
        this.workflow = workflow;
    }

    @Transactional
    public void record(long statementId, PaymentRequest payment) {
        Forbidden.unlessRole(user, Roles.BILLER, "Only a biller records patient payments.");
        Account account = Account.lock(jdbc, statementId);
        if (!account.status().takesPayments()) {
            throw ApiException.conflict("This account is " + account.status() + "; it takes no more payments.");
        }
        validate(payment, account);
        jdbc.sql("""
                INSERT INTO patient_payment (statement_id, amount_cents, method, reference, received_on, recorded_by,
                                             recorded_at)
                VALUES (:id, :amount, :method, :reference, :receivedOn, :user, :now)""")
                .param("id", statementId).param("amount", payment.amountCents())
                .param("method", payment.method().name()).param("reference", blankToNull(payment.reference()))
                .param("receivedOn", payment.receivedOn()).param("user", user.id())
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        if (payment.amountCents() == account.balanceCents()) {
            jdbc.sql("UPDATE patient_statement SET status = 'PAID', closed_at = :now WHERE id = :id")
                    .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("id", statementId).update();
            workflow.balanceSettled(account.claimNumber());
        }
    }

    private static void validate(PaymentRequest payment, Account account) {
        if (payment.amountCents() <= 0) {
            throw invalid("amountCents", "A payment must be more than $0.00.");
        }
        if (payment.amountCents() > account.balanceCents()) {
            throw invalid("amountCents", "The payment of " + Dollars.format(payment.amountCents())
                    + " is more than the balance of " + Dollars.format(account.balanceCents())
                    + "; record at most the balance and refund the rest.");
        }
        if (payment.receivedOn().isAfter(LocalDate.now())) {
            throw invalid("receivedOn", "A payment cannot be received in the future.");
        }
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.invalid(message, List.of(ValidationError.error("PATIENT-PAYMENT", field, message)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
