package org.relayrcm.remittance;

/** Puts a remittance exception in front of a biller: one remittance-review process per exception. */
public interface RemittanceReviews {

    /** The biller's task in remittance-review.bpmn. */
    String TASK = "Task_ReviewRemittance";

    /**
     * Starts the review in the caller's transaction, so it exists exactly when the exception does.
     *
     * @param claimNumber our claim the exception is about, or {@code null} when none is known
     */
    void open(long exceptionId, String claimNumber);

    /** The review's business key: the exception's id, recognisable in the task list. */
    static String businessKey(long exceptionId) {
        return "RX-" + exceptionId;
    }
}
