package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every public 999 sample in the shared reference data, held to the table in {@code edi/999-expectations.csv}. */
class Ack999SamplesTest {

    static final Path SAMPLES = AckSamples.X12.resolve("999");

    record Expectation(String file, String outcome, int acknowledgements, String groupStatuses, int transactions,
            int accepted, int segmentErrors, String refusedAt) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expectation> expectations() {
        return AckSamples.rows("/edi/999-expectations.csv").stream().map(c -> {
            boolean parsed = c[1].equals("parsed");
            return new Expectation(c[0], c[1], parsed ? Integer.parseInt(c[2]) : 0, c[3],
                    parsed ? Integer.parseInt(c[4]) : 0, parsed ? Integer.parseInt(c[5]) : 0,
                    parsed ? Integer.parseInt(c[6]) : 0, c[7]);
        });
    }

    @ParameterizedTest
    @MethodSource("expectations")
    void readsEachSampleAsTheTableSays(Expectation expected) throws IOException {
        Path file = SAMPLES.resolve(expected.file());
        assumeTrue(Files.isRegularFile(file), "shared reference data not present: " + file.toAbsolutePath());
        try (InputStream in = Files.newInputStream(file)) {
            if (expected.outcome().equals("refused")) {
                X12FormatException error = catchThrowableOfType(X12FormatException.class,
                        () -> new FunctionalAcknowledgement999Reader().read(in));
                assertThat(error).as("refused").isNotNull();
                assertThat(error.segmentId() + ":" + error.segmentNumber()).isEqualTo(expected.refusedAt());
                assertThat(error.getMessage()).contains(error.segmentId()).containsIgnoringCase("segment " + error.segmentNumber());
                return;
            }
            List<FunctionalAcknowledgement> acks = new FunctionalAcknowledgement999Reader().read(in).acknowledgements();

            assertThat(acks).hasSize(expected.acknowledgements());
            assertThat(acks.stream().map(FunctionalAcknowledgement::groupStatus).collect(Collectors.joining("|")))
                    .isEqualTo(expected.groupStatuses());
            List<FunctionalAcknowledgement.TransactionResult> transactions = acks.stream()
                    .flatMap(a -> a.transactions().stream()).toList();
            assertThat(transactions).hasSize(expected.transactions());
            assertThat(transactions.stream().filter(FunctionalAcknowledgement.TransactionResult::accepted))
                    .hasSize(expected.accepted());
            assertThat(transactions.stream().mapToInt(t -> t.errors().size()).sum())
                    .isEqualTo(expected.segmentErrors());
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
    void readsWhereAndWhyEachTransactionOfAPartlyAcceptedGroupWasRejected() throws IOException {
        Path file = SAMPLES.resolve("oop_DHS_Wisconsin_Sample.999");
        assumeTrue(Files.isRegularFile(file));
        FunctionalAcknowledgement ack;
        try (InputStream in = Files.newInputStream(file)) {
            ack = new FunctionalAcknowledgement999Reader().read(in).acknowledgements().get(0);
        }

        assertThat(ack.groupControlNumber()).isEqualTo("17456");
        assertThat(ack.senderId()).isEqualTo("123456789");
        assertThat(ack.accepted()).isFalse();
        assertThat(ack.transactions()).extracting(FunctionalAcknowledgement.TransactionResult::controlNumber)
                .containsExactly("0001", "002", "0003");
        FunctionalAcknowledgement.SegmentError clm = ack.transactions().get(1).errors().get(0);
        assertThat(clm).isEqualTo(new FunctionalAcknowledgement.SegmentError("CLM", 22, null, "8", "2", "1",
                "Segment CLM at position 22 of the claim file, element CLM02: required value missing."));
        assertThat(ack.transactions().get(2).errors().get(0).description())
                .isEqualTo("Segment REF at position 57 of the claim file: required segment missing.");
    }
}
