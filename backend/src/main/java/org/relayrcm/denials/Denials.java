package org.relayrcm.denials;

import java.util.List;

/** What payment posting asks of denial work: how an adjustment is routed, and recording a denied claim. */
public interface Denials {

    /** The queue for one adjustment, by the denial routing table. */
    DenialRoute route(String groupCode, String reasonCode, List<String> remarkCodes);

    /**
     * Records the denied items of a claim answered by the given 835 claim payment (remittance_claim row) and returns
     * the claim's route: the first, in {@link DenialRoute} order, of its items' routes. Contractual items are not
     * recorded; a claim with nothing but contractual items returns {@link DenialRoute#CONTRACTUAL}.
     */
    DenialRoute record(long claimId, long remittanceClaimId, List<DeniedItem> items);
}
