package org.relayrcm.edi;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns StAEDI's event stream into whole segments, one at a time, so transaction readers can work segment by segment
 * without holding the file in memory. It owns the real-world clean-up that is the same for every transaction type:
 * a UTF-8 byte order mark, blank lines or indentation between segments, any delimiters the ISA declares, and a bare
 * ST..SE without envelope (wrapped in a synthetic ISA/GS so StAEDI can read it). StAEDI checks the envelope (control
 * numbers and counts); no transaction schema is used, because StAEDI ships none for 835 and a strict one would
 * refuse files payers really send.
 */
final class X12SegmentReader implements AutoCloseable {

    private static final int LOOK_AHEAD = 4096;

    private final EDIStreamReader reader;
    private final boolean syntheticEnvelope;
    /** Segments StAEDI counts that are not in the file (the synthetic ISA and GS). */
    private final int positionOffset;
    private boolean inInterchange;
    private String currentTag;
    /** For messages that say what the count should have been. */
    private int transactionStart;
    private int transactionsInGroup;
    private int groupsInInterchange;
    private String lastTag;
    private int lastNumber;

    private X12SegmentReader(EDIStreamReader reader, boolean syntheticEnvelope) {
        this.reader = reader;
        this.syntheticEnvelope = syntheticEnvelope;
        this.positionOffset = syntheticEnvelope ? 2 : 0;
    }

    /**
     * Opens {@code input} for reading.
     *
     * @param functionalIdentifier GS01 to use when the file has no envelope (HP for 835)
     * @param version              GS08 to use when the file has no envelope
     * @param warnings             receives a warning when the envelope had to be made up
     */
    static X12SegmentReader open(InputStream input, String functionalIdentifier, String version,
            Consumer<String> warnings) {
        try {
            BufferedInputStream in = new BufferedInputStream(input, LOOK_AHEAD);
            in.mark(LOOK_AHEAD);
            byte[] head = in.readNBytes(LOOK_AHEAD);
            in.reset();
            int skip = leadingNoise(head);
            in.skipNBytes(skip);
            String start = new String(head, skip, head.length - skip, StandardCharsets.ISO_8859_1);

            EDIInputFactory factory = EDIInputFactory.newFactory();
            factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
            if (start.isEmpty()) {
                throw new X12FormatException(null, 0, "The file is empty.");
            }
            if (start.startsWith("ISA")) {
                return new X12SegmentReader(factory.createEDIStreamReader(in, "UTF-8"), false);
            }
            if (start.length() > 3 && start.startsWith("ST") && isDelimiterCandidate(start.charAt(2))) {
                warnings.accept("The file has no ISA/GS envelope (it starts with ST); it was read as a bare "
                        + "transaction, so sender and control numbers are unknown.");
                InputStream wrapped = wrapInEnvelope(in, start, functionalIdentifier, version);
                return new X12SegmentReader(factory.createEDIStreamReader(wrapped, "UTF-8"), true);
            }
            throw new X12FormatException(null, 0, "This is not an X12 file: it must start with an ISA segment, but it "
                    + "starts with '" + preview(start) + "'" + looksLike(start)
                    + ". Check that the payer's X12 file itself was uploaded.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EDIStreamException e) {
            throw new IllegalStateException("StAEDI does not support UTF-8", e);
        }
    }

    /** The next segment, or {@code null} at the end of the file. */
    X12Segment next() {
        String tag = null;
        int number = 0;
        List<List<String>> elements = null;
        try {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                Location location = reader.getLocation();
                switch (event) {
                    case START_INTERCHANGE -> inInterchange = true;
                    case END_INTERCHANGE -> inInterchange = false;
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        currentTag = tag;
                        number = location.getSegmentPosition() - positionOffset;
                        elements = new ArrayList<>();
                        count(tag, number);
                    }
                    case START_COMPOSITE -> slot(elements, location.getElementPosition());
                    case ELEMENT_DATA -> {
                        // Repeated elements (ISA11 repetition) are rare in 835; keep the first occurrence only.
                        if (location.getElementOccurrence() <= 1) {
                            put(elements, location, reader.getText());
                        }
                    }
                    case END_SEGMENT -> {
                        currentTag = null;
                        lastTag = tag;
                        lastNumber = number;
                        if (!(syntheticEnvelope && isEnvelopeTag(tag))) {
                            return new X12Segment(tag, number, Collections.unmodifiableList(elements));
                        }
                        // the made-up ISA/GS/GE/IEA are not in the file; callers must not mistake them for data
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> validationError(location);
                    default -> {
                        // groups, transactions and loops are visible to the caller through ST/SE etc.
                    }
                }
            }
        } catch (EDIStreamException e) {
            throw translate(e);
        }
        if (inInterchange || currentTag != null) {
            throw new X12FormatException(currentTag, 0, "The file ends before the IEA interchange trailer: it "
                    + "looks truncated. Ask the sender for the complete file.");
        }
        return null;
    }

