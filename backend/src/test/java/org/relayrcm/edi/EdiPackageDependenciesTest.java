package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The edi package stays plain Java plus StAEDI so any feature can use it and it can be tested on its own. */
class EdiPackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/relayrcm/edi");

    @Test
    void importsOnlyTheJdkStaediAndItself() throws IOException {
        assumeTrue(Files.isDirectory(SOURCES), "run with the backend module as working directory");
        List<String> imports;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            imports = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(EdiPackageDependenciesTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .toList();
        }
        assertThat(imports).isNotEmpty().allMatch(line -> line.matches(
                "import (static )?(java\\.|io\\.xlate\\.edi\\.|org\\.relayrcm\\.edi\\.).*"));
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
