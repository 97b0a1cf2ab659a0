package org.relayrcm.statements;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One row of the billers' list of patient balances. {@code nextStepDue} is the pay-by date of the last notice,
 * the day the cycle moves on; both next-step fields are null once the account is no longer open.
 */
public record StatementSummary(long id, String claimNumber, String patientName, long billedCents, long paidCents,
        long balanceCents, StatementStatus status, NoticeKind lastNotice, OffsetDateTime lastNoticeSentAt,
        NextStep nextStep, LocalDate nextStepDue) {
}
