package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every public 835 sample in the shared reference data, checked against a table worked out by hand. */
class Remittance835SamplesTest {

    /** Tests run with the backend module as working directory; the data sits beside the repository. */
    static final Path SAMPLES = Path.of("../../shared/data/x12/835");

    record Expectation(String file, String outcome, int transactions, int claims, BigDecimal sumClp04,
            BigDecimal sumBpr02, int serviceLines, int warnings, String refusedAt) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expectation> expectations() {
        try (InputStream in = Remittance835SamplesTest.class.getResourceAsStream("/edi/835-expectations.csv")) {
            Objects.requireNonNull(in, "edi/835-expectations.csv on the test classpath");
            List<String> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("file,"))
                    .toList();
            return rows.stream().map(row -> {
                String[] c = row.split(",", -1);
                boolean parsed = c[1].equals("parsed");
                return new Expectation(c[0], c[1], parsed ? Integer.parseInt(c[2]) : 0,
                        parsed ? Integer.parseInt(c[3]) : 0, parsed ? new BigDecimal(c[4]) : null,
                        parsed ? new BigDecimal(c[5]) : null, parsed ? Integer.parseInt(c[6]) : 0,
                        parsed ? Integer.parseInt(c[7]) : 0, c[8]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("expectations")
    void readsEachSampleAsTheTableSays(Expectation expected) throws IOException {
        Path file = SAMPLES.resolve(expected.file());
        assumeTrue(Files.isRegularFile(file), "shared reference data not present: " + file.toAbsolutePath());

        try (InputStream in = Files.newInputStream(file)) {
            if (expected.outcome().equals("refused")) {
                X12FormatException error = catchThrowableOfType(X12FormatException.class,
                        () -> new Remittance835Reader().read(in));
                assertThat(error).as("refused").isNotNull();
                assertThat(error.segmentId() + ":" + error.segmentNumber()).isEqualTo(expected.refusedAt());
                assertThat(error.getMessage()).contains(error.segmentId()).contains("segment " + error.segmentNumber());
                return;
            }
            RemittanceFile result = new Remittance835Reader().read(in);

            assertThat(result.advices()).hasSize(expected.transactions());
            List<ClaimPayment> claims = result.advices().stream().flatMap(a -> a.claims().stream()).toList();
            assertThat(claims).hasSize(expected.claims());
            assertThat(claims.stream().map(ClaimPayment::paymentAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(expected.sumClp04());
            assertThat(result.advices().stream().map(RemittanceAdvice::totalPayment)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(expected.sumBpr02());
            assertThat(claims.stream().mapToInt(c -> c.lines().size()).sum()).isEqualTo(expected.serviceLines());
            assertThat(result.warnings()).hasSize(expected.warnings());
        }
    }

    @Test
    void theTableCoversEverySampleFile() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "shared reference data not present");
        Set<String> listed = expectations().map(Expectation::file).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(SAMPLES)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(listed::contains);
        }
    }

    @Test
    void readsClaimAdjustmentTriplesAndSvcWrittenWithTheWrongSeparator() throws IOException {
        RemittanceFile file = read("lfh_secondary-payment.835");
        ClaimPayment second = file.advices().get(0).claims().get(1);

        assertThat(file.advices().get(0).claims().get(0).adjustments())
                .containsExactly(new Adjustment("OA", "23", new BigDecimal("9411.64"), null));
        ServicePayment line = second.lines().get(1);
        assertThat(line.procedureCode()).isEqualTo("66543");
        assertThat(line.modifiers()).containsExactly("26");
        assertThat(line.adjustments()).containsExactly(
                new Adjustment("PR", "1", new BigDecimal("150.00"), null),
                new Adjustment("PR", "2", new BigDecimal("70.00"), null),
                new Adjustment("CO", "42", new BigDecimal("85.00"), null));
        assertThat(second.isBalanced()).isTrue();
        assertThat(file.warnings()).first().asString().contains("SVC").contains("'>'");
    }

    @Test
    void readsServicePeriodDatesAndLineRemarks() throws IOException {
        ClaimPayment claim = read("pyx12_835_mult_loops.835").advices().get(0).claims().get(0);

        assertThat(claim.isDenied()).isTrue();
        assertThat(claim.lines()).hasSize(3);
        assertThat(claim.lines().get(0).serviceDate()).hasToString("2003-11-29");
        assertThat(claim.lines().get(0).remarkCodes()).containsExactly("N14");
        assertThat(claim.lines().get(2).units()).isEqualByComparingTo("36");
    }

    @Test
    void readsEveryInterchangeOfAFileWithSeveralAndKeepsTheirControlNumbers() throws IOException {
        RemittanceFile file = read("oop_835_WithMultipleInterchanges.835");

        assertThat(file.advices()).extracting(a -> a.envelope().interchangeControlNumber())
                .containsExactly("000000031", "000000032", "000000033");
        assertThat(file.advices()).extracting(a -> a.envelope().transactionControlNumber())
                .containsExactly("8001", "9001", "10001");
        assertThat(file.advices()).extracting(RemittanceAdvice::totalPayment)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("999.99"), new BigDecimal("9999.99"), new BigDecimal("482.13"));
        // The amounts are masked with 9s in this public sample, so the payment does not balance; reading still works.
        assertThat(file.advices().get(0).isBalanced()).isFalse();
        assertThat(file.advices().get(0).claims().get(0).lines().get(0).procedureQualifier()).isEqualTo("XX");
    }

    @Test
    void namesTheMalformedSvcOfTheTertiarySample() throws IOException {
        assumeTrue(Files.isRegularFile(SAMPLES.resolve("lfh_tertiary-payment.835")));
        try (InputStream in = Files.newInputStream(SAMPLES.resolve("lfh_tertiary-payment.835"))) {
            X12FormatException error = catchThrowableOfType(X12FormatException.class,
                    () -> new Remittance835Reader().read(in));

            assertThat(error.getMessage()).isEqualTo("SVC01 'HC' in segment 20 (SVC) has no procedure code: it must be "
                    + "qualifier and code, for example HC:99213. The payer's file is malformed, so none of it was "
                    + "posted; ask the payer for a corrected 835.");
        }
    }

    static RemittanceFile read(String name) throws IOException {
        Path file = SAMPLES.resolve(name);
        assumeTrue(Files.isRegularFile(file), "shared reference data not present: " + file.toAbsolutePath());
        try (InputStream in = Files.newInputStream(file)) {
            return new Remittance835Reader().read(in);
        }
    }
}
