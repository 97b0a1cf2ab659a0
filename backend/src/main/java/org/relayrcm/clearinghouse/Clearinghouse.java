package org.relayrcm.clearinghouse;

/**
 * Hands X12 files to a clearinghouse. Adapters must be idempotent by file name: a job that is
 * retried after a crash hands over the same name again and must not send a second file.
 */
public interface Clearinghouse {

    Delivery deliver(String fileName, byte[] content);

    /** What was handed over: the content already there wins, since that is what the payer has. */
    record Delivery(String fileName, byte[] deliveredContent, boolean alreadyDelivered) {
    }
}
