package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.imsweb.x12.Loop;
import com.imsweb.x12.Segment;
import com.imsweb.x12.reader.X12Reader.FileType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Claim837IWriterTest {

    private final Claim837IWriter writer = new Claim837IWriter();

    static Stream<InstitutionalClaim> claims() {
        return Stream.of(SampleClaims.outpatientVisit(), SampleClaims.inpatientStay(),
                SampleClaims.outpatientReplacement());
    }

    @ParameterizedTest
    @MethodSource("claims")
    void writesAnInterchangeThatAnIndependentParserReadsBackWithEqualClaimLinesAndAmounts(InstitutionalClaim claim) {
        List<Loop> interchanges = X12Oracle.parseWithoutErrors(writer.writeToString(claim), FileType.ANSI837_5010_X223);

        assertThat(interchanges).hasSize(1);
        Loop isa = interchanges.get(0);
        assertThat(isa.getLoop("GS_LOOP").getSegment("GS").getElementValue("GS08")).isEqualTo("005010X223A2");
        List<Loop> claimLoops = isa.findLoop("2300");
        assertThat(claimLoops).hasSize(1);
        Segment clm = claimLoops.get(0).getSegment("CLM");
        assertThat(clm.getElementValue("CLM01")).isEqualTo(claim.claim().claimNumber());
        assertThat(new BigDecimal(clm.getElementValue("CLM02"))).isEqualByComparingTo(claim.claim().totalCharge());

        List<Loop> lines = isa.findLoop("2400");
        assertThat(lines).hasSize(claim.claim().lines().size());
        for (int i = 0; i < lines.size(); i++) {
            InstitutionalServiceLine expected = claim.claim().lines().get(i);
            Segment sv2 = lines.get(i).getSegment("SV2");
            assertThat(sv2.getElementValue("SV201")).as("revenue code of line " + (i + 1))
                    .isEqualTo(expected.revenueCode());
            assertThat(new BigDecimal(sv2.getElementValue("SV203"))).as("charge of line " + (i + 1))
                    .isEqualByComparingTo(expected.charge());
            assertThat(sv2.getElementValue("SV204")).isEqualTo("UN");
            assertThat(new BigDecimal(sv2.getElementValue("SV205"))).isEqualByComparingTo(expected.units());
            if (expected.procedureCode() == null) {
                assertThat(sv2.getElementValue("SV202")).as("revenue-only line has no procedure").isNullOrEmpty();
            } else {
                List<String> procedure = new java.util.ArrayList<>(List.of("HC", expected.procedureCode()));
                procedure.addAll(expected.modifiers());
                assertThat(sv2.getElement("SV202").getSubValues()).isEqualTo(procedure);
            }
        }
        BigDecimal lineSum = lines.stream().map(l -> new BigDecimal(l.getSegment("SV2").getElementValue("SV203")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lineSum).isEqualByComparingTo(new BigDecimal(clm.getElementValue("CLM02")));
    }

    @ParameterizedTest
    @MethodSource("claims")
    void writesAFileTheGuideValidatorAccepts(InstitutionalClaim claim) {
        byte[] file = writer.writeToString(claim).getBytes(StandardCharsets.UTF_8);

        assertThat(new ClaimFileValidator().validate(file)).isEmpty();
    }

    @Test
    void theOnlyOracleErrorItToleratesIsItsHiLimitationAndOnlyWhenThereIsASecondHi() throws Exception {
        String twoHi = writer.writeToString(SampleClaims.outpatientVisit());
        String oneHi = writer.writeToString(SampleClaims.outpatientReplacement());

        assertThat(new com.imsweb.x12.reader.X12Reader(FileType.ANSI837_5010_X223,
                new java.io.ByteArrayInputStream(twoHi.getBytes(StandardCharsets.UTF_8))).getErrors())
                .containsExactly(X12Oracle.X223_HI_LIMITATION);
        assertThat(new com.imsweb.x12.reader.X12Reader(FileType.ANSI837_5010_X223,
                new java.io.ByteArrayInputStream(oneHi.getBytes(StandardCharsets.UTF_8))).getErrors()).isEmpty();
    }

    @Test
    void writesTypeOfBillStatementPeriodAdmissionAndCl1() {
        Loop claim = X12Oracle.parseWithoutErrors(writer.writeToString(SampleClaims.inpatientStay()),
                FileType.ANSI837_5010_X223).get(0).findLoop("2300").get(0);

        Segment clm = claim.getSegment("CLM");
        assertThat(clm.getElement("CLM05").getSubValues()).containsExactly("11", "A", "1");
        assertThat(clm.getElementValue("CLM06")).as("not used on an 837I").isNullOrEmpty();
        assertThat(clm.getElementValue("CLM07")).isEqualTo("A");
        assertThat(clm.getElementValue("CLM08")).isEqualTo("Y");
        assertThat(clm.getElementValue("CLM09")).isEqualTo("Y");
        List<String> dates = claim.getSegments().stream().filter(s -> "DTP".equals(s.getId()))
                .map(d -> d.getElementValue("DTP01") + "*" + d.getElementValue("DTP02") + "*"
                        + d.getElementValue("DTP03"))
                .toList();
        assertThat(dates).containsExactly("434*RD8*20250311-20250314", "435*D8*20250311");
        Segment cl1 = claim.getSegment("CL1");
        assertThat(cl1.getElementValue("CL101")).isEqualTo("1");
        assertThat(cl1.getElementValue("CL102")).isEqualTo("7");
        assertThat(cl1.getElementValue("CL103")).isEqualTo("01");
    }

    @Test
    void writesThePrincipalDiagnosisAloneAndOtherDiagnosesTwelveToASegment() {
        String x12 = writer.writeToString(SampleClaims.inpatientStay());
        List<String> his = Claim837PWriterTest.segments(x12).stream().filter(s -> s.startsWith("HI*")).toList();

        assertThat(his).hasSize(3);
        assertThat(his.get(0)).isEqualTo("HI*ABK:J189");
        assertThat(his.get(1).split("\\*")).hasSize(13).allMatch(e -> e.equals("HI") || e.startsWith("ABF:"));
        assertThat(his.get(1)).startsWith("HI*ABF:E119*ABF:I10*");
        assertThat(his.get(2)).isEqualTo("HI*ABF:D649");
    }

    @Test
    void writesTheAttendingProviderWithItsTaxonomy() {
        Loop isa = X12Oracle.parseWithoutErrors(writer.writeToString(SampleClaims.outpatientVisit()),
                FileType.ANSI837_5010_X223).get(0);
        Loop attending = isa.findLoop("2310A").get(0);

        assertThat(attending.getSegment("NM1").getElementValue("NM101")).isEqualTo("71");
        assertThat(attending.getSegment("NM1").getElementValue("NM109")).isEqualTo(SampleClaims.ATTENDING_NPI);
        assertThat(attending.getSegment("PRV").getElementValue("PRV01")).isEqualTo("AT");
        assertThat(attending.getSegment("PRV").getElementValue("PRV03")).isEqualTo("207R00000X");
    }

    @Test
    void replacementCarriesFrequency7AndThePayerClaimControlNumber() {
        Loop claim = X12Oracle.parseWithoutErrors(writer.writeToString(SampleClaims.outpatientReplacement()),
                FileType.ANSI837_5010_X223).get(0).findLoop("2300").get(0);

        assertThat(claim.getSegment("CLM").getElement("CLM05").getSubValues()).containsExactly("13", "A", "7");
        assertThat(claim.getSegment("REF").getElementValue("REF01")).isEqualTo("F8");
        assertThat(claim.getSegment("REF").getElementValue("REF02")).isEqualTo("PCN-55501");
    }

    @Test
    void datesEveryLineDefaultingToTheStatementStart() {
        List<String> segments = Claim837PWriterTest.segments(writer.writeToString(SampleClaims.outpatientVisit()));

        assertThat(segments.stream().filter(s -> s.startsWith("DTP*472*")))
                .hasSize(3).allMatch(s -> s.equals("DTP*472*D8*20250314"));
    }

    @Test
    void refusesAFacilityTypeCodeThatIsNotTwoDigits() {
        assertThatThrownBy(() -> SampleClaims.institutional("X1", "131", ClaimFrequency.ORIGINAL, null,
                SampleClaims.DOS, SampleClaims.DOS, null, List.of("I10"), SampleClaims.revenueLine("0450", null, "1",
                        "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("facility type code");
    }

    @Test
    void refusesARevenueCodeThatIsNotFourDigits() {
        assertThatThrownBy(() -> SampleClaims.revenueLine("450", null, "1", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revenue code must be 4 digits");
    }

    @Test
    void refusesMoreThan25DiagnosesAndTotalsThatDifferFromTheLines() {
        List<String> many = Stream.iterate(10, i -> i + 1).limit(26).map(i -> "R" + i).toList();
        assertThatThrownBy(() -> SampleClaims.institutional("X1", "13", ClaimFrequency.ORIGINAL, null,
                SampleClaims.DOS, SampleClaims.DOS, null, many, SampleClaims.revenueLine("0450", null, "1", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 25 diagnoses");

        InstitutionalClaim ok = SampleClaims.outpatientVisit();
        InstitutionalClaimDetails c = ok.claim();
        assertThatThrownBy(() -> new InstitutionalClaimDetails(c.claimNumber(), new BigDecimal("1"),
                c.facilityTypeCode(), c.frequency(), null, c.statementFrom(), c.statementThrough(), null, "1", null,
                "01", c.diagnoses(), c.attendingProvider(), c.lines()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differs from the sum");
    }

    @Test
    void refusesAStatementPeriodThatEndsBeforeItStartsAndAVoidWithoutTheOriginalClaim() {
        LocalDate day = SampleClaims.DOS;
        assertThatThrownBy(() -> SampleClaims.institutional("X1", "13", ClaimFrequency.ORIGINAL, null, day,
                day.minusDays(1), null, List.of("I10"), SampleClaims.revenueLine("0450", null, "1", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statement period");
        assertThatThrownBy(() -> SampleClaims.institutional("X1", "13", ClaimFrequency.VOID, null, day, day, null,
                List.of("I10"), SampleClaims.revenueLine("0450", null, "1", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REF*F8");
    }

    @Test
    void refusesAnAttendingProviderWithABadNpi() {
        assertThatThrownBy(() -> new AttendingProvider("WELBY", "MARCUS", "1245319590", "207R00000X"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid NPI");
    }
}
