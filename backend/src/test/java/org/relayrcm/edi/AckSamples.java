package org.relayrcm.edi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The shared acknowledgement samples and their hand-made expectation tables (CSV on the test classpath). */
final class AckSamples {

    /** Tests run with the backend module as working directory; the data sits beside the repository. */
    static final Path X12 = Path.of("../../shared/data/x12");

    private AckSamples() {
    }

    static List<String[]> rows(String resource) {
        try (InputStream in = AckSamples.class.getResourceAsStream(resource)) {
            Objects.requireNonNull(in, resource + " on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("file,"))
                    .map(line -> line.split(",", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
