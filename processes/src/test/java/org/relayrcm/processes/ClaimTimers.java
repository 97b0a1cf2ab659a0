package org.relayrcm.processes;

/**
 * The shape of the backend's {@code claimTimers} bean as claim-submission.bpmn calls it: each method returns an
 * ISO-8601 duration such as {@code PT24H}.
 */
public interface ClaimTimers {

    /** How long after submission a missing 999 becomes a task. */
    String functionalAckWithin();

    /** How long after the 999 a missing 277CA becomes a task. */
    String claimAckWithin();
}
