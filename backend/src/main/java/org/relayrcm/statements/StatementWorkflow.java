package org.relayrcm.statements;

/** What this feature tells the statement cycle; implemented by the engine glue in {@code workflow/}. */
public interface StatementWorkflow {

    /** The balance was paid in full: the cycle ends wherever it waits (Msg_PatientBalanceSettled). */
    void balanceSettled(String claimNumber);
}
