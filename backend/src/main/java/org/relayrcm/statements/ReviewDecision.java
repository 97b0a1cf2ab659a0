package org.relayrcm.statements;

/** What a manager decides after the final notice went unanswered. */
public enum ReviewDecision {
    /** Hand the balance to a collection agency; the statement cycle ends. */
    COLLECTIONS,
    /** Not worth chasing (hardship, small balance): the balance is written off. */
    WRITE_OFF,
    /** The patient is paying or promised to: send a new cycle of notices, starting with a statement. */
    KEEP_BILLING
}
