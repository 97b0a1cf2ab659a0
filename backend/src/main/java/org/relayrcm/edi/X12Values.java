package org.relayrcm.edi;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Conversions between Java values and X12 data element text (R decimals, DT dates). */
final class X12Values {

    static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private X12Values() {
    }

    /**
     * X12 type R: no trailing zeros and no exponent, so 125.00 is written 125 and 125.50 is 125.5 (both mean the
     * same to a payer and the short form is what the implementation guides show).
     */
    static String decimal(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    static String date(LocalDate date) {
        return date.format(CCYYMMDD);
    }

    /**
     * Makes typed text safe for an element. Characters that would end an element, component, repetition or segment
     * early become spaces (a stray '*' in a name must not shift every following element), and accents are folded to
     * ASCII (MÜLLER becomes MULLER) because the X12 character sets are ASCII and payers' edits reject anything else.
     */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        String ascii = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.replaceAll("[*~:^]|[^\\x20-\\x7E]", " ").trim();
    }

    /** Parses an R value; {@code null} for an empty element. */
    static BigDecimal parseDecimal(X12Segment segment, int position) {
        String raw = segment.element(position);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw new X12FormatException(segment.tag(), segment.number(), String.format(
                    "%s%02d '%s' in segment %d (%s) is not a valid amount or quantity.",
                    segment.tag(), position, raw, segment.number(), segment.tag()));
        }
    }

    /** Parses a required R value. */
    static BigDecimal requireDecimal(X12Segment segment, int position, String meaning) {
        BigDecimal value = parseDecimal(segment, position);
        if (value == null) {
            throw new X12FormatException(segment.tag(), segment.number(), String.format(
                    "%s%02d (%s) is missing in segment %d (%s).",
                    segment.tag(), position, meaning, segment.number(), segment.tag()));
        }
        return value;
    }

    /** Parses a CCYYMMDD date; {@code null} for an empty element. */
    static LocalDate parseDate(X12Segment segment, int position) {
        String raw = segment.element(position);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim(), CCYYMMDD);
        } catch (DateTimeParseException e) {
            throw new X12FormatException(segment.tag(), segment.number(), String.format(
                    "%s%02d '%s' in segment %d (%s) is not a date in the form CCYYMMDD.",
                    segment.tag(), position, raw, segment.number(), segment.tag()));
        }
    }

    /**
     * Refuses a transaction written to another version or guide (ST03, else GS08): a 4010 file's segments mean other
     * things, and reading it as 5010 would post or apply the wrong values.
     */
    static void requireGuide(X12Segment st, String version, String guidePrefix, String what) {
        if (version != null && !version.isBlank() && !version.trim().startsWith(guidePrefix)) {
            throw new X12FormatException("ST", st.number(), "The " + what + " transaction at segment " + st.number()
                    + " follows " + version.trim() + "; only version " + guidePrefix + " (X12 5010) can be read. Ask "
                    + "the sender for a 5010 file.");
        }
    }

    /** What a transaction set is, in words, for messages about a file that is not the expected kind. */
    static String describeTransaction(String type) {
        return switch (type) {
            case "835" -> " (a remittance advice)";
            case "837" -> " (a claim)";
            case "999" -> " (an acknowledgment)";
            case "277" -> " (a claim status)";
            case "270", "271" -> " (an eligibility inquiry/response)";
            default -> "";
        };
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
