package org.relayrcm.edi;

import java.util.List;
import java.util.Objects;

/**
 * A 999 implementation acknowledgement (005010X231A1) for one functional group we sent: whether the payer's
 * front end could read it, and where it could not.
 *
 * @param senderId             ISA06 of the 999 (the clearinghouse or payer that read our file)
 * @param groupControlNumber   AK102: the GS06 of the group being acknowledged (ours)
 * @param functionalIdCode     AK101, {@code HC} for claims
 * @param groupStatus          AK901: A accepted, E accepted with errors, P partially accepted, R rejected
 * @param transactions         one per AK2 loop
 */
public record FunctionalAcknowledgement(
        String senderId,
        String groupControlNumber,
        String functionalIdCode,
        String groupStatus,
        List<TransactionResult> transactions) {

    public FunctionalAcknowledgement {
        Objects.requireNonNull(groupControlNumber, "group control number (AK102)");
        Objects.requireNonNull(groupStatus, "group status (AK901)");
        transactions = List.copyOf(transactions == null ? List.of() : transactions);
    }

    /** True when the group may go on to adjudication (A or E); P and R stop a one-claim file. */
    public boolean accepted() {
        return "A".equals(groupStatus) || "E".equals(groupStatus);
    }

    /**
     * @param transactionSetId  AK201, e.g. 837
     * @param controlNumber     AK202: the ST02 acknowledged
     * @param status            IK501: A, E, M, R, W or X
     * @param errors            IK3/IK4 findings, in file order
     */
    public record TransactionResult(String transactionSetId, String controlNumber, String status,
            List<SegmentError> errors) {

        public TransactionResult {
            errors = List.copyOf(errors == null ? List.of() : errors);
        }

        public boolean accepted() {
            return "A".equals(status) || "E".equals(status);
        }
    }

    /**
     * @param segmentId        IK301
     * @param position         IK302, the segment's position in the transaction set (ST = 1)
     * @param loopId           IK303, may be {@code null}
     * @param segmentErrorCode IK304, may be {@code null} when only an element is wrong
     * @param elementPosition  IK401 (e.g. {@code 2} or {@code 5-1}), {@code null} for a segment-level error
     * @param elementErrorCode IK403, {@code null} for a segment-level error
     * @param description      a readable sentence for the biller (our own words, not from the file)
     */
    public record SegmentError(String segmentId, int position, String loopId, String segmentErrorCode,
            String elementPosition, String elementErrorCode, String description) {
    }
}
