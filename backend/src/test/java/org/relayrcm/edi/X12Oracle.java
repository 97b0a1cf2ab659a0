package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;

import com.imsweb.x12.Loop;
import com.imsweb.x12.reader.X12Reader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The independent check: imsweb's x12-parser reads what our StAEDI writers produce, without reporting errors. */
final class X12Oracle {

    private X12Oracle() {
    }

    /**
     * x12-parser 1.13 maps every HI segment of an 837I loop 2300 to the guide's first HI definition (principal
     * diagnosis, used once) instead of telling them apart by qualifier, so any 837I with a second HI (other
     * diagnoses, ABF) draws this error although the guide allows up to 13 HI segments there. The public X223
     * examples draw it too. It is the only error tolerated, and only for 837I.
     */
    static final String X223_HI_LIMITATION = "HI in loop 2300 appears too many times";

    static List<Loop> parseWithoutErrors(String x12, X12Reader.FileType type) {
        try {
            X12Reader reader = new X12Reader(type, new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)));
            assertThat(reader.getFatalErrors()).as("x12-parser fatal errors").isEmpty();
            List<String> errors = reader.getErrors();
            if (type == X12Reader.FileType.ANSI837_5010_X223) {
                errors = errors.stream().filter(e -> !e.equals(X223_HI_LIMITATION)).toList();
            }
            assertThat(errors).as("x12-parser errors").isEmpty();
            assertThat(reader.getLoops()).as("interchanges").isNotEmpty();
            return reader.getLoops();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
