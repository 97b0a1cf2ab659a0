package org.relayrcm.edi;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a 999 implementation acknowledgement (005010X231 and X231A1) into {@link FunctionalAcknowledgement}s, one per
 * 999 transaction (each answers one functional group we sent), across every group and interchange of the file. Layout
 * is handled as for the 835 (BOM, line breaks, indentation, any declared delimiters, a bare ST..SE). CTX segments and
 * IK404 (a copy of the bad value) are skipped: they quote the claim and may hold PHI. Anything out of order (an IK5
 * before its AK2, an AK2 before AK1) refuses the whole file, because a 999 read wrongly would tell us a rejected claim
 * went through.
 */
public final class FunctionalAcknowledgement999Reader {

    /** IK501: accepted, accepted with errors, rejected (three ways: M, R, W, X). */
    private static final Set<String> TRANSACTION_STATUSES = Set.of("A", "E", "M", "R", "W", "X");
    /** AK901: as IK501, plus P (partially accepted: some transactions rejected). */
    private static final Set<String> GROUP_STATUSES = Set.of("A", "E", "M", "P", "R", "W", "X");


    /** What the file said, and what the reader had to assume. */
    public record Result(List<FunctionalAcknowledgement> acknowledgements, List<String> warnings) {
    }

    /**
     * Reads the whole stream (not closed).
     *
     * @throws X12FormatException when the file is not a readable 999; the message names the segment
     */
    public Result read(InputStream input) {
        Objects.requireNonNull(input, "input");
        List<String> warnings = new ArrayList<>();
        List<FunctionalAcknowledgement> acks = new ArrayList<>();
        try (X12SegmentReader segments = X12SegmentReader.open(input, "FA",
                FunctionalAcknowledgement999Writer.IMPLEMENTATION_GUIDE, warnings::add)) {
            new Parse(acks).run(segments);
        }
        if (acks.isEmpty()) {
            throw new X12FormatException(null, 0, "The file holds no 999 acknowledgement (no ST*999 segment).");
        }
        return new Result(acks, warnings);
    }

    private static final class Parse {

        private final List<FunctionalAcknowledgement> acks;
        private String senderId;
        private boolean inTransaction;
        private int transactionStart;
        private String groupControlNumber;
        /** GS08: the 999's own guide, checked; nothing else of its group says anything about ours. */
        private String groupVersion;
        private String functionalIdCode;
        private String groupStatus;
        private final List<FunctionalAcknowledgement.TransactionResult> transactions = new ArrayList<>();
        private X12Segment ak2;
        private X12Segment ik3;
        private final List<FunctionalAcknowledgement.SegmentError> errors = new ArrayList<>();
        private boolean ik3HasElements;

        Parse(List<FunctionalAcknowledgement> acks) {
            this.acks = acks;
        }

        void run(X12SegmentReader segments) {
            X12Segment segment;
            while ((segment = segments.next()) != null) {
                handle(segment);
            }
        }

        private void handle(X12Segment s) {
            switch (s.tag()) {
                case "ISA" -> senderId = s.element(6).trim();
                case "GS" -> groupVersion = s.element(8);
                case "GE", "IEA" -> {
                    // the 999's own group says nothing about ours; AK1 does
                }
                case "ST" -> startTransaction(s);
                case "SE" -> endTransaction(s);
                default -> {
                    if (inTransaction) {
                        body(s);
                    }
                    // outside ST..SE: a TA1 (the interchange's own acknowledgement) says nothing about our claims
                }
            }
        }

        private void startTransaction(X12Segment s) {
            if (!"999".equals(s.element(1))) {
                throw new X12FormatException("ST", s.number(), "Segment " + s.number() + " starts a transaction of "
                        + "type " + s.element(1) + X12Values.describeTransaction(s.element(1)) + ", not a 999 "
                        + "acknowledgement.");
            }
            X12Values.requireGuide(s, groupVersion, "005010X231", "999");
            X12Values.requireGuide(s, s.element(3), "005010X231", "999");
            inTransaction = true;
            transactionStart = s.number();
            groupControlNumber = null;
            functionalIdCode = null;
            groupStatus = null;
            transactions.clear();
            ak2 = null;
        }