    private void count(String tag, int number) {
        switch (tag) {
            case "ISA" -> groupsInInterchange = 0;
            case "GS" -> {
                groupsInInterchange++;
                transactionsInGroup = 0;
            }
            case "ST" -> {
                transactionsInGroup++;
                transactionStart = number;
            }
            default -> {
                // other segments are counted by position
            }
        }
    }

    private static boolean isEnvelopeTag(String tag) {
        return "ISA".equals(tag) || "GS".equals(tag) || "GE".equals(tag) || "IEA".equals(tag);
    }

    private static List<String> slot(List<List<String>> elements, int position) {
        while (elements.size() < position) {
            elements.add(new ArrayList<>());
        }
        return elements.get(position - 1);
    }

    private static void put(List<List<String>> elements, Location location, String text) {
        List<String> components = slot(elements, location.getElementPosition());
        int component = location.getComponentPosition();
        if (component <= 0) {
            components.clear();
            components.add(text);
            return;
        }
        while (components.size() < component) {
            components.add("");
        }
        components.set(component - 1, text);
    }

    private void validationError(Location location) {
        String tag = location.getSegmentTag();
        if (syntheticEnvelope && ("GE".equals(tag) || "IEA".equals(tag))) {
            return; // our own made-up trailers cannot know the counts; the ST/SE count is still checked
        }
        EDIStreamValidationError error = reader.getErrorType();
        int number = location.getSegmentPosition() - positionOffset;
        String element = location.getElementPosition() > 0
                ? String.format("%s%02d", tag, location.getElementPosition()) : tag;
        String value = reader.hasText() ? reader.getText() : "";
        String what = switch (error) {
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> element + " says " + value + " but there "
                    + actualCount(tag, number);
            case CONTROL_REFERENCE_MISMATCH -> element + " control number '" + value
                    + "' does not match the one in its header segment";
            case UNEXPECTED_SEGMENT, SEGMENT_NOT_IN_PROPER_SEQUENCE -> "segment " + tag + " is not allowed here";
            case MANDATORY_SEGMENT_MISSING -> "a required envelope segment is missing before " + tag;
            default -> element + " is invalid (" + error.name().toLowerCase().replace('_', ' ')
                    + (value.isEmpty() ? "" : ": '" + value + "'") + ")";
        };
        throw new X12FormatException(tag, number, "Envelope error in segment " + number + " (" + tag + "): " + what
                + ". The sender must correct and resend the file.");
    }

    private String actualCount(String tag, int number) {
        return switch (tag == null ? "" : tag) {
            case "SE" -> "are " + (number - transactionStart + 1) + " segments from ST to SE";
            case "GE" -> "are " + transactionsInGroup + " transactions in the group";
            case "IEA" -> "are " + groupsInInterchange + " groups in the interchange";
            default -> "is a different count";
        };
    }

