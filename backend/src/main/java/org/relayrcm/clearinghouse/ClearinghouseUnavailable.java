package org.relayrcm.clearinghouse;

/**
 * The clearinghouse did not take a file now: its outbox is gone or read-only, the write failed part-way, or it did not
 * answer in time. Nothing was handed over, so trying again later is safe. The message names the file and the cause a
 * manager can act on, never the file's content (it is the claim: PHI).
 */
public class ClearinghouseUnavailable extends RuntimeException {

    public ClearinghouseUnavailable(String message) {
        super(message);
    }

    public ClearinghouseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
