package org.relayrcm.denials;

import java.time.Instant;
import java.util.List;

/** A write-off waiting for, or given, a manager's decision. */
public record WriteOffView(long id, long claimId, String claimNumber, String payerName, String claimStatus,
        long amountCents, String reason, String decision, String decisionNote, String decidedBy, Instant decidedAt,
        List<DenialView.Item> denials) {
}
