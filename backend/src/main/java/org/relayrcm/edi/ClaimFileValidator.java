package org.relayrcm.edi;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks an 837 claim file the way a payer's front end does before it answers with a 999: the envelope (control
 * numbers and the SE01/GE01/IEA01 counts) and the implementation guide named in GS08 (loops, segment order and
 * repeats, required elements, code values), using the StAEDI implementation schemas under {@code x12/} on the
 * classpath. Accepted guides: 005010X222A1 and X222A2 (837P), 005010X223A2 and X223A3 (837I); any other GS08 is
 * reported as a version the payer does not support, as a payer would, and the group's transactions are then only
 * checked for their envelope.
 *
 * <p>It returns every problem it finds rather than stopping at the first (a clerk fixes them in one go), in file
 * order. It holds no state between calls and is safe to share between threads; the schemas are parsed once.
 */
public final class ClaimFileValidator {

    /** GS08 values this validator (and our readers) accept, with the schema that checks them. */
    private static final Map<String, String> SCHEMAS = Map.of(
            "005010X222A1", "/x12/837P-005010X222A1.xml",
            "005010X222A2", "/x12/837P-005010X222A1.xml",
            "005010X223A2", "/x12/837I-005010X223A2.xml",
            "005010X223A3", "/x12/837I-005010X223A2.xml");

