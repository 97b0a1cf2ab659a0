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

    static List<Loop> parseWithoutErrors(String x12, X12Reader.FileType type) {
        try {
            X12Reader reader = new X12Reader(type, new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)));
            assertThat(reader.getFatalErrors()).as("x12-parser fatal errors").isEmpty();
            assertThat(reader.getErrors()).as("x12-parser errors").isEmpty();
            assertThat(reader.getLoops()).as("interchanges").isNotEmpty();
            return reader.getLoops();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
