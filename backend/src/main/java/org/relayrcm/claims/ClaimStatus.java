package org.relayrcm.claims;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a claim is in its life; each status names the ones it may move on from. A remittance may overtake the
 * acknowledgements, so PAID and DENIED follow SUBMITTED as well as ACCEPTED; a rejected, denied or paid claim goes
 * back to DRAFT to be corrected and scrubbed again (a paid one is then sent as a replacement, frequency 7). A payer
 * that reverses a payment (835 CLP02 22) puts the claim back to ACCEPTED until its corrected answer arrives.
 */
public enum ClaimStatus {
    /** Built from the codes, or reopened for correction (also when our own 837 check refused it); not yet through the scrubber. */
    DRAFT,
    /** Passed every scrubber rule; ready to go out. */
    SCRUBBED,
    /** Handed to the clearinghouse. */
    SUBMITTED,
    /** The payer took it into adjudication (277CA). */
    ACCEPTED,
    /** The payer's front end refused the file (999) or the claim (277CA). */
    REJECTED,
    PAID,
    DENIED,
    /** A denial the payer is reconsidering on our appeal; the payer may answer with a new 835. */
    APPEALED,
    /** The payer owes nothing more; the balance was billed to the patient. */
    PATIENT_RESPONSIBILITY,
    WRITTEN_OFF,
    /** A paid claim the payer accepted a void (frequency 8) for. */
    VOIDED;

    Set<ClaimStatus> allowedFrom() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SCRUBBED, REJECTED, DENIED, PAID);
            case SCRUBBED -> EnumSet.of(DRAFT);
            case SUBMITTED -> EnumSet.of(SCRUBBED);
            case REJECTED -> EnumSet.of(SUBMITTED);
            // From PAID or DENIED when the payer reverses its payment (CLP02 22) and reprocesses, from APPEALED
            // when the appeal is overturned and the payment is still to come.
            case ACCEPTED -> EnumSet.of(SUBMITTED, PAID, DENIED, APPEALED);
            case PAID, DENIED -> EnumSet.of(SUBMITTED, ACCEPTED, APPEALED);
            case APPEALED, PATIENT_RESPONSIBILITY -> EnumSet.of(DENIED);
            case WRITTEN_OFF -> EnumSet.of(DENIED, REJECTED);
            case VOIDED -> EnumSet.of(ACCEPTED);
        };
    }

    /** Out of our hands and waiting for the payer's answer. */
    public boolean awaitsPayer() {
        return this == SUBMITTED || this == ACCEPTED || this == APPEALED;
    }
}