    /**
     * Validates a whole file.
     *
     * @return the problems in file order; empty when a payer's front end would accept the file
     */
    public List<X12Error> validate(byte[] file) {
        Objects.requireNonNull(file, "file");
        int start = leadingNoise(file);
        if (start == file.length) {
            return List.of(new X12Error(null, null, 0, 0, null, 0, 0, "TA105:024", "The file is empty."));
        }
        if (!new String(file, start, Math.min(3, file.length - start), java.nio.charset.StandardCharsets.ISO_8859_1)
                .equals("ISA")) {
            return List.of(new X12Error(null, null, 0, 0, null, 0, 0, "TA105:024",
                    "The file does not start with an ISA interchange header, so it is not a claim file a payer "
                            + "can read."));
        }
        Run run = new Run();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        try (EDIStreamReader reader = factory.createEDIStreamReader(
                new ByteArrayInputStream(file, start, file.length - start), "UTF-8")) {
            run.read(reader);
        } catch (EDIStreamException e) {
            run.syntaxError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(run.errors);
    }

    /** One pass over one file. */
    private static final class Run {

        final List<X12Error> errors = new ArrayList<>();
        private final Deque<String> loops = new ArrayDeque<>();
        private EDIStreamReader reader;
        private String tag;
        private int segmentInFile;
        private int stPosition;
        private boolean inTransaction;
        private String gs08 = "";
        private boolean guideSupported;
        private String st02;
        private final Set<String> hlIds = new HashSet<>();
        private String hl01;
        private String hl03;
        /** Position of the HL whose claim (loop 2300) has not been seen yet, 0 when none is owed. */
        private int claimOwedBy;

        void read(EDIStreamReader r) throws EDIStreamException {
            this.reader = r;
            while (r.hasNext()) {
                EDIStreamEvent event = r.next();
                switch (event) {
                    case START_TRANSACTION -> startTransaction();
                    case END_TRANSACTION -> {
                        inTransaction = false;
                        claimOwedBy = 0;
                        st02 = null;
                    }
                    case START_LOOP -> loops.push(r.getReferenceCode() == null ? "" : r.getReferenceCode());
                    case END_LOOP -> {
                        if (!loops.isEmpty()) {
                            loops.pop();
                        }
                    }
                    case START_SEGMENT -> {
                        tag = r.getText();
                        segmentInFile = r.getLocation().getSegmentPosition();
                        if ("ST".equals(tag)) {
                            stPosition = segmentInFile;
                        } else if ("HL".equals(tag) || "SE".equals(tag)) {
                            requireOwedClaim();
                        } else if ("CLM".equals(tag)) {
                            claimOwedBy = 0;
                        }
                    }
                    case ELEMENT_DATA -> element(r.getLocation(), r.getText());
                    case END_SEGMENT -> endSegment();
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> validationError(event);
                    default -> {
                        // composites, groups and interchanges need nothing beyond their segments
                    }
                }
            }
        }

        private void startTransaction() {
            inTransaction = true;
            hlIds.clear();
            String resource = SCHEMAS.get(gs08);
            if (resource != null) {
                reader.setTransactionSchema(Schemas.get(resource));
            }
        }

        private void element(Location location, String text) {
            int position = location.getElementPosition();
            int component = location.getComponentPosition();
            if (component > 1 || location.getElementOccurrence() > 1) {
                return;
            }
            switch (tag) {
                case "GS" -> {
                    if (position == 8) {
                        gs08 = text.trim();
                    }
                }
                case "ST" -> {
                    if (position == 2) {
                        st02 = text;
                    } else if (position == 3 && !text.equals(gs08)) {
                        add(tag, transactionPosition(), 3, 0, "IK502:I6", "ST03 '" + text + "' differs from the "
                                + "guide '" + gs08 + "' named in GS08; a payer checks the transaction against GS08, "
                                + "so the two must be the same.");
                    }
                }
                case "HL" -> hierarchy(position, text);
                default -> {
                    // the schemas check everything else
                }
            }
        }

        /** HL01 must be unique in the transaction and HL02 must name an earlier HL01 (the guide's parent rule). */
        private void hierarchy(int position, String text) {
            if (!guideSupported) {
                return;
            }
            if (position == 3) {
                hl03 = text;
            } else if (position == 4 && ("23".equals(hl03) || "22".equals(hl03) && "0".equals(text))) {
                // the level that names the patient (the subscriber with HL04 = 0, or a patient level) owns claims
                claimOwedBy = transactionPosition();
            }
            if (position == 1) {
                hl01 = text;
                if (!hlIds.add(text)) {
                    add("HL", transactionPosition(), 1, 0, "IK403:I12", "HL01 '" + text + "' is used by an earlier "
                            + "HL in this transaction; each hierarchical level needs its own number.");
                }
            } else if (position == 2 && !text.isEmpty() && (!hlIds.contains(text) || text.equals(hl01))) {
                add("HL", transactionPosition(), 2, 0, "IK403:I12", "HL02 '" + text + "' does not name an earlier "
                        + "hierarchical level (HL01) of this transaction.");
            }
        }

        /** The guide's 2300 is required under the patient's level; the schema cannot tell which level that is. */
        private void requireOwedClaim() {
            if (claimOwedBy > 0) {
                errors.add(new X12Error(st02, "CLM", claimOwedBy, stPosition + claimOwedBy - 1, "2300", 0, 0,
                        "IK304:I7", "The hierarchical "
                        + "level at segment " + claimOwedBy + " names the patient but has no claim (loop 2300, CLM)."));
                claimOwedBy = 0;
            }
        }

        private void endSegment() {
            if ("GS".equals(tag)) {
                guideSupported = SCHEMAS.containsKey(gs08);
                if (!guideSupported) {
                    add("GS", segmentInFile, 8, 0, "AK905:2", "GS08 '" + gs08 + "' is not a claim guide we send or "
                            + "payers accept here: 837P needs 005010X222A1 (or A2), 837I 005010X223A2 (or A3). "
                            + (gs08.equals("005010X222") || gs08.equals("005010X223")
                                    ? "The base 5010 guide without its errata (A1/A2) is no longer accepted. " : "")
                            + "The group's transactions were checked for their envelope only.");
                }
            }
            tag = null;
        }

        private void validationError(EDIStreamEvent event) {
            EDIStreamValidationError error = reader.getErrorType();
            Location location = reader.getLocation();
            String segment = event == EDIStreamEvent.SEGMENT_ERROR && reader.hasText() ? reader.getText()
                    : location.getSegmentTag();
            String missingLoop = null;
            if (error == EDIStreamValidationError.IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES
                    || error == EDIStreamValidationError.MANDATORY_SEGMENT_MISSING && segment != null
                            && segment.startsWith("L")) {
                // StAEDI names the standard loop (L2010); the guide's loop (2010AA) is its reference code
                missingLoop = reader.getReferenceCode();
                segment = X12ErrorCodes.firstSegmentOf(segment);
            }
            if (segment == null) {
                segment = tag;
            }
            int elementPosition = event == EDIStreamEvent.SEGMENT_ERROR ? 0
                    : Math.max(0, location.getElementPosition());
            int component = event == EDIStreamEvent.SEGMENT_ERROR ? 0 : Math.max(0, location.getComponentPosition());
            String value = event != EDIStreamEvent.SEGMENT_ERROR && reader.hasText() ? reader.getText() : null;
            if (error == EDIStreamValidationError.SEGMENT_HAS_DATA_ELEMENT_ERRORS) {
                return; // the element errors that follow say which
            }
            boolean envelope = isEnvelope(segment);
            int position = envelope && !"SE".equals(segment) ? location.getSegmentPosition() : transactionPosition();
            String code = X12ErrorCodes.code(segment, event, error);
            String message = missingLoop != null
                    ? "The required loop " + missingLoop + " (starting with " + segment + ") is missing"
                            + (loop() == null ? "" : " in loop " + loop()) + "."
                    : X12ErrorCodes.describe(segment, elementPosition, component, error, value, loop());
            errors.add(new X12Error(st02, segment, position, location.getSegmentPosition(),
                    missingLoop != null ? missingLoop : loop(),
                    elementPosition, component, code, message));
        }

        private int transactionPosition() {
            if (!inTransaction && !"SE".equals(tag)) {
                return reader.getLocation().getSegmentPosition();
            }
            return reader.getLocation().getSegmentPosition() - stPosition + 1;
        }

        private String loop() {
            for (String code : loops) {
                if (!code.isEmpty() && Character.isDigit(code.charAt(0))) {
                    return code;
                }
            }
            return null;
        }

        private void add(String segment, int position, int element, int component, String code, String message) {
            errors.add(new X12Error(inTransaction || "SE".equals(segment) ? st02 : null, segment, position,
                    reader.getLocation().getSegmentPosition(), isEnvelope(segment) ? null : loop(), element, component,
                    code, message));
        }

        void syntaxError(EDIStreamException e) {
            Location location = e.getLocation();
            String segment = location != null && location.getSegmentTag() != null ? location.getSegmentTag() : tag;
            int position = location == null ? 0 : location.getSegmentPosition();
            String detail = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^EDIE\\d+ - ", "");
            String message = detail.contains("Unexpected end of stream")
                    ? "The file ends before its IEA trailer: it looks truncated."
                    : "The file is not readable X12 at segment " + position + ": " + detail;
            errors.add(new X12Error(st02, segment, position, position, null, 0, 0, "TA105:024", message));
        }

        private static boolean isEnvelope(String segment) {
            return "ISA".equals(segment) || "GS".equals(segment) || "GE".equals(segment) || "IEA".equals(segment);
        }
    }

    /** BOM and blank lines before the ISA are common in files saved by hand; a payer's translator skips them. */
    private static int leadingNoise(byte[] file) {
        int i = 0;
        if (file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < file.length && Character.isWhitespace(file[i])) {
            i++;
        }
        return i;
    }

    /** Parsing a guide schema takes far longer than validating one claim, so each is parsed once per JVM. */
    private static final class Schemas {
        private static final Map<String, Schema> LOADED = load();

        static Schema get(String resource) {
            return LOADED.get(resource);
        }

        private static Map<String, Schema> load() {
            Map<String, Schema> schemas = new java.util.HashMap<>();
            for (String resource : new HashSet<>(SCHEMAS.values())) {
                URL url = ClaimFileValidator.class.getResource(resource);
                if (url == null) {
                    throw new IllegalStateException("implementation schema " + resource + " is missing from the "
                            + "classpath");
                }
                try {
                    schemas.put(resource, SchemaFactory.newFactory().createSchema(url));
                } catch (EDISchemaException e) {
                    throw new IllegalStateException("implementation schema " + resource + " is invalid: "
                            + e.getMessage(), e);
                }
            }
            return Map.copyOf(schemas);
        }
    }
}
