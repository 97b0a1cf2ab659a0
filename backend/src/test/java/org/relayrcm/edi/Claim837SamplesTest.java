package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public 837P and 837I sample in the shared reference data, held to the committed table
 * {@code x12/837-expected-outcomes.tsv}: what the guide validator says about it (outcome, number of errors, first
 * error, envelope count errors) and what our reader does with it.
 */
class Claim837SamplesTest {

    /** Tests run with the backend module as working directory; the data sits beside the repository. */
    static final Path X12 = Path.of("../../shared/data/x12");

    private static final String TABLE = "/x12/837-expected-outcomes.tsv";

    record Row(String file, String outcome, int errors, String firstError, String envelopeErrors, String reader) {

        @Override
        public String toString() {
            return file;
        }
    }

    static List<Row> rows() {
        try (InputStream in = Claim837SamplesTest.class.getResourceAsStream(TABLE)) {
            Objects.requireNonNull(in, TABLE + " on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("file\t"))
                    .map(line -> line.split("\t", -1))
                    .map(c -> new Row(c[0], c[1], Integer.parseInt(c[2]), c[3], c[4], c[5]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("rows")
    void validatesAndReadsEachSampleAsTheTableSays(Row expected) throws IOException {
        Path file = X12.resolve(expected.file());
        assumeTrue(Files.isRegularFile(file), "shared reference data not present: " + file.toAbsolutePath());
        byte[] bytes = Files.readAllBytes(file);

        List<X12Error> errors = new ClaimFileValidator().validate(bytes);

        assertThat(errors.isEmpty() ? "valid" : "invalid").as("outcome").isEqualTo(expected.outcome());
        assertThat(errors).as("errors").hasSize(expected.errors());
        assertThat(errors.isEmpty() ? "-" : describe(errors.get(0))).as("first error").isEqualTo(expected.firstError());
        assertThat(envelopeErrors(errors)).as("envelope errors").isEqualTo(expected.envelopeErrors());
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).isNotBlank());
        assertThat(read(expected.file(), bytes)).as("reader").isEqualTo(expected.reader());
    }

    @Test
    void everySampleFileHasARowAndEveryRowAFile() throws IOException {
        assumeTrue(Files.isDirectory(X12.resolve("837p")), "shared reference data not present");
        List<String> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(X12.resolve("837p")), Files.walk(X12.resolve("837i")))) {
            files = walk.filter(Files::isRegularFile).map(p -> X12.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }

        assertThat(rows().stream().map(Row::file).sorted().toList()).containsExactlyElementsOf(files);
    }

    @Test
    void reportsTheInstitutionalSamplesThatNameTheProfessionalGuideInGs08AsAPayerWould() throws IOException {
        Path file = X12.resolve("837i/oop_Spec_3.1.1.837");
        assumeTrue(Files.isRegularFile(file), "shared reference data not present");

        List<X12Error> errors = new ClaimFileValidator().validate(Files.readAllBytes(file));

        assertThat(errors).extracting(X12Error::reference, X12Error::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GS08", "AK905:2"),
                        org.assertj.core.groups.Tuple.tuple("ST03", "IK502:I6"));
        assertThat(errors.get(0).message()).contains("005010X222");
        assertThat(errors.get(1).message()).contains("005010X223").contains("GS08");
    }

    @Test
    void findsTheEnvelopeCountsTheInventoryListsForTheMultiGroupSample() throws IOException {
        Path file = X12.resolve("837p/ims_x12_multiple_gs.837");
        assumeTrue(Files.isRegularFile(file), "shared reference data not present");

        List<X12Error> errors = new ClaimFileValidator().validate(Files.readAllBytes(file));

        assertThat(errors).filteredOn(e -> e.code().equals("IK502:4")).hasSize(3)
                .allSatisfy(e -> assertThat(e.segmentId()).isEqualTo("SE"));
        assertThat(errors).filteredOn(e -> e.code().equals("TA105:021")).singleElement()
                .satisfies(e -> assertThat(e.segmentId()).isEqualTo("IEA"));
    }

    private static String describe(X12Error error) {
        return error.reference() + "@" + error.segmentPosition() + " " + error.code();
    }

    private static String envelopeErrors(List<X12Error> errors) {
        Map<String, Long> counts = errors.stream().map(X12Error::code)
                .filter(code -> code.matches("IK502:[34]|AK905:[45]|TA105:(001|021)"))
                .collect(Collectors.groupingBy(code -> code, TreeMap::new, Collectors.counting()));
        return counts.isEmpty() ? "OK" : counts.entrySet().stream().map(e -> e.getKey() + "x" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static String read(String file, byte[] bytes) {
        try {
            int claims = file.startsWith("837i/")
                    ? new Claim837IReader().read(new ByteArrayInputStream(bytes)).size()
                    : new Claim837PReader().read(new ByteArrayInputStream(bytes)).size();
            return "claims:" + claims;
        } catch (X12FormatException e) {
            assertThat(e.getMessage()).as("refusal message").isNotBlank();
            return "refused:" + e.segmentId() + "@" + e.segmentNumber();
        }
    }
}
