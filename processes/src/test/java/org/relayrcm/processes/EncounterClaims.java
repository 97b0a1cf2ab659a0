package org.relayrcm.processes;

import java.util.List;

/**
 * The shape of the backend's {@code encounterClaims} bean as revenue-cycle.bpmn calls it:
 * {@code ${encounterClaims.claimNumbers(encounterId)}} feeds the multi-instance claim submission.
 */
public interface EncounterClaims {

    List<String> claimNumbers(Long encounterId);
}
