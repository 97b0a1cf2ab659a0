package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.imsweb.x12.Loop;
import com.imsweb.x12.Segment;
import com.imsweb.x12.reader.X12Reader.FileType;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Remittance835WriterTest {

    private static final LocalDate PAID_ON = LocalDate.of(2025, 4, 1);

    private final Remittance835Writer writer = new Remittance835Writer();

    /** What the payer simulator sends for a claim paid in part, with line-level adjustments. */
    static RemittanceAdvice paidInPart() {
        ServicePayment office = new ServicePayment("HC", "99214", List.of("25"), new BigDecimal("180.50"),
                new BigDecimal("120.00"), BigDecimal.ONE, SampleClaims.DOS, "LINE-1",
                List.of(new Adjustment("CO", "45", new BigDecimal("40.50"), null),
                        new Adjustment("PR", "2", new BigDecimal("20"), null)),
                List.of("M15"));
        ServicePayment lab = new ServicePayment("HC", "83036", List.of("QW"), new BigDecimal("45.25"),
                new BigDecimal("30"), BigDecimal.ONE, SampleClaims.DOS, "LINE-2",
                List.of(new Adjustment("CO", "45", new BigDecimal("15.25"), null)), List.of());
        ClaimPayment paid = new ClaimPayment("ENC-2025-000123-01", "1", new BigDecimal("225.75"),
                new BigDecimal("150"), new BigDecimal("20"), "12", "PAYERCCN1",
                new RemitPatient("DOE", "JANE", "MI", "XYZ123456789"), SampleClaims.DOS, List.of(), List.of(),
                List.of(office, lab));
        ClaimPayment denied = new ClaimPayment("CLM0002", "4", new BigDecimal("125"), BigDecimal.ZERO, null, "12",
                "PAYERCCN2", new RemitPatient("ROE", "RICHARD", "MI", "ABC987"), SampleClaims.DOS,
                List.of(new Adjustment("CO", "16", new BigDecimal("125"), null)), List.of("MA130"),
                List.of(new ServicePayment("HC", "99213", List.of(), new BigDecimal("125"), BigDecimal.ZERO,
                        BigDecimal.ONE, SampleClaims.DOS, "LINE-3", List.of(), List.of("N382"))));
        return new RemittanceAdvice(null, "I", new BigDecimal("150"), "C", "CHK", PAID_ON, "CHK000123",
                "1999999999", PAID_ON,
                new RemitParty("HEALTHY PAYER INC", "XV", "HP123",
                        new Address("1 PAYER WAY", "HARTFORD", "CT", "06101")),
                new RemitParty("RIVERSIDE FAMILY PRACTICE", "XX", SampleClaims.BILLING_NPI, null, "123456789"),
                List.of(paid, denied), List.of());
    }

    @Test
    void writesWhatTheReaderReadsBackUnchanged() {
        RemittanceAdvice advice = paidInPart();
        String x12 = writer.writeToString(SampleClaims.envelope(7), List.of(advice));

        RemittanceFile file = new Remittance835Reader().read(
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)));

        assertThat(file.warnings()).isEmpty();
        RemittanceAdvice read = file.advices().get(0);
        assertThat(read.envelope()).isEqualTo(new EnvelopeIds("RELAYRCM", "CLEARINGHOUSE", "000000007", "1007", "0007"));
        // Amounts are compared by value: the writer drops trailing zeros (180.50 -> 180.5) as X12 allows.
        assertThat(read).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .ignoringFields("envelope")
                .isEqualTo(advice);
    }

    @Test
    void writesAnInterchangeThatAnIndependentParserReadsWithoutErrors() {
        String x12 = writer.writeToString(SampleClaims.envelope(7), List.of(paidInPart()));

        Loop isa = X12Oracle.parseWithoutErrors(x12, FileType.ANSI835_5010_X221).get(0);
        Loop gs = isa.getLoop("GS_LOOP");
        assertThat(gs.getSegment("GS").getElementValue("GS01")).isEqualTo("HP");
        assertThat(gs.getSegment("GS").getElementValue("GS08")).isEqualTo("005010X221A1");
        assertThat(isa.findLoop("2100")).hasSize(2);
        assertThat(isa.findLoop("2110")).hasSize(3);
        Segment bpr = gs.getLoop("ST_LOOP").getLoop("HEADER").getSegment("BPR");
        assertThat(bpr.getElementValue("BPR02")).isEqualTo("150");
        assertThat(bpr.getElementValue("BPR16")).isEqualTo("20250401");
    }

    @Test
    void writesBalancedClaimsAndPayment() {
        String x12 = writer.writeToString(SampleClaims.envelope(7), List.of(paidInPart()));
        RemittanceAdvice read = new Remittance835Reader().read(
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8))).advices().get(0);

        assertThat(read.claims()).allSatisfy(claim -> assertThat(claim.chargeAmount().subtract(claim.paymentAmount()))
                .isEqualByComparingTo(claim.adjustmentTotal()));
        assertThat(read.totalPayment()).isEqualByComparingTo(read.claimPaymentTotal());
        assertThat(read.isBalanced()).isTrue();
    }

    @Test
    void countsSegmentsAndNumbersTransactionsConsecutively() {
        RemittanceAdvice advice = paidInPart();
        String x12 = writer.writeToString(SampleClaims.envelope(7), List.of(advice, advice));
        List<String> segments = Claim837PWriterTest.segments(x12);

        int start = -1;
        int transactions = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).startsWith("ST*")) {
                start = i;
                transactions++;
                assertThat(Claim837PWriterTest.element(segments.get(i), 2)).isEqualTo(String.format("%04d",
                        6 + transactions));
            } else if (segments.get(i).startsWith("SE*")) {
                assertThat(Claim837PWriterTest.element(segments.get(i), 1)).isEqualTo(Integer.toString(i - start + 1));
            }
        }
        assertThat(transactions).isEqualTo(2);
        assertThat(segments).contains("GE*2*1007", "IEA*1*000000007");
        X12Oracle.parseWithoutErrors(x12, FileType.ANSI835_5010_X221);
    }

    @Test
    void writesTheSegmentsOfAPayerFileInGuideOrder() {
        String x12 = new Remittance835Writer(false).writeToString(SampleClaims.envelope(7), List.of(paidInPart()));

        assertThat(Claim837PWriterTest.segments(x12)).extracting(s -> s.split("\\*")[0]).containsSubsequence(
                "ISA", "GS", "ST", "BPR", "TRN", "DTM", "N1", "N3", "N4", "PER", "N1", "REF", "LX",
                "CLP", "NM1", "DTM", "SVC", "DTM", "CAS", "CAS", "REF", "LQ", "SVC", "DTM", "CAS", "REF",
                "CLP", "CAS", "NM1", "MOA", "DTM", "SVC", "DTM", "REF", "LQ", "SE", "GE", "IEA");
        assertThat(x12).doesNotContain("\n");
    }

    @Test
    void splitsMoreThanSixAdjustmentsOfOneGroupOverTwoCasSegments() {
        List<Adjustment> many = List.of("1", "2", "3", "45", "96", "97", "253").stream()
                .map(code -> new Adjustment("CO", code, BigDecimal.ONE, null)).toList();
        ClaimPayment claim = new ClaimPayment("CLM9", "1", new BigDecimal("10"), new BigDecimal("3"), null, "12",
                "P9", null, null, many, List.of(), List.of());
        RemittanceAdvice advice = new RemittanceAdvice(null, "I", new BigDecimal("3"), "C", "CHK", PAID_ON, "T1",
                "1999999999", PAID_ON, paidInPart().payer(), paidInPart().payee(), List.of(claim), List.of());

        String x12 = writer.writeToString(SampleClaims.envelope(7), List.of(advice));

        assertThat(Claim837PWriterTest.segments(x12)).contains("CAS*CO*1*1**2*1**3*1**45*1**96*1**97*1", "CAS*CO*253*1");
        ClaimPayment read = new Remittance835Reader().read(
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8))).advices().get(0).claims().get(0);
        assertThat(read.adjustments()).hasSize(7);
        assertThat(read.isBalanced()).isTrue();
    }

    @Test
    void writesProviderLevelAdjustmentsThatTheReaderBalances() {
        RemittanceAdvice base = paidInPart();
        RemittanceAdvice withRecovery = new RemittanceAdvice(null, "I", new BigDecimal("125"), "C", "CHK", PAID_ON,
                "CHK000124", "1999999999", PAID_ON, base.payer(), base.payee(), base.claims(),
                List.of(new ProviderAdjustment(SampleClaims.BILLING_NPI, LocalDate.of(2025, 12, 31), "WO", "CLM0000",
                        new BigDecimal("25"))));

        String x12 = writer.writeToString(SampleClaims.envelope(8), List.of(withRecovery));

        X12Oracle.parseWithoutErrors(x12, FileType.ANSI835_5010_X221);
        RemittanceAdvice read = new Remittance835Reader().read(
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8))).advices().get(0);
        assertThat(read.providerAdjustments()).hasSize(1);
        assertThat(read.isBalanced()).isTrue();
    }

    @Test
    void refusesAnInterchangeWithoutAdvices() {
        assertThatThrownBy(() -> writer.writeToString(SampleClaims.envelope(7), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
