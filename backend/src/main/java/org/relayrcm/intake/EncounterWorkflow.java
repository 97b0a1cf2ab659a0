package org.relayrcm.intake;

/** Starts the relay for a received encounter, in the caller's transaction. */
public interface EncounterWorkflow {

    void start(String encounterNumber, long encounterId, long codingCaseId);
}