        private void body(X12Segment s) {
            switch (s.tag()) {
                case "AK1" -> {
                    if (groupControlNumber != null) {
                        throw outOfPlace(s, "after another AK1: a 999 acknowledges one functional group");
                    }
                    functionalIdCode = X12Values.emptyToNull(s.element(1).trim());
                    groupControlNumber = required(s, 2, "the group control number we sent in GS06");
                }
                case "AK2" -> {
                    requireAk1(s);
                    closeTransaction(null);
                    ak2 = s;
                    required(s, 2, "the transaction control number we sent in ST02");
                }
                case "IK3" -> {
                    requireAk2(s);
                    closeSegment();
                    ik3 = s;
                    ik3HasElements = false;
                }
                case "IK4" -> {
                    if (ik3 == null) {
                        throw outOfPlace(s, "without an IK3 naming its segment");
                    }
                    String position = String.join("-", s.components(1).stream().filter(c -> !c.isEmpty()).toList());
                    errors.add(error(ik3, X12Values.emptyToNull(position), X12Values.emptyToNull(s.element(3))));
                    ik3HasElements = true;
                }
                case "IK5" -> {
                    requireAk2(s);
                    closeTransaction(code(s, 1, "the transaction's status", TRANSACTION_STATUSES));
                }
                case "AK9" -> {
                    requireAk1(s);
                    if (ak2 != null) {
                        throw outOfPlace(s, "before the IK5 that closes the AK2 loop above it");
                    }
                    groupStatus = code(s, 1, "the group's status", GROUP_STATUSES);
                }
                default -> {
                    // CTX quotes the claim (PHI); anything else is not part of X231A1 and ignored
                }
            }
        }

        private void endTransaction(X12Segment s) {
            if (!inTransaction) {
                return;
            }
            if (groupControlNumber == null) {
                throw new X12FormatException("SE", s.number(), "The 999 transaction ending at segment " + s.number()
                        + " has no AK1, so it is unknown which of our files it acknowledges.");
            }
            if (ak2 != null) {
                throw new X12FormatException("SE", s.number(), "The AK2 loop in segment " + ak2.number()
                        + " has no IK5, so the transaction's status is unknown.");
            }
            if (groupStatus == null) {
                throw new X12FormatException("SE", s.number(), "The 999 transaction ending at segment " + s.number()
                        + " has no AK9, so the group's status is unknown.");
            }
            acks.add(new FunctionalAcknowledgement(senderId, groupControlNumber, functionalIdCode, groupStatus,
                    transactions));
            inTransaction = false;
        }

        private void closeSegment() {
            if (ik3 != null && !ik3HasElements) {
                errors.add(error(ik3, null, null));
            }
            ik3 = null;
        }

        private void closeTransaction(String status) {
            if (ak2 == null) {
                return;
            }
            if (status == null) {
                throw outOfPlace(ak2, "while the AK2 loop before it has no IK5");
            }
            closeSegment();
            transactions.add(new FunctionalAcknowledgement.TransactionResult(ak2.element(1), ak2.element(2), status,
                    errors));
            errors.clear();
            ak2 = null;
        }

        private FunctionalAcknowledgement.SegmentError error(X12Segment ik3, String elementPosition,
                String elementErrorCode) {
            String segmentCode = X12Values.emptyToNull(ik3.element(4));
            int position;
            try {
                position = Integer.parseInt(ik3.element(2).trim());
            } catch (NumberFormatException e) {
                throw new X12FormatException("IK3", ik3.number(), "IK302 '" + ik3.element(2) + "' in segment "
                        + ik3.number() + " (IK3) is not a segment position.");
            }
            return new FunctionalAcknowledgement.SegmentError(ik3.element(1), position,
                    X12Values.emptyToNull(ik3.element(3)), segmentCode, elementPosition, elementErrorCode,
                    describe(ik3.element(1), position, segmentCode, elementPosition, elementErrorCode));
        }

        private void requireAk1(X12Segment s) {
            if (groupControlNumber == null) {
                throw outOfPlace(s, "before AK1");
            }
        }

        private void requireAk2(X12Segment s) {
            requireAk1(s);
            if (ak2 == null) {
                throw outOfPlace(s, "without an AK2 naming the transaction it is about");
            }
        }

