package org.relayrcm.edi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first functional group of a received file as a front end sees it before reading the content: GS01, GS06, GS08
 * and each transaction's ST01/ST02 and where it starts. Found by a forgiving scan of the delimiters the ISA declares,
 * so a 999 can be written even for a file the real reader refuses (that is when a 999 matters most).
 *
 * @param senderQualifier    ISA05
 * @param senderId           ISA06, trimmed
 * @param interchangeControlNumber ISA13
 * @param usageIndicator     ISA15, T or P
 * @param functionalIdCode   GS01, e.g. HC
 * @param groupControlNumber GS06
 * @param version            GS08, e.g. 005010X222A1
 * @param transactions       the group's ST segments in file order
 */
public record ReceivedGroup(String senderQualifier, String senderId, String interchangeControlNumber,
        String usageIndicator, String functionalIdCode, String groupControlNumber, String version,
        List<Transaction> transactions) {

    /**
     * @param id           ST01
     * @param controlNumber ST02
     * @param start        the ST segment's position in the file (ISA = 1)
     * @param end          the SE segment's position in the file, or {@code Integer.MAX_VALUE} when it has none
     */
    public record Transaction(String id, String controlNumber, int start, int end) {
    }

    public ReceivedGroup {
        transactions = List.copyOf(transactions);
    }

    /** Empty when the file has no ISA header with its delimiters, or no GS after it. */
    public static Optional<ReceivedGroup> scan(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int start = 0;
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            start = 3;
        }
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        text = text.substring(start);
        if (!text.startsWith("ISA") || text.length() < 106) {
            return Optional.empty();
        }
        String element = String.valueOf(text.charAt(3));
        String terminator = String.valueOf(text.charAt(105));
        String[] segments = text.split(Pattern.quote(terminator));
        String[] isa = segments[0].split(Pattern.quote(element), -1);
        String[] gs = null;
        List<Transaction> transactions = new ArrayList<>();
        String[] st = null;
        int stAt = 0;
        for (int i = 0; i < segments.length; i++) {
            String[] e = segments[i].strip().split(Pattern.quote(element), -1);
            String tag = e[0];
            if ("GS".equals(tag)) {
                if (gs != null) {
                    break; // only the first group: our files have one
                }
                gs = e;
            } else if ("ST".equals(tag) && gs != null) {
                closeOpen(transactions, st, stAt, Integer.MAX_VALUE);
                st = e;
                stAt = i + 1;
            } else if ("SE".equals(tag) && st != null) {
                closeOpen(transactions, st, stAt, i + 1);
                st = null;
            }
        }
        closeOpen(transactions, st, stAt, Integer.MAX_VALUE);
        if (gs == null || gs.length < 7 || gs[6].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ReceivedGroup(field(isa, 5), field(isa, 6), field(isa, 13), field(isa, 15), gs[1], gs[6].trim(), gs.length > 8 ? gs[8].trim() : null,
                transactions));
    }

    private static String field(String[] elements, int position) {
        return elements.length > position ? elements[position].trim() : null;
    }

    private static void closeOpen(List<Transaction> transactions, String[] st, int start, int end) {
        if (st != null) {
            transactions.add(new Transaction(st.length > 1 ? st[1] : "", st.length > 2 ? st[2].trim() : "", start,
                    end));
        }
    }

    /**
     * The 999 a front end sends for this group: everything accepted when {@code problem} is {@code null}; otherwise
     * the whole group rejected, with the transaction that holds the problem segment pointing at it (IK3 with code 8,
     * segment has data element errors, positioned from its ST as the guide counts).
     *
     * @param senderId ISA06 the 999 will carry
     */
    public FunctionalAcknowledgement acknowledgement(String senderId, X12FormatException problem) {
        List<FunctionalAcknowledgement.TransactionResult> results = new ArrayList<>();
        for (Transaction transaction : transactions) {
            if (problem == null) {
                results.add(new FunctionalAcknowledgement.TransactionResult(transaction.id(),
                        transaction.controlNumber(), "A", List.of()));
                continue;
            }
            List<FunctionalAcknowledgement.SegmentError> errors = new ArrayList<>();
            int at = problem.segmentNumber();
            if (problem.segmentId() != null && at > transaction.start() && at < transaction.end()) {
                int position = at - transaction.start() + 1;
                errors.add(new FunctionalAcknowledgement.SegmentError(problem.segmentId(), position, null, "8", null,
                        null, FunctionalAcknowledgement999Reader.describe(problem.segmentId(), position, "8", null,
                                null)));
            }
            results.add(new FunctionalAcknowledgement.TransactionResult(transaction.id(), transaction.controlNumber(),
                    "R", errors));
        }
        return new FunctionalAcknowledgement(senderId, groupControlNumber, functionalIdCode,
                problem == null ? "A" : "R", results);
    }
}
