package org.relayrcm.remittance;

/** Why a claim payment or a whole 835 transaction went to a biller instead of posting by itself. */
public enum ExceptionKind {
    /** CLP01 names no claim of ours. */
    CLAIM_NOT_FOUND,
    /** CLP03 − CLP04 is not the sum of the claim's and its lines' CAS amounts; nothing was posted for it. */
    UNBALANCED_CLAIM,
    /** BPR02 is not ΣCLP04 − ΣPLB; the transaction's balanced claims were posted. */
    UNBALANCED_PAYMENT,
    /** A reversal (CLP02 22) of a payment we never posted; nothing changed. */
    UNKNOWN_REVERSAL,
    /** A payment for a claim that is not waiting for one (already paid, being corrected, ...); nothing was posted. */
    NOT_AWAITED,
    /** A claim status code (CLP02) posting does not handle, e.g. 23 or 25; nothing was posted. */
    UNSUPPORTED_STATUS,
    /** The payer took back a posted payment and sent no corrected one in the same transaction. */
    PAYMENT_REVERSED
}