    private X12FormatException translate(EDIStreamException e) {
        Location location = e.getLocation();
        String tag = location != null ? location.getSegmentTag() : currentTag;
        int number = location != null ? Math.max(0, location.getSegmentPosition() - positionOffset) : 0;
        String detail = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^EDIE\\d+ - ", "");
        if (lastTag == null) {
            // StAEDI reads the ISA as fixed-width fields; any failure before it is complete means a broken header.
            return new X12FormatException("ISA", 1, "The ISA interchange header is incomplete or malformed: it must be "
                    + "106 characters with fixed-width fields (for example ISA06 padded to 15 characters). "
                    + "Ask the sender for a corrected file.", e);
        }
        if (detail.contains("Unexpected end of stream") && number <= lastNumber) {
            return new X12FormatException(lastTag, lastNumber, "The file stops after segment " + lastNumber + " ("
                    + lastTag + ") without its trailer segments: it looks truncated. Ask the sender for the complete "
                    + "file.", e);
        }
        if (detail.contains("Unexpected end of stream")) {
            return new X12FormatException(tag, number, "The file ends in the middle of segment " + number
                    + (tag != null ? " (" + tag + ")" : "") + ": it looks truncated. Ask the sender for the complete "
                    + "file.", e);
        }
        return new X12FormatException(tag, number, "The file is not valid X12 at segment " + number
                + (tag != null ? " (" + tag + ")" : "") + ": " + detail, e);
    }

    private static int leadingNoise(byte[] head) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i;
    }

    private static boolean isDelimiterCandidate(char c) {
        return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
    }

    /** Builds ISA/GS around a bare transaction, using the delimiters its ST segment shows. */
    private static InputStream wrapInEnvelope(InputStream body, String start, String functionalIdentifier,
            String version) {
        char element = start.charAt(2);
        char terminator = 0;
        for (int i = 3; i < start.length(); i++) {
            char c = start.charAt(i);
            if (c != element && !Character.isLetterOrDigit(c) && c != ' ') {
                terminator = c;
                break;
            }
        }
        if (terminator == 0) {
            throw new X12FormatException("ST", 1, "The ST segment at the start of the file has no segment terminator.");
        }
        char component = pick(':', '>', element, terminator);
        char repetition = pick('^', '!', element, terminator, component);
        String e = String.valueOf(element);
        String t = String.valueOf(terminator);
        String header = String.join(e, "ISA", "00", " ".repeat(10), "00", " ".repeat(10), "ZZ", "UNKNOWN        ",
                "ZZ", "UNKNOWN        ", "000101", "0000", String.valueOf(repetition), "00501", "000000001", "0", "P",
                String.valueOf(component)) + t
                + String.join(e, "GS", functionalIdentifier, "UNKNOWN", "UNKNOWN", "20000101", "0000", "1", "X",
                version) + t;
        String trailer = String.join(e, "GE", "1", "1") + t + String.join(e, "IEA", "1", "000000001") + t;
        return new SequenceInputStream(new ByteArrayInputStream(header.getBytes(StandardCharsets.ISO_8859_1)),
                new SequenceInputStream(body, new ByteArrayInputStream(trailer.getBytes(StandardCharsets.ISO_8859_1))));
    }

    private static char pick(char preferred, char fallback, char... taken) {
        for (char c : taken) {
            if (c == preferred) {
                return fallback;
            }
        }
        return preferred;
    }

    private static String preview(String start) {
        String firstLine = start.length() > 24 ? start.substring(0, 24) : start;
        return firstLine.replaceAll("[\\p{Cntrl}]", " ").trim();
    }

    private static String looksLike(String start) {
        char first = start.charAt(0);
        if (first == '{' || first == '[') {
            return " (it looks like JSON)";
        }
        if (first == '<') {
            return " (it looks like XML or HTML)";
        }
        if (start.startsWith("UNA") || start.startsWith("UNB")) {
            return " (it looks like EDIFACT)";
        }
        return "";
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
