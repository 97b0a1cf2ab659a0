package org.relayrcm.denials;

import java.util.List;

import org.relayrcm.claims.ClaimView;

/**
 * A denied claim as the person working it sees it: the denial asked for (its group, CARC and amount), every item the
 * same 835 denied on the claim and the queue each went to, and the claim's lines and diagnoses to correct.
 */
public record DenialView(long id, long claimId, String claimNumber, String claimStatus, String payerName,
        String groupCode, String reasonCode, String reasonText, long amountCents, String status, String route,
        String routeReason, String resolutionNote, List<Item> items, List<ClaimView.Line> lines,
        List<ClaimView.Diagnosis> diagnoses) {

    /** One denied adjustment: claim level when lineNumber is null. */
    public record Item(long id, Integer lineNumber, String groupCode, String reasonCode, String reasonText,
            List<String> remarkCodes, long amountCents, String route, String routeReason, String status) {
    }
}
