package org.relayrcm.statements;

/** How a patient paid: at the desk, by mail or online. */
public enum PaymentMethod {
    CASH, CHECK, CARD, ACH, OTHER
}
