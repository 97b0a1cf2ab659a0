package org.relayrcm.processes;

import java.util.Date;

/**
 * The shape of the backend's {@code claimDeadlines} bean as claim-submission.bpmn calls it: deadlines that are the
 * payer's data (timely-filing limit, expected adjudication time), looked up by claim number.
 */
public interface ClaimDeadlines {

    /** How long after the payer accepted the claim a missing remittance becomes a task (ISO-8601, e.g. P30D). */
    String followUpAfter(String claimNumber);

    /** The last day the payer takes the claim: date of service plus the payer's timely-filing limit. */
    Date timelyFilingDeadline(String claimNumber);

    /** When a manager is warned about a claim that is not yet accepted. */
    Date timelyFilingWarningAt(String claimNumber);

    /** Whether the payer has still not accepted the claim (so the deadline can still be missed). */
    boolean atTimelyFilingRisk(String claimNumber);
}
