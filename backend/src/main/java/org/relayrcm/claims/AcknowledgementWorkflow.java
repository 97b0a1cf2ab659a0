package org.relayrcm.claims;

/** Tells a claim's process what the payer's front end said; the process decides what happens next. */
public interface AcknowledgementWorkflow {

    void functionalAckArrived(String claimNumber, boolean accepted);

    void claimAckArrived(String claimNumber, boolean accepted);
}
