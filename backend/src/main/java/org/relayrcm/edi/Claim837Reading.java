package org.relayrcm.edi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Supplier;

/** What the 837P and 837I readers share: envelope values, money, and refusals that name the segment. */
final class Claim837Reading {

    private Claim837Reading() {
    }

    /**
     * Checks the whole file against its implementation guide (after the reader's own pass, so the reader's more
     * specific messages win) and refuses it on the first breach, naming the segment as a payer's 999 would.
     */
    static void requireGuideConformance(byte[] file) {
        List<X12Error> errors = new ClaimFileValidator().validate(file);
        if (!errors.isEmpty()) {
            X12Error first = errors.get(0);
            throw new X12FormatException(first.segmentId(), first.fileSegmentNumber(), "The file breaks the "
                    + "implementation guide at segment " + first.fileSegmentNumber() + " (" + first.segmentId()
                    + (first.loop() == null ? "" : ", loop " + first.loop()) + "): " + first.message() + " ["
                    + first.code() + "]" + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")
                    + ". A payer would reject it; ask the sender for a corrected file.");
        }
    }

    /** X12 drops trailing zeros; money comes back in cents, as the rest of the application keeps it. */
    static BigDecimal money(BigDecimal value) {
        return value.scale() < 2 ? value.setScale(2) : value;
    }

    static long controlNumber(X12Segment s, int position) {
        String raw = s.element(position).trim();
        if (!raw.matches("\\d{1,9}")) {
            throw new X12FormatException(s.tag(), s.number(), String.format("%s%02d '%s' in segment %d (%s) is not "
                    + "a control number of 1 to 9 digits.", s.tag(), position, raw, s.number(), s.tag()));
        }
        return Long.parseLong(raw);
    }

    /** GS04 (CCYYMMDD) and GS05 (HHMM, HHMMSS or HHMMSS with decimal seconds). */
    static LocalDateTime createdAt(X12Segment gs) {
        LocalDate date = X12Values.parseDate(gs, 4);
        String time = gs.element(5).trim();
        if (date == null || !time.matches("\\d{4}(\\d{2}\\d{0,2})?")) {
            throw new X12FormatException("GS", gs.number(), "GS04/GS05 '" + gs.element(4) + "' '" + gs.element(5)
                    + "' in segment " + gs.number() + " (GS) are not a date CCYYMMDD and a time HHMM.");
        }
        int hour = Integer.parseInt(time.substring(0, 2));
        int minute = Integer.parseInt(time.substring(2, 4));
        int second = time.length() >= 6 ? Integer.parseInt(time.substring(4, 6)) : 0;
        int nanos = time.length() > 6 ? Integer.parseInt((time.substring(6) + "000000000").substring(0, 9)) : 0;
        if (hour > 23 || minute > 59 || second > 59) {
            throw new X12FormatException("GS", gs.number(), "GS05 '" + time + "' in segment " + gs.number()
                    + " (GS) is not a valid time.");
        }
        return LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
    }

    static UsageIndicator usage(X12Segment isa) {
        return switch (isa.element(15)) {
            case "T" -> UsageIndicator.TEST;
            case "P" -> UsageIndicator.PRODUCTION;
            default -> throw new X12FormatException("ISA", isa.number(), "ISA15 '" + isa.element(15)
                    + "' is neither T (test) nor P (production).");
        };
    }

    static X12Segment require(X12Segment segment, X12Segment near, String what) {
        if (segment == null) {
            throw new X12FormatException(near.tag(), near.number(), "The claim data near segment " + near.number()
                    + " (" + near.tag() + ") lacks " + what + ".");
        }
        return segment;
    }

    /** Turns the records' own validation into a message that names the segment the bad value came from. */
    static <T> T validated(X12Segment where, String what, Supplier<T> record) {
        try {
            return record.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new X12FormatException(where.tag(), where.number(), "The " + what + " read at segment "
                    + where.number() + " (" + where.tag() + ") is not usable: " + e.getMessage() + ".", e);
        }
    }

    static void refuse(X12Segment s, String why) {
        throw refusal(s, why);
    }

    static X12FormatException refusal(X12Segment s, String why) {
        return new X12FormatException(s.tag(), s.number(), "Segment " + s.number() + " (" + s.tag() + ") cannot be "
                + "read into a claim: " + why + ".");
    }


}
