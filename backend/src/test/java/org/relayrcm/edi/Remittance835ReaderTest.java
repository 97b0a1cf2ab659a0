package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class Remittance835ReaderTest {

    private static final String ISA =
            "ISA*00*          *00*          *ZZ*PAYER          *ZZ*RELAYRCM       *250401*1200*^*00501*000000007*0*P*:~";

    /** A small, balanced 835 with one claim, one line and one provider-level adjustment. */
    static final String SMALL = ISA
            + "GS*HP*PAYER*RELAYRCM*20250401*1200*7*X*005010X221A1~"
            + "ST*835*0001~"
            + "BPR*I*70*C*CHK************20250401~"
            + "TRN*1*CHK123*1999999999~"
            + "DTM*405*20250331~"
            + "N1*PR*HEALTHY PAYER INC~"
            + "N3*1 PAYER WAY~"
            + "N4*HARTFORD*CT*06101~"
            + "REF*2U*HP123~"
            + "N1*PE*RIVERSIDE FAMILY PRACTICE*XX*1234567893~"
            + "REF*TJ*123456789~"
            + "LX*1~"
            + "CLP*CLM0001*1*125*80*20*12*PCCN1~"
            + "NM1*QC*1*DOE*JANE****MI*XYZ123456789~"
            + "MOA***MA01*N130~"
            + "DTM*232*20250314~"
            + "SVC*HC:99213:25*125*80**1~"
            + "DTM*472*20250314~"
            + "CAS*CO*45*25~"
            + "CAS*PR*2*20~"
            + "REF*6R*LINE-1~"
            + "LQ*HE*M15~"
            + "PLB*1234567893*20251231*WO:CLM0000*10~"
            + "SE*23*0001~"
            + "GE*1*7~"
            + "IEA*1*000000007~";

    private final Remittance835Reader reader = new Remittance835Reader();

    @Test
    void readsPaymentPartiesClaimLineAndProviderAdjustment() {
        RemittanceAdvice advice = read(SMALL).advices().get(0);

        assertThat(advice.envelope()).isEqualTo(new EnvelopeIds("PAYER", "RELAYRCM", "000000007", "7", "0001"));
        assertThat(advice.handlingCode()).isEqualTo("I");
        assertThat(advice.totalPayment()).isEqualByComparingTo("70");
        assertThat(advice.creditDebitFlag()).isEqualTo("C");
        assertThat(advice.paymentMethod()).isEqualTo("CHK");
        assertThat(advice.paymentDate()).hasToString("2025-04-01");
        assertThat(advice.traceNumber()).isEqualTo("CHK123");
        assertThat(advice.traceOriginatorId()).isEqualTo("1999999999");
        assertThat(advice.productionDate()).hasToString("2025-03-31");
        assertThat(advice.payer()).isEqualTo(new RemitParty("HEALTHY PAYER INC", "2U", "HP123",
                new Address("1 PAYER WAY", null, "HARTFORD", "CT", "06101")));
        assertThat(advice.payee()).isEqualTo(new RemitParty("RIVERSIDE FAMILY PRACTICE", "XX", "1234567893", null, "123456789"));

        ClaimPayment claim = advice.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo("CLM0001");
        assertThat(claim.chargeAmount()).isEqualByComparingTo("125");
        assertThat(claim.paymentAmount()).isEqualByComparingTo("80");
        assertThat(claim.patientResponsibility()).isEqualByComparingTo("20");
        assertThat(claim.claimFilingIndicator()).isEqualTo("12");
        assertThat(claim.payerClaimControlNumber()).isEqualTo("PCCN1");
        assertThat(claim.patient()).isEqualTo(new RemitPatient("DOE", "JANE", "MI", "XYZ123456789"));
        assertThat(claim.remarkCodes()).containsExactly("MA01", "N130");
        assertThat(claim.statementFromDate()).hasToString("2025-03-14");
        assertThat(claim.isBalanced()).isTrue();

        ServicePayment line = claim.lines().get(0);
        assertThat(line.procedureCode()).isEqualTo("99213");
        assertThat(line.modifiers()).containsExactly("25");
        assertThat(line.lineItemControlNumber()).isEqualTo("LINE-1");
        assertThat(line.remarkCodes()).containsExactly("M15");
        assertThat(line.adjustments()).extracting(Adjustment::groupCode).containsExactly("CO", "PR");

        assertThat(advice.providerAdjustments()).containsExactly(new ProviderAdjustment("1234567893",
                java.time.LocalDate.of(2025, 12, 31), "WO", "CLM0000", new BigDecimal("10")));
        assertThat(advice.isBalanced()).isTrue();
    }

    @Test
    void keepsMoneyExact() {
        String cents = SMALL.replace("CLP*CLM0001*1*125*80*20", "CLP*CLM0001*1*125*80.10*20");
        ClaimPayment claim = read(cents).advices().get(0).claims().get(0);

        assertThat(claim.paymentAmount()).isEqualTo(new BigDecimal("80.10"));
        assertThat(claim.chargeAmount().subtract(claim.paymentAmount())).isEqualTo(new BigDecimal("44.90"));
    }

    @Test
    void refusesAnAmountWithFractionsOfACentNamingTheElement() {
        X12FormatException error = refused(SMALL.replace("CAS*CO*45*25~", "CAS*CO*45*25.005~"));

        assertThat(error.segmentId()).isEqualTo("CAS");
        assertThat(error.segmentNumber()).isEqualTo(20);
        assertThat(error.getMessage()).startsWith("CAS03 '25.005' in segment 20 (CAS) has fractions of a cent");
    }

    @Test
    void acceptsTrailingZerosBeyondTheCentAndQuantitiesWithMoreDecimals() {
        ClaimPayment claim = read(SMALL.replace("CLP*CLM0001*1*125*80*", "CLP*CLM0001*1*125.000*80*")
                .replace("SVC*HC:99213:25*125*80**1~", "SVC*HC:99213:25*125*80**1.125~")).advices().get(0).claims().get(0);

        assertThat(claim.chargeAmount()).isEqualByComparingTo("125");
        assertThat(claim.lines().get(0).units()).isEqualByComparingTo("1.125");
    }

    @Test
    void readsTheAllowedAmountAndTheCodeWeBilledWhenThePayerPaidUnderAnother() {
        String recoded = SMALL.replace("SVC*HC:99213:25*125*80**1~", "SVC*HC:99212*125*80**1*HC:99213:25~")
                .replace("LQ*HE*M15~", "AMT*B6*105~LQ*HE*M15~").replace("SE*23*0001", "SE*24*0001");
        ServicePayment line = read(recoded).advices().get(0).claims().get(0).lines().get(0);

        assertThat(line.procedureCode()).isEqualTo("99212");
        assertThat(line.submittedCode()).isEqualTo("99213");
        assertThat(line.billedCode()).isEqualTo("99213");
        assertThat(line.allowedAmount()).isEqualByComparingTo("105");
        assertThat(read(SMALL).advices().get(0).claims().get(0).lines().get(0).allowedAmount()).isNull();
    }

    @Test
    void ignoresAByteOrderMarkAndLineBreaksBetweenSegments() {
        String messy = "\uFEFF" + SMALL.replace("~", "~\r\n    ");

        assertThat(read(messy).advices().get(0).claims()).hasSize(1);
    }

    @Test
    void usesTheDelimitersTheIsaDeclares() {
        String other = SMALL.replace('*', '|').replace('~', '\n').replace(':', '>')
                .replace("|^|00501|", "|!|00501|");

        RemittanceAdvice advice = read(other).advices().get(0);
        assertThat(advice.claims().get(0).lines().get(0).modifiers()).containsExactly("25");
        assertThat(advice.providerAdjustments().get(0).referenceId()).isEqualTo("CLM0000");
    }

    @Test
    void readsEveryTransactionOfEveryGroup() {
        String body = SMALL.substring(ISA.length(), SMALL.indexOf("GE*"));
        String second = body.replace("ST*835*0001", "ST*835*0002").replace("SE*23*0001", "SE*23*0002");
        String twoGroups = ISA + body + "GE*1*7~" + second.replace("*7*X*", "*8*X*") + "GE*1*8~IEA*2*000000007~";

        assertThat(read(twoGroups).advices()).extracting(a -> a.envelope().groupControlNumber())
                .containsExactly("7", "8");
    }

    @Test
    void readsABareTransactionWithoutEnvelope() throws IOException {
        Path sample = Remittance835SamplesTest.SAMPLES.resolve("kst_blue_cross_nc_sample.835");
        assumeTrue(Files.isRegularFile(sample));
        // The public sample's SE01 is one too high; with it corrected the bare transaction reads.
        String corrected = Files.readString(sample).replace("SE*33*1234", "SE*32*1234");

        RemittanceFile file = read(corrected);

        assertThat(file.warnings()).hasSize(2);
        assertThat(file.warnings().get(0)).contains("no ISA/GS envelope");
        assertThat(file.warnings().get(1)).contains("Segment 28 (SVC)").contains("59426");
        RemittanceAdvice advice = file.advices().get(0);
        assertThat(advice.envelope()).isEqualTo(new EnvelopeIds(null, null, null, null, "1234"));
        assertThat(advice.payer().name()).isEqualTo("BLUE CROSS AND BLUE SHIELD OF NORTH CAROLINA");
        assertThat(advice.payee().id()).isEqualTo("0987654321");
        assertThat(advice.isBalanced()).isTrue();
        ClaimPayment claim = advice.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo("200200964A52");
        assertThat(claim.patientResponsibility()).isEqualByComparingTo("142.54");
        assertThat(claim.isBalanced()).isTrue();
        assertThat(claim.lines()).extracting(ServicePayment::procedureCode).containsExactly("59430", "59440", "59426");
        assertThat(claim.lines().get(0).adjustments()).containsExactly(
                new Adjustment("CO", "42", new BigDecimal("34.6"), null),
                new Adjustment("PR", "2", new BigDecimal("117.54"), null));
    }

    @Test
    void refusesABareTransactionWhoseSegmentCountIsWrong() {
        String bare = SMALL.substring(SMALL.indexOf("ST*"), SMALL.indexOf("GE*")).replace("SE*23*", "SE*24*");

        X12FormatException error = refused(bare);
        assertThat(error.segmentId()).isEqualTo("SE");
        assertThat(error.segmentNumber()).isEqualTo(23);
        assertThat(error.getMessage()).contains("SE01 says 24 but there are 23 segments from ST to SE");
    }

    @Test
    void refusesAWrongSegmentCountNamingTheActualCount() {
        X12FormatException error = refused(SMALL.replace("SE*23*", "SE*21*"));

        assertThat(error.segmentId()).isEqualTo("SE");
        assertThat(error.segmentNumber()).isEqualTo(25);
        assertThat(error.getMessage()).isEqualTo("Envelope error in segment 25 (SE): SE01 says 21 but there are 23 "
                + "segments from ST to SE. The sender must correct and resend the file.");
    }

    @Test
    void refusesAWrongTransactionCountInTheGroupTrailer() {
        X12FormatException error = refused(SMALL.replace("GE*1*7", "GE*2*7"));

        assertThat(error.segmentId()).isEqualTo("GE");
        assertThat(error.getMessage()).contains("GE01 says 2 but there are 1 transactions in the group");
    }

    @Test
    void refusesATruncatedFileMidSegment() {
        String truncated = SMALL.substring(0, SMALL.indexOf("CLP*") + 12);

        X12FormatException error = refused(truncated);
        assertThat(error.segmentId()).isEqualTo("CLP");
        assertThat(error.segmentNumber()).isEqualTo(14);
        assertThat(error.getMessage()).contains("ends in the middle of segment 14 (CLP)").contains("truncated");
    }

    @Test
    void refusesAFileThatStopsBeforeTheInterchangeTrailer() {
        String truncated = SMALL.substring(0, SMALL.indexOf("SVC*"));

        X12FormatException error = refused(truncated);
        assertThat(error.getMessage()).contains("truncated");
    }

    @Test
    void refusesGarbage() {
        X12FormatException error = refused("hello, this is not EDI at all");

        assertThat(error.getMessage()).startsWith("This is not an X12 file").contains("'hello, this is not EDI a'");
        assertThat(error.segmentId()).isNull();
    }

    @Test
    void refusesAJsonBodySayingItLooksLikeJson() {
        X12FormatException error = refused("{\"claimNumber\": \"CLM0001\", \"paidCents\": 8000}");

        assertThat(error.getMessage()).contains("looks like JSON");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(refused("").getMessage()).isEqualTo("The file is empty.");
        assertThat(refused("\uFEFF \r\n").getMessage()).isEqualTo("The file is empty.");
    }

    @Test
    void refusesBinaryDataAfterTheIsa() {
        byte[] bytes = (ISA + "GS*HP*").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes);
        out.writeBytes(new byte[] {0, 1, 2, 3, (byte) 0xFF, 0x7F});

        X12FormatException error = catchThrowableOfType(X12FormatException.class,
                () -> reader.read(new ByteArrayInputStream(out.toByteArray())));
        assertThat(error).isNotNull();
        assertThat(error.getMessage()).isNotBlank();
    }

    @Test
    void refusesAnIsaWithBrokenFixedWidthFields() {
        X12FormatException error = refused("ISA*00*00*ZZ*PAYER*ZZ*US*250401*1200~GS*HP~");

        assertThat(error.getMessage()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void refusesAClaimFileGivenAsARemittance() throws IOException {
        String claim = new Claim837PWriter().writeToString(SampleClaims.oneLine());

        X12FormatException error = refused(claim);
        assertThat(error.segmentId()).isEqualTo("ST");
        assertThat(error.segmentNumber()).isEqualTo(3);
        assertThat(error.getMessage()).isEqualTo("Segment 3 starts a transaction of type 837 (a claim), not an 835 "
                + "remittance advice. Only 835 files can be posted as remittances.");
    }

    @Test
    void refusesAnAmountThatIsNotANumber() {
        X12FormatException error = refused(SMALL.replace("CLP*CLM0001*1*125*80*", "CLP*CLM0001*1*125*8O*"));

        assertThat(error.segmentId()).isEqualTo("CLP");
        assertThat(error.segmentNumber()).isEqualTo(14);
        assertThat(error.getMessage()).isEqualTo("CLP04 '8O' in segment 14 (CLP) is not a valid amount or quantity.");
    }

    @Test
    void refusesABadDate() {
        X12FormatException error = refused(SMALL.replace("DTM*472*20250314", "DTM*472*20251399"));

        assertThat(error.segmentId()).isEqualTo("DTM");
        assertThat(error.getMessage()).contains("'20251399'").contains("CCYYMMDD");
    }

    @Test
    void refusesAnEnvelopeWithoutAnyTransaction() {
        String empty = ISA + "GS*HP*PAYER*RELAYRCM*20250401*1200*7*X*005010X221A1~GE*0*7~IEA*1*000000007~";

        assertThat(refused(empty).getMessage()).contains("no 835 transaction");
    }

    @Test
    void doesNotCloseTheCallersStream() {
        var in = new ByteArrayInputStream(SMALL.getBytes(StandardCharsets.UTF_8)) {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        reader.read(in);
        assertThat(in.closed).isFalse();
    }

    @Test
    void acceptsNonAsciiNamesEncodedAsUtf8() {
        RemittanceAdvice advice = read(SMALL.replace("DOE*JANE", "MÜLLER*JOSÉ")).advices().get(0);

        assertThat(advice.claims().get(0).patient().lastName()).isEqualTo("MÜLLER");
    }

    @Test
    void reportsNullInputAsAProgrammingError() {
        assertThatThrownBy(() -> reader.read(null)).isInstanceOf(NullPointerException.class);
    }

    private RemittanceFile read(String x12) {
        return reader.read(new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)));
    }

    private X12FormatException refused(String x12) {
        X12FormatException error = catchThrowableOfType(X12FormatException.class, () -> read(x12));
        assertThat(error).as("an X12FormatException").isNotNull();
        return error;
    }
}
