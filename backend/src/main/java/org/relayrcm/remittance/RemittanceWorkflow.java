package org.relayrcm.remittance;

import org.relayrcm.denials.DenialRoute;

/** Tells the claim's process that the payer has answered. */
public interface RemittanceWorkflow {

    enum Outcome { PAID, DENIED }

    /**
     * What the payer decided. Becomes the process variables claimOutcome, denialRoute (null when paid),
     * patientShareCents and forwardedToNextPayer (CLP02 19, 20 or 21: the patient's share goes to the next payer,
     * not to a statement).
     */
    record Answer(Outcome outcome, DenialRoute denialRoute, long patientShareCents, boolean forwardedToNextPayer) {
    }

    /** Returns false when no claim-submission process was waiting for this claim; the posting stands either way. */
    boolean remittanceArrived(String claimNumber, Answer answer);
}
