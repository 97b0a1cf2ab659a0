package org.relayrcm.claims;

/** Starts a claim's own process outside the encounter's relay: a paid claim's correction. */
public interface ClaimWorkflow {

    /**
     * A new claim-submission for the claim (business key = claim number), starting at the scrubber; a void ends when
     * the payer accepts it.
     */
    void correctionStarted(String claimNumber, long encounterId, boolean voiding);
}
