package org.relayrcm.processes;

/**
 * The shape of the backend's {@code claimTimers} bean as claim-submission.bpmn calls it:
 * {@code ${claimTimers.followUpAfter()}} is an ISO-8601 duration such as {@code P30D}.
 */
public interface ClaimTimers {

    String followUpAfter();
}
