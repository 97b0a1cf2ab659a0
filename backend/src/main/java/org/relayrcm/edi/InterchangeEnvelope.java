package org.relayrcm.edi;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Who sends the interchange to whom, and its control numbers (ISA13, GS06, ST02). The numbers are allocated and
 * stored by the caller: a resubmission must never reuse one, and only the database knows which were used.
 *
 * @param senderQualifier          ISA05, e.g. {@code ZZ} (mutually defined) or {@code 30} (federal tax id)
 * @param senderId                 ISA06 and GS02, at most 15 characters
 * @param receiverQualifier        ISA07
 * @param receiverId               ISA08 and GS03, at most 15 characters
 * @param interchangeControlNumber ISA13 and IEA02, 1..999999999
 * @param groupControlNumber       GS06 and GE02, 1..999999999
 * @param transactionControlNumber ST02 and SE02 of the first transaction (written with at least 4 digits)
 * @param createdAt                ISA09/ISA10, GS04/GS05 and BHT04/BHT05
 * @param usage                    ISA15
 */
public record InterchangeEnvelope(
        String senderQualifier,
        String senderId,
        String receiverQualifier,
        String receiverId,
        long interchangeControlNumber,
        long groupControlNumber,
        long transactionControlNumber,
        LocalDateTime createdAt,
        UsageIndicator usage) {

    private static final long MAX_CONTROL_NUMBER = 999_999_999L;

    public InterchangeEnvelope {
        requireId("sender id", senderId);
        requireId("receiver id", receiverId);
        requireQualifier("sender qualifier", senderQualifier);
        requireQualifier("receiver qualifier", receiverQualifier);
        requireControlNumber("interchange control number", interchangeControlNumber);
        requireControlNumber("group control number", groupControlNumber);
        requireControlNumber("transaction control number", transactionControlNumber);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(usage, "usage");
    }

    private static void requireId(String what, String value) {
        if (value == null || value.isBlank() || value.length() > 15) {
            throw new IllegalArgumentException(what + " must be 1 to 15 characters, was '" + value + "'");
        }
    }

    private static void requireQualifier(String what, String value) {
        if (value == null || value.length() != 2) {
            throw new IllegalArgumentException(what + " must be 2 characters, was '" + value + "'");
        }
    }

    private static void requireControlNumber(String what, long value) {
        if (value < 1 || value > MAX_CONTROL_NUMBER) {
            throw new IllegalArgumentException(what + " must be between 1 and 999999999, was " + value);
        }
    }
}
