package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every public 277CA sample in the shared reference data, held to {@code edi/277ca-expectations.csv}. */
class Ack277CaSamplesTest {

    static final Path SAMPLES = AckSamples.X12.resolve("277ca");

    record Expectation(String file, String outcome, int acknowledgements, int claims, int accepted, int rejected,
            String claimNumbers, String refusedAt) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expectation> expectations() {
        return AckSamples.rows("/edi/277ca-expectations.csv").stream().map(c -> {
            boolean parsed = c[1].equals("parsed");
            return new Expectation(c[0], c[1], parsed ? Integer.parseInt(c[2]) : 0, parsed ? Integer.parseInt(c[3]) : 0,
                    parsed ? Integer.parseInt(c[4]) : 0, parsed ? Integer.parseInt(c[5]) : 0, c[6], c[7]);
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
                        () -> new ClaimAcknowledgement277Reader().read(in));
                assertThat(error).as("refused").isNotNull();
                assertThat(error.segmentId() + ":" + error.segmentNumber()).isEqualTo(expected.refusedAt());
                return;
            }
            List<ClaimAcknowledgement> acks = new ClaimAcknowledgement277Reader().read(in).acknowledgements();

            assertThat(acks).hasSize(expected.acknowledgements());
            List<ClaimAcknowledgement.ClaimResult> claims = acks.stream().flatMap(a -> a.claims().stream()).toList();
            assertThat(claims).hasSize(expected.claims());
            assertThat(claims.stream().filter(ClaimAcknowledgement.ClaimResult::accepted)).hasSize(expected.accepted());
            assertThat(claims.stream().filter(c -> !c.accepted())).hasSize(expected.rejected());
            assertThat(claims.stream().map(ClaimAcknowledgement.ClaimResult::patientControlNumber)
                    .collect(Collectors.joining("|"))).isEqualTo(expected.claimNumbers());
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
    void readsTheRejectionCodesAndThePayersClaimNumber() throws IOException {
        Path file = SAMPLES.resolve("ims_277CA_rejected.277");
        assumeTrue(Files.isRegularFile(file));
        ClaimAcknowledgement.ClaimResult claim;
        try (InputStream in = Files.newInputStream(file)) {
            claim = new ClaimAcknowledgement277Reader().read(in).acknowledgements().get(0).claims().get(0);
        }

        assertThat(claim.statuses()).containsExactly(new ClaimAcknowledgement.Status("A7", "562", "85",
                LocalDate.of(2011, 3, 11), "WQ", null));
        assertThat(claim.payerClaimControlNumber()).isEqualTo("1107000000001120");
        assertThat(claim.totalCharge()).isEqualByComparingTo("199.14");
    }

    @Test
    void refusesAClaimStatusResponseAsNotAnAcknowledgement() throws IOException {
        Path file = AckSamples.X12.resolve("277/lfh_claim-level-status.277");
        assumeTrue(Files.isRegularFile(file));
        try (InputStream in = Files.newInputStream(file)) {
            X12FormatException error = catchThrowableOfType(X12FormatException.class,
                    () -> new ClaimAcknowledgement277Reader().read(in));

            assertThat(error.getMessage()).contains("005010X212").contains("277CA");
        }
    }
}