        private X12FormatException outOfPlace(X12Segment s, String where) {
            return new X12FormatException(s.tag(), s.number(), "Segment " + s.number() + " (" + s.tag()
                    + ") comes " + where + "; the 999 is malformed and cannot be trusted. Ask the clearinghouse "
                    + "to resend it." + (inTransaction ? " (transaction starting at segment " + transactionStart
                    + ")" : ""));
        }

        /** A status from the guide's code list; any other value would be read as a rejection or an acceptance. */
        private static String code(X12Segment s, int position, String meaning, Set<String> allowed) {
            String value = required(s, position, meaning);
            if (!allowed.contains(value)) {
                throw new X12FormatException(s.tag(), s.number(), String.format("%s%02d (%s) '%s' in segment %d is not "
                        + "one of %s; the 999 is malformed and cannot be trusted. Ask the clearinghouse to resend it.",
                        s.tag(), position, meaning, value.length() > 10 ? value.substring(0, 10) + "…" : value, s.number(), new TreeSet<>(allowed)));
            }
            return value;
        }

        private static String required(X12Segment s, int position, String meaning) {
            String value = s.element(position).trim();
            if (value.isEmpty()) {
                throw new X12FormatException(s.tag(), s.number(), String.format("%s%02d (%s) is missing in segment "
                        + "%d (%s).", s.tag(), position, meaning, s.number(), s.tag()));
            }
            return value;
        }
    }

    /** A sentence a biller can act on, built from the codes only (the file's own text is never quoted). */
    static String describe(String segmentId, int position, String segmentCode, String elementPosition,
            String elementCode) {
        StringBuilder text = new StringBuilder("Segment ").append(segmentId).append(" at position ").append(position)
                .append(" of the claim file");
        if (elementPosition != null) {
            String element = elementPosition.split("-")[0];
            text.append(", element ").append(segmentId).append(element.length() == 1 ? "0" + element : element);
            text.append(": ").append(ELEMENT_ERRORS.getOrDefault(elementCode, "error code " + elementCode));
        } else {
            text.append(": ").append(SEGMENT_ERRORS.getOrDefault(segmentCode, "error code " + segmentCode));
        }
        return text.append('.').toString();
    }

    /** IK304, implementation segment syntax error codes (X12 element 620). */
    private static final Map<String, String> SEGMENT_ERRORS = Map.ofEntries(
            Map.entry("1", "unrecognized segment"),
            Map.entry("2", "unexpected segment"),
            Map.entry("3", "required segment missing"),
            Map.entry("4", "loop occurs more often than allowed"),
            Map.entry("5", "segment occurs more often than allowed"),
            Map.entry("6", "segment not in the transaction set"),
            Map.entry("7", "segment not in proper sequence"),
            Map.entry("8", "segment has data element errors"),
            Map.entry("I4", "segment the guide marks \"not used\" is present"),
            Map.entry("I6", "segment required by the guide's situation rule is missing"),
            Map.entry("I7", "loop occurs fewer times than the guide requires"),
            Map.entry("I8", "segment occurs fewer times than the guide requires"),
            Map.entry("I9", "segment the guide's situation rule marks \"not used\" is present"));

    /** IK403, implementation data element syntax error codes (X12 element 621). */
    private static final Map<String, String> ELEMENT_ERRORS = Map.ofEntries(
            Map.entry("1", "required value missing"),
            Map.entry("2", "conditionally required value missing"),
            Map.entry("3", "too many data elements"),
            Map.entry("4", "value too short"),
            Map.entry("5", "value too long"),
            Map.entry("6", "invalid character"),
            Map.entry("7", "invalid code value"),
            Map.entry("8", "invalid date"),
            Map.entry("9", "invalid time"),
            Map.entry("10", "value excluded by another element"),
            Map.entry("12", "too many repetitions"),
            Map.entry("13", "too many components"),
            Map.entry("I6", "code value not used in this implementation"),
            Map.entry("I9", "value required by the guide's situation rule is missing"),
            Map.entry("I10", "value the guide marks \"not used\" is present"),
            Map.entry("I11", "too few repetitions"),
            Map.entry("I12", "value does not match the guide's pattern"),
            Map.entry("I13", "value the guide's situation rule marks \"not used\" is present"));
}
