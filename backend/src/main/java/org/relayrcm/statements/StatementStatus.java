package org.relayrcm.statements;

/** Where a patient's balance stands. Only OPEN and COLLECTIONS accounts still take payments. */
public enum StatementStatus {
    /** Notices are going out, or the manager is deciding what comes next. */
    OPEN,
    /** Payments brought the balance to zero. */
    PAID,
    /** Handed to a collection agency; payments that reach us still count. */
    COLLECTIONS,
    /** The manager wrote the balance off. */
    WRITTEN_OFF;

    boolean takesPayments() {
        return this == OPEN || this == COLLECTIONS;
    }
}
