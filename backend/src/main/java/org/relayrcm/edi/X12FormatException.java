package org.relayrcm.edi;

/**
 * An X12 file that cannot be read. Unchecked so callers decide where to turn it into a problem response; it carries
 * where in the file the problem is, because the first thing a billing clerk (or the payer's help desk) asks is
 * "which segment?".
 */
public class X12FormatException extends RuntimeException {

    private final String segmentId;
    private final int segmentNumber;

    /**
     * @param segmentId     segment tag such as {@code SVC}, or {@code null} when the problem is not in one segment
     * @param segmentNumber 1-based position of the segment in the file (0 when unknown)
     * @param message       what is wrong and, where possible, what to do about it
     */
    public X12FormatException(String segmentId, int segmentNumber, String message) {
        super(message);
        this.segmentId = segmentId;
        this.segmentNumber = segmentNumber;
    }

    public X12FormatException(String segmentId, int segmentNumber, String message, Throwable cause) {
        super(message, cause);
        this.segmentId = segmentId;
        this.segmentNumber = segmentNumber;
    }

    /** The segment tag (e.g. {@code CLP}), or {@code null} when the problem is not tied to one segment. */
    public String segmentId() {
        return segmentId;
    }

    /** 1-based position of the segment in the file, counting from its first segment; 0 when unknown. */
    public int segmentNumber() {
        return segmentNumber;
    }
}
