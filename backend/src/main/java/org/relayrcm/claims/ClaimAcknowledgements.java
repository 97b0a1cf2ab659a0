package org.relayrcm.claims;

import java.util.List;

import org.relayrcm.edi.ClaimAcknowledgement;
import org.relayrcm.edi.FunctionalAcknowledgement;

/**
 * What the payer's front end said about claims we sent. Whoever reads 999 and 277CA files (the clearinghouse inbox,
 * an upload) hands them here; the claims feature moves each claim and its process on. Both calls are idempotent: the
 * same acknowledgement delivered twice changes nothing the second time.
 */
public interface ClaimAcknowledgements {

    /** A 999 for the functional group whose GS06 is {@code ack.groupControlNumber()}. */
    Outcome functionalAcknowledgement(FunctionalAcknowledgement ack);

    /** A 277CA: each claim result is matched on its patient control number (our claim number). */
    Outcome claimAcknowledgement(ClaimAcknowledgement ack);

    /**
     * @param applied    claim numbers whose status changed
     * @param unchanged  claim numbers that already had this answer (a duplicate delivery)
     * @param unmatched  control numbers or claim numbers we never sent
     */
    record Outcome(List<String> applied, List<String> unchanged, List<String> unmatched) {
    }
}
