package org.relayrcm.edi;

/**
 * Where a received transaction came from, kept so a posting can be traced back to the exact file. All fields are
 * {@code null} for a transaction that arrived without an ISA/GS envelope.
 *
 * @param senderId                 ISA06, trimmed
 * @param receiverId               ISA08, trimmed
 * @param interchangeControlNumber ISA13
 * @param groupControlNumber       GS06
 * @param transactionControlNumber ST02
 */
public record EnvelopeIds(
        String senderId,
        String receiverId,
        String interchangeControlNumber,
        String groupControlNumber,
        String transactionControlNumber) {
}
