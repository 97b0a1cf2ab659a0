package org.relayrcm.denials;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An appeal as the biller prepares it and records the payer's decision. */
public record AppealView(long id, long claimId, String claimNumber, String payerName, String claimStatus,
        LocalDate deadline, long daysLeft, String argument, Instant sentAt, String sentBy, String outcome,
        String outcomeNote, List<DenialView.Item> denials) {
}
