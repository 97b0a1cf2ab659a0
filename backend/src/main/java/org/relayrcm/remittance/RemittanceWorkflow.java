package org.relayrcm.remittance;

/** Tells the claim's process that the payer has answered. */
public interface RemittanceWorkflow {

    enum Outcome { PAID, DENIED }

    void remittanceArrived(String claimNumber, Outcome outcome);
}
