package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Claim837PReaderTest {

    static final Path SAMPLES = Path.of("../../shared/data/x12/837p");

    private final Claim837PWriter writer = new Claim837PWriter();
    private final Claim837PReader reader = new Claim837PReader();

    static Stream<ProfessionalClaim> claims() {
        return Stream.of(SampleClaims.oneLine(), SampleClaims.fourLinesWithModifiers(), SampleClaims.replacement());
    }

    @ParameterizedTest
    @MethodSource("claims")
    void readsBackWhatTheWriterWrote(ProfessionalClaim claim) {
        assertThat(reader.read(in(writer.writeToString(claim)))).containsExactly(asWritten(claim));
    }

    @Test
    void readsBackAClaimBuiltAsClaimSubmissionsBuildsItExactlyEqual() {
        // ClaimSubmissions gives every line its date, money in cents and a phone in digits: nothing to normalize.
        ProfessionalClaim claim = asWritten(SampleClaims.fourLinesWithModifiers());

        assertThat(reader.read(in(writer.writeToString(claim)))).containsExactly(claim);
    }

    @Test
    void readsEveryFieldOfTheFourLineClaim() {
        ProfessionalClaim read = reader.read(in(writer.writeToString(SampleClaims.fourLinesWithModifiers()))).get(0);

        assertThat(read.envelope().interchangeControlNumber()).isEqualTo(42);
        assertThat(read.envelope().groupControlNumber()).isEqualTo(1042);
        assertThat(read.envelope().receiverId()).isEqualTo("CLEARINGHOUSE");
        assertThat(read.claim().diagnoses()).containsExactly("E11.9", "I10", "E78.5", "Z79.4", "M54.50");
        assertThat(read.claim().dateOfService()).isEqualTo(SampleClaims.DOS);
        ServiceLine third = read.claim().lines().get(2);
        assertThat(third.modifiers()).containsExactly("RT", "59", "XS", "GA");
        assertThat(third.units()).isEqualByComparingTo("2");
        assertThat(third.diagnosisPointers()).containsExactly(5);
        assertThat(third.serviceDate()).isEqualTo(SampleClaims.DOS.minusDays(1));
        assertThat(read.claim().renderingProvider())
                .isEqualTo(new RenderingProvider("SMITH", "ALEX", SampleClaims.RENDERING_NPI, "207Q00000X"));
    }

    @Test
    void readsAReplacementWithItsFrequencyAndPayerClaimControlNumber() {
        ClaimDetails read = reader.read(in(writer.writeToString(SampleClaims.replacement()))).get(0).claim();

        assertThat(read.frequency()).isEqualTo(ClaimFrequency.REPLACEMENT);
        assertThat(read.payerClaimControlNumber()).isEqualTo("PAYERCCN987654");
    }

    @Test
    void readsAClaimWrittenOnOneLine() {
        ProfessionalClaim claim = SampleClaims.oneLine();

        assertThat(reader.read(in(new Claim837PWriter(false).writeToString(claim)))).containsExactly(asWritten(claim));
    }

    @Test
    void readsSeveralConcatenatedInterchangesInOrder() {
        ProfessionalClaim first = SampleClaims.oneLine();
        ProfessionalClaim second = withEnvelope(SampleClaims.replacement(), SampleClaims.envelope(43));
        ProfessionalClaim third = withEnvelope(SampleClaims.fourLinesWithModifiers(), SampleClaims.envelope(44));
        String file = writer.writeToString(first) + writer.writeToString(second) + writer.writeToString(third);

        assertThat(reader.read(in(file))).containsExactly(asWritten(first), asWritten(second), asWritten(third));
    }

    @Test
    void readsEveryClaimOfATransactionWithSeveral() {
        String one = writer.writeToString(SampleClaims.oneLine());
        // a second subscriber loop with its claim (HL 3 under the same HL 1), inserted before SE
        String body = one.substring(one.indexOf("HL*2*"), one.indexOf("\nSE*") + 1)
                .replace("HL*2*1*22*0", "HL*3*1*22*0").replace("CLM0001", "CLM0002");
        String file = adjustSegmentCount(one.replace("\nSE*", "\n" + body + "SE*"), (int) body.lines().count());

        List<ProfessionalClaim> read = reader.read(in(file));

        assertThat(read).extracting(c -> c.claim().claimNumber()).containsExactly("CLM0001", "CLM0002");
        assertThat(read.get(1).envelope()).isEqualTo(read.get(0).envelope());
    }

    @Test
    void readsAFileWithAByteOrderMarkAndWindowsLineEnds() {
        String file = "\uFEFF" + writer.writeToString(SampleClaims.oneLine()).replace("\n", "\r\n");

        assertThat(reader.read(in(file))).containsExactly(asWritten(SampleClaims.oneLine()));
    }

    @Test
    void refusesATruncatedFile() {
        String file = writer.writeToString(SampleClaims.fourLinesWithModifiers());

        assertThatThrownBy(() -> reader.read(in(file.substring(0, file.indexOf("SV1*")))))
                .isInstanceOf(X12FormatException.class).hasMessageContaining("truncated");
    }

    @Test
    void refusesAn835GivenAsAClaimFile() {
        String file = String.join("~\n",
                "ISA*00*          *00*          *ZZ*PAYER          *ZZ*RELAYRCM       *250315*0930*^*00501*"
                        + "000000007*0*T*:",
                "GS*HP*PAYER*RELAYRCM*20250315*0930*7*X*005010X221A1", "ST*835*0001",
                "BPR*I*100*C*CHK************20250315", "TRN*1*123*1512345678", "SE*4*0001", "GE*1*7",
                "IEA*1*000000007") + "~\n";

        assertThatThrownBy(() -> reader.read(in(file))).isInstanceOf(X12FormatException.class)
                .hasMessageContaining("835").hasMessageContaining("not an 837P")
                .extracting(e -> ((X12FormatException) e).segmentId()).isEqualTo("ST");
    }

    @Test
    void refusesSomethingThatIsNotX12() {
        assertThatThrownBy(() -> reader.read(in("{\"claim\": \"CLM0001\"}")))
                .isInstanceOf(X12FormatException.class).hasMessageContaining("not an X12 file");
        assertThatThrownBy(() -> reader.read(in("")))
                .isInstanceOf(X12FormatException.class).hasMessageContaining("empty");
    }

    @Test
    void refusesAPatientWhoIsNotTheSubscriber() {
        String file = writer.writeToString(SampleClaims.oneLine()).replace("HL*2*1*22*0", "HL*2*1*22*1")
                .replace("SBR*P*18*", "SBR*P**");

        assertThatThrownBy(() -> reader.read(in(file))).isInstanceOf(X12FormatException.class)
                .hasMessageContaining("SBR02").hasMessageContaining("not the subscriber");
    }

    @Test
    void refusesASubscriberWithoutAStreetAddressNamingTheLoop() {
        String file = adjustSegmentCount(writer.writeToString(SampleClaims.oneLine()).replace("N3*12 ELM ST~\n", ""),
                -1);

        assertThatThrownBy(() -> reader.read(in(file))).isInstanceOf(X12FormatException.class)
                .hasMessageContaining("subscriber's street address (N3)")
                .extracting(e -> ((X12FormatException) e).segmentId()).isEqualTo("NM1");
    }

    @Test
    void refusesAMalformedAmountNamingTheSegment() {
        String file = writer.writeToString(SampleClaims.oneLine()).replace("SV1*HC:99213*125*", "SV1*HC:99213*12X5*");

        assertThatThrownBy(() -> reader.read(in(file))).isInstanceOf(X12FormatException.class)
                .hasMessageContaining("SV102 '12X5'")
                .extracting(e -> ((X12FormatException) e).segmentId()).isEqualTo("SV1");
    }

    @Test
    void refusesAClaimWhoseLinesDoNotAddUpToItsTotal() {
        String file = writer.writeToString(SampleClaims.oneLine()).replace("CLM*CLM0001*125*", "CLM*CLM0001*130*");

        assertThatThrownBy(() -> reader.read(in(file))).isInstanceOf(X12FormatException.class)
                .hasMessageContaining("claim CLM0001").hasMessageContaining("differs from the sum")
                .extracting(e -> ((X12FormatException) e).segmentId()).isEqualTo("CLM");
    }

    static Stream<Path> samples() throws IOException {
        if (!Files.isDirectory(SAMPLES)) {
            return Stream.of(SAMPLES.resolve("absent.837"));
        }
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".837")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eitherReadsASharedSampleOrRefusesItWithAMessage(Path sample) throws IOException {
        assumeThat(sample).as("shared reference data not present").isRegularFile();

        try (InputStream in = Files.newInputStream(sample)) {
            List<ProfessionalClaim> claims = reader.read(in);
            assertThat(claims).isNotEmpty();
        } catch (X12FormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    /**
     * The claim as the file carries it: money with cents, units and phone as written, every line with its date and
     * no payer claim control number on an original (the writer leaves REF*F8 out there).
     */
    static ProfessionalClaim asWritten(ProfessionalClaim claim) {
        ClaimDetails c = claim.claim();
        List<ServiceLine> lines = c.lines().stream().map(l -> new ServiceLine(l.procedureCode(), l.modifiers(),
                cents(l.charge()), new BigDecimal(X12Values.decimal(l.units())), l.diagnosisPointers(),
                l.serviceDate() != null ? l.serviceDate() : c.dateOfService())).toList();
        Submitter s = claim.submitter();
        return new ProfessionalClaim(claim.envelope(),
                new Submitter(s.name(), s.id(), s.contactName(), s.phone() == null ? null : s.phone().replaceAll(
                        "\\D", ""), s.email()),
                claim.receiver(), claim.billingProvider(), claim.subscriber(), claim.payer(),
                new ClaimDetails(c.claimNumber(), cents(c.totalCharge()), c.placeOfService(), c.frequency(),
                        c.frequency().refersToPriorClaim() ? c.payerClaimControlNumber() : null, c.dateOfService(),
                        c.diagnoses(), lines, c.renderingProvider()));
    }

    private static BigDecimal cents(BigDecimal value) {
        BigDecimal written = new BigDecimal(X12Values.decimal(value));
        return written.scale() < 2 ? written.setScale(2) : written;
    }

    private static ProfessionalClaim withEnvelope(ProfessionalClaim c, InterchangeEnvelope envelope) {
        return new ProfessionalClaim(envelope, c.submitter(), c.receiver(), c.billingProvider(), c.subscriber(),
                c.payer(), c.claim());
    }

    /** Keeps SE01 right after a test added or removed segments, so the envelope check does not fire first. */
    private static String adjustSegmentCount(String file, int delta) {
        int start = file.indexOf("\nSE*") + 4;
        int end = file.indexOf('*', start);
        return file.substring(0, start) + (Integer.parseInt(file.substring(start, end)) + delta) + file.substring(end);
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
