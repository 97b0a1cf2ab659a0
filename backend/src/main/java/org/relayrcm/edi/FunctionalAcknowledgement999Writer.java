package org.relayrcm.edi;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link FunctionalAcknowledgement} as a 999 implementation acknowledgement (005010X231A1): one interchange,
 * one FA group, one 999 transaction with AK1, an AK2 loop per acknowledged transaction (IK3/IK4 findings, IK5) and
 * AK9. IK404 (a copy of the bad value) and CTX are never written: the bad value may be a member id or a name, and
 * the position and error code already tell the sender where to look. Used by the payer simulator.
 */
public final class FunctionalAcknowledgement999Writer {

    static final String IMPLEMENTATION_GUIDE = "005010X231A1";

    /** IK502 is required once a transaction is not plainly accepted: "5", one or more segments in error. */
    private static final String SEGMENTS_IN_ERROR = "5";

    private final boolean segmentPerLine;

    public FunctionalAcknowledgement999Writer(boolean segmentPerLine) {
        this.segmentPerLine = segmentPerLine;
    }

    /**
     * Writes the acknowledgement to {@code out} (not closed).
     *
     * @param acknowledgedVersion GS08 of the group being acknowledged (AK103 and AK203), e.g. 005010X222A1;
     *                            {@code null} when the received file did not say
     */
    public void write(InterchangeEnvelope envelope, FunctionalAcknowledgement ack, String acknowledgedVersion,
            OutputStream out) {
        Objects.requireNonNull(ack, "ack");
        try (X12SegmentWriter x12 = new X12SegmentWriter(out, segmentPerLine)) {
            x12.startInterchange(envelope, "FA", IMPLEMENTATION_GUIDE);
            String st02 = x12.startTransaction("999", envelope.transactionControlNumber(), IMPLEMENTATION_GUIDE);
            x12.segment("AK1", ack.functionalIdCode() == null ? "HC" : ack.functionalIdCode(),
                    ack.groupControlNumber(), acknowledgedVersion);
            int accepted = 0;
            for (FunctionalAcknowledgement.TransactionResult transaction : ack.transactions()) {
                writeTransaction(x12, transaction, acknowledgedVersion);
                accepted += transaction.accepted() ? 1 : 0;
            }
            String count = Integer.toString(ack.transactions().size());
            // AK905 is for errors in the group's own envelope (GS/GE); ours are reported per transaction in IK5.
            x12.segment("AK9", ack.groupStatus(), count, count, Integer.toString(accepted));
            x12.endTransaction(st02);
            x12.endInterchange(envelope);
        }
    }

    public String writeToString(InterchangeEnvelope envelope, FunctionalAcknowledgement ack,
            String acknowledgedVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(envelope, ack, acknowledgedVersion, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeTransaction(X12SegmentWriter x12, FunctionalAcknowledgement.TransactionResult transaction,
            String acknowledgedVersion) {
        x12.segment("AK2", transaction.transactionSetId(), transaction.controlNumber(), acknowledgedVersion);
        FunctionalAcknowledgement.SegmentError open = null;
        for (FunctionalAcknowledgement.SegmentError error : transaction.errors()) {
            // Element errors of one segment share one IK3: consecutive findings with the same segment are grouped.
            if (open == null || !sameSegment(open, error)) {
                x12.segment("IK3", error.segmentId(), Integer.toString(error.position()), error.loopId(),
                        error.segmentErrorCode());
                open = error;
            }
            if (error.elementPosition() != null) {
                x12.segment("IK4", elementPosition(error.elementPosition()), null, error.elementErrorCode());
            }
        }
        x12.segment("IK5", transaction.status(), "A".equals(transaction.status()) ? null : SEGMENTS_IN_ERROR);
    }

    private static boolean sameSegment(FunctionalAcknowledgement.SegmentError a,
            FunctionalAcknowledgement.SegmentError b) {
        return Objects.equals(a.segmentId(), b.segmentId()) && a.position() == b.position()
                && Objects.equals(a.loopId(), b.loopId()) && Objects.equals(a.segmentErrorCode(), b.segmentErrorCode());
    }

    /** IK401 is a composite: element position, then component and repetition positions ("5-1" becomes 5:1). */
    private static List<String> elementPosition(String position) {
        return new ArrayList<>(List.of(position.split("-", -1)));
    }
}
