package org.relayrcm.edi;

/**
 * One problem a payer's front end would report in a 999 for a claim file, found before we send it. The fields are
 * those of the 999's error segments so a clerk (or the payer's help desk) can find the place: the segment and its
 * position in the transaction set (IK301/IK302), the loop (IK303), the element and component (IK401), and the
 * code the payer would use (see {@link #code()}).
 *
 * @param transactionControlNumber ST02 of the transaction in error, {@code null} for interchange and group errors
 * @param segmentId                tag of the segment in error (for a missing segment: the missing one)
 * @param segmentPosition          position of the segment in its transaction set, ST = 1 (IK302); for envelope
 *                                 segments outside a transaction, the 1-based position in the file
 * @param fileSegmentNumber        1-based position of the segment in the whole file (ISA = 1), as
 *                                 {@link X12FormatException#segmentNumber()} counts; 0 when unknown
 * @param loop                     implementation-guide loop, e.g. {@code 2010AA}; {@code null} when outside loops or
 *                                 unknown
 * @param elementPosition          1-based element position (IK401-1), 0 for a segment-level error
 * @param componentPosition        1-based component position (IK401-2), 0 when not in a composite
 * @param code                     the 999/TA1 field and code, e.g. {@code IK304:I7} (implementation loop under
 *                                 minimum), {@code IK403:1} (required element missing), {@code IK502:4} (SE01
 *                                 count wrong), {@code AK905:2} (group version not supported), {@code TA105:021}
 * @param message                  what is wrong in words a billing clerk can act on; never holds a patient's name,
 *                                 id or birth date (only codes and counts are quoted)
 */
public record X12Error(
        String transactionControlNumber,
        String segmentId,
        int segmentPosition,
        int fileSegmentNumber,
        String loop,
        int elementPosition,
        int componentPosition,
        String code,
        String message) {

    /** The element reference as the guides write it, e.g. {@code CLM05-1}, or the segment tag. */
    public String reference() {
        if (elementPosition <= 0) {
            return segmentId;
        }
        String element = String.format("%s%02d", segmentId, elementPosition);
        return componentPosition > 0 ? element + "-" + componentPosition : element;
    }

    @Override
    public String toString() {
        return reference() + " at segment " + segmentPosition + (loop == null ? "" : " in loop " + loop) + " ["
                + code + "]: " + message;
    }
}
