package org.relayrcm.denials;

import java.util.List;

import org.relayrcm.claims.ClaimView;

public record DenialView(long id, long claimId, String claimNumber, String groupCode, String reasonCode,
        String reasonText, long amountCents, String status, String resolutionNote, List<ClaimView.Line> lines) {
}
