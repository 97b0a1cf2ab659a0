package org.relayrcm.edi;

import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * StAEDI's validation errors in the words and codes of a 999 (IK304 segment errors, IK403 element errors, IK502
 * transaction errors, AK905 group errors) or a TA1 (TA105 interchange errors), so our pre-send check and a payer's
 * answer read the same.
 */
final class X12ErrorCodes {

    private X12ErrorCodes() {
    }

    /** The segment that starts a standard 837 loop, for naming a missing loop as a 999 does (IK301). */
    static String firstSegmentOf(String standardLoop) {
        return switch (standardLoop) {
            case "L2000" -> "HL";
            case "L2300" -> "CLM";
            case "L2305" -> "CR7";
            case "L2320" -> "SBR";
            case "L2400" -> "LX";
            case "L2410" -> "LIN";
            case "L2430" -> "SVD";
            case "L2440" -> "LQ";
            default -> "NM1";
        };
    }

    static String code(String segment, EDIStreamEvent event, EDIStreamValidationError error) {
        if (error == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT
                || error == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
            boolean count = error == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT;
            return switch (segment == null ? "" : segment) {
                case "SE" -> count ? "IK502:4" : "IK502:3";
                case "GE" -> count ? "AK905:5" : "AK905:4";
                default -> count ? "TA105:021" : "TA105:001";
            };
        }
        if (event == EDIStreamEvent.SEGMENT_ERROR) {
            return "IK304:" + switch (error) {
                case UNRECOGNIZED_SEGMENT_ID -> "1";
                case UNEXPECTED_SEGMENT -> "2";
                case MANDATORY_SEGMENT_MISSING -> "3";
                case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "4";
                case SEGMENT_EXCEEDS_MAXIMUM_USE -> "5";
                case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> "6";
                case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "7";
                case IMPLEMENTATION_UNUSED_SEGMENT_PRESENT -> "I4";
                case IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING -> "I6";
                case IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES -> "I7";
                case IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE -> "I8";
                case IMPLEMENTATION_DEPENDENT_UNUSED_SEGMENT_PRESENT -> "I9";
                default -> "8";
            };
        }
        return "IK403:" + switch (error) {
            case REQUIRED_DATA_ELEMENT_MISSING -> "1";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "2";
            case TOO_MANY_DATA_ELEMENTS -> "3";
            case DATA_ELEMENT_TOO_SHORT -> "4";
            case DATA_ELEMENT_TOO_LONG -> "5";
            case INVALID_CHARACTER_DATA -> "6";
            case INVALID_CODE_VALUE -> "7";
            case INVALID_DATE -> "8";
            case INVALID_TIME -> "9";
            case EXCLUSION_CONDITION_VIOLATED -> "10";
            case TOO_MANY_REPETITIONS -> "12";
            case TOO_MANY_COMPONENTS -> "13";
            case IMPLEMENTATION_INVALID_CODE_VALUE -> "I6";
            case IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING -> "I9";
            case IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT -> "I10";
            case IMPLEMENTATION_TOO_FEW_REPETITIONS -> "I11";
            case IMPLEMENTATION_PATTERN_MATCH_FAILURE -> "I12";
            case IMPLEMENTATION_DEPENDENT_UNUSED_DATA_ELEMENT_PRESENT -> "I13";
            default -> "8";
        };
    }

    /**
     * What went wrong, in words. Values are quoted only for code and count errors: a too-long or badly formed element
     * may be a patient's name or member id, which must not end up in a message that is logged or shown broadly.
     */
    static String describe(String segment, int element, int component, EDIStreamValidationError error, String value,
            String loop) {
        String where = element <= 0 ? segment
                : String.format("%s%02d", segment, element) + (component > 0 ? "-" + component : "");
        String inLoop = loop == null ? "" : " in loop " + loop;
        return switch (error) {
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> where + " says " + quoted(value) + " but the count of "
                    + switch (segment == null ? "" : segment) {
                        case "SE" -> "segments from ST to SE";
                        case "GE" -> "transactions in the group";
                        default -> "groups in the interchange";
                    } + " differs; the sender must recount before the file goes out.";
            case CONTROL_REFERENCE_MISMATCH -> where + " control number " + quoted(value)
                    + " does not match the one in its header segment.";
            case UNRECOGNIZED_SEGMENT_ID, SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> "Segment " + segment
                    + " does not belong in an 837.";
            case UNEXPECTED_SEGMENT, SEGMENT_NOT_IN_PROPER_SEQUENCE -> "Segment " + segment + inLoop
                    + " is out of order or not allowed at this point of the claim.";
            case MANDATORY_SEGMENT_MISSING, IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE -> "A required " + segment
                    + " segment is missing" + inLoop + ".";
            case IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES -> "A required loop starting with " + segment
                    + " is missing" + inLoop + ".";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "The loop starting with " + segment + " repeats more often than "
                    + "the guide allows" + inLoop + ".";
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> "Segment " + segment + inLoop + " repeats more often than the guide "
                    + "allows.";
            case IMPLEMENTATION_UNUSED_SEGMENT_PRESENT -> "Segment " + segment + inLoop + " is not used by the guide "
                    + "here, or its qualifier (first element) is not one the guide allows at this point.";
            case REQUIRED_DATA_ELEMENT_MISSING, IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING -> where + inLoop
                    + " is required but empty.";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> where + inLoop + " is required by another element of "
                    + "the segment but empty.";
            case TOO_MANY_DATA_ELEMENTS, TOO_MANY_COMPONENTS -> segment + inLoop + " has more elements or components "
                    + "than the guide defines (" + where + ").";
            case DATA_ELEMENT_TOO_SHORT -> where + inLoop + " is shorter than the guide's minimum length.";
            case DATA_ELEMENT_TOO_LONG -> where + inLoop + " is longer than the guide's maximum length.";
            case INVALID_CHARACTER_DATA -> where + inLoop + " holds characters its data type does not allow "
                    + "(a number or date with letters, say).";
            case INVALID_CODE_VALUE, IMPLEMENTATION_INVALID_CODE_VALUE -> where + inLoop + " code " + quoted(value)
                    + " is not one the guide allows here.";
            case INVALID_DATE -> where + inLoop + " is not a valid date (CCYYMMDD).";
            case INVALID_TIME -> where + inLoop + " is not a valid time (HHMM).";
            case IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT -> where + inLoop + " is marked not used in the guide "
                    + "but has a value.";
            case TOO_MANY_REPETITIONS, IMPLEMENTATION_TOO_FEW_REPETITIONS -> where + inLoop + " repeats a wrong "
                    + "number of times.";
            default -> where + inLoop + ": " + error.name().toLowerCase().replace('_', ' ') + ".";
        };
    }

    private static String quoted(String value) {
        return value == null ? "''" : "'" + value + "'";
    }
}
