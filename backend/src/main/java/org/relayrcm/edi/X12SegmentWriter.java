package org.relayrcm.edi;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.EDIValidationException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Thin layer over StAEDI's {@link EDIStreamWriter}: writes a segment from a list of values, counts the segments of
 * the current transaction for SE01, and writes the ISA/GS/GE/IEA envelope the same way for every transaction type.
 * An element value is a {@code String} (simple element), {@code null} (empty element) or a {@code List<String>}
 * (composite); trailing empty elements and components are dropped because X12 forbids them.
 */
final class X12SegmentWriter implements AutoCloseable {

    static final char SEGMENT_TERMINATOR = '~';
    static final char ELEMENT_SEPARATOR = '*';
    static final String COMPONENT_SEPARATOR = ":";
    static final String REPETITION_SEPARATOR = "^";

    private final EDIStreamWriter writer;
    private int transactionSegments;
    private int transactionsInGroup;

    X12SegmentWriter(OutputStream out, boolean segmentPerLine) {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIStreamConstants.Delimiters.SEGMENT, SEGMENT_TERMINATOR);
        factory.setProperty(EDIStreamConstants.Delimiters.DATA_ELEMENT, ELEMENT_SEPARATOR);
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, segmentPerLine);
        this.writer = factory.createEDIStreamWriter(out);
        // StAEDI then checks the envelope as we write it (ISA element sizes, control numbers matching).
        writer.setControlSchema(ControlSchema.X12_00501);
    }

    /** Parsed once: loading the schema XML on every claim would cost more than writing the claim. */
    private static final class ControlSchema {
        static final Schema X12_00501 = load();

        private static Schema load() {
            try {
                return SchemaFactory.newFactory()
                        .getControlSchema(EDIStreamConstants.Standards.X12, new String[] {"00501"});
            } catch (EDISchemaException e) {
                throw new IllegalStateException("StAEDI's X12 00501 control schema is missing from the classpath", e);
            }
        }
    }

    void startInterchange(InterchangeEnvelope envelope, String functionalIdentifier, String version) {
        try {
            writer.startInterchange();
        } catch (EDIStreamException e) {
            throw failure(e);
        }
        segment("ISA",
                "00", " ".repeat(10), "00", " ".repeat(10),
                envelope.senderQualifier(), padRight(envelope.senderId(), 15),
                envelope.receiverQualifier(), padRight(envelope.receiverId(), 15),
                envelope.createdAt().format(X12Values.YYMMDD), envelope.createdAt().format(X12Values.HHMM),
                REPETITION_SEPARATOR, "00501", String.format("%09d", envelope.interchangeControlNumber()),
                "0", envelope.usage().code(), COMPONENT_SEPARATOR);
        segment("GS", functionalIdentifier, envelope.senderId(), envelope.receiverId(),
                X12Values.date(envelope.createdAt().toLocalDate()), envelope.createdAt().format(X12Values.HHMM),
                Long.toString(envelope.groupControlNumber()), "X", version);
        transactionsInGroup = 0;
    }

    /** Writes ST and starts counting; the returned control number goes into SE02. */
    String startTransaction(String type, long controlNumber, String implementationReference) {
        String st02 = String.format("%04d", controlNumber);
        transactionSegments = 0;
        segment("ST", type, st02, implementationReference);
        return st02;
    }

    void endTransaction(String st02) {
        // SE counts every segment from ST to SE inclusive.
        segment("SE", Integer.toString(transactionSegments + 1), st02);
        transactionsInGroup++;
    }

    void endInterchange(InterchangeEnvelope envelope) {
        segment("GE", Integer.toString(transactionsInGroup), Long.toString(envelope.groupControlNumber()));
        segment("IEA", "1", String.format("%09d", envelope.interchangeControlNumber()));
        try {
            writer.endInterchange();
        } catch (EDIStreamException e) {
            throw failure(e);
        }
    }

    void segment(String tag, Object... elements) {
        List<Object> values = new ArrayList<>(Arrays.asList(elements));
        while (!values.isEmpty() && isEmpty(values.get(values.size() - 1))) {
            values.remove(values.size() - 1);
        }
        try {
            writer.writeStartSegment(tag);
            for (Object value : values) {
                if (value instanceof List<?> composite) {
                    writeComposite(composite);
                } else if (isEmpty(value)) {
                    writer.writeEmptyElement();
                } else {
                    writer.writeElement(tag.equals("ISA") ? (String) value : X12Values.text((String) value));
                }
            }
            writer.writeEndSegment();
        } catch (EDIStreamException | EDIValidationException e) {
            throw failure(e);
        }
        transactionSegments++;
    }

    private void writeComposite(List<?> composite) throws EDIStreamException {
        List<Object> components = new ArrayList<>(composite);
        while (!components.isEmpty() && isEmpty(components.get(components.size() - 1))) {
            components.remove(components.size() - 1);
        }
        writer.writeStartElement();
        for (Object component : components) {
            if (isEmpty(component)) {
                writer.writeEmptyComponent();
            } else {
                writer.writeComponent(X12Values.text((String) component));
            }
        }
        writer.endElement();
    }

    private static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(X12SegmentWriter::isEmpty);
        }
        return value.toString().isEmpty();
    }

    private static String padRight(String value, int width) {
        return String.format("%-" + width + "s", value);
    }

    private static RuntimeException failure(Exception e) {
        if (e.getCause() instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        // Only reachable through a bug in a writer (the model is validated), so no clerk-facing wording here.
        return new IllegalStateException("X12 writer produced an invalid interchange: " + e.getMessage(), e);
    }

    /** Flushes but leaves the caller's stream open: the caller opened it, the caller closes it. */
    @Override
    public void close() {
        try {
            writer.flush();
        } catch (EDIStreamException e) {
            throw failure(e);
        }
    }
}
