package org.relayrcm.statements;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A patient account in full, as the biller and the reviewing manager see it: the claim's services and what
 * insurance did with them, the notices sent, the payments received and the manager's earlier decisions.
 * {@code adjustedCents} is what insurance neither paid nor left to the patient (contractual and other adjustments).
 */
public record StatementView(long id, long claimId, String claimNumber, String patientName, String payerName,
        LocalDate dateOfService, long totalChargeCents, long insurancePaidCents, long adjustedCents, long billedCents,
        long paidCents, long balanceCents, StatementStatus status, int cycleNumber, NextStep nextStep,
        LocalDate nextStepDue, List<Line> lines, List<Notice> notices, List<Payment> payments, List<Review> reviews) {

    /** A service on the claim; {@code description} is null where the code set has none (CPT text is licensed). */
    public record Line(int lineNumber, String procedureCode, String modifiers, String description, int units,
            long chargeCents, Long insurancePaidCents) {
    }

    public record Notice(int cycleNumber, NoticeKind kind, long amountDueCents, LocalDate dueOn, OffsetDateTime sentAt) {
    }

    public record Payment(long id, long amountCents, PaymentMethod method, String reference, LocalDate receivedOn,
            String recordedBy, OffsetDateTime recordedAt) {
    }

    public record Review(int cycleNumber, ReviewDecision decision, String note, String decidedBy,
            OffsetDateTime decidedAt) {
    }
}
