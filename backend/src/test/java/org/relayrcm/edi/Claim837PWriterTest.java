package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.imsweb.x12.Loop;
import com.imsweb.x12.Segment;
import com.imsweb.x12.reader.X12Reader.FileType;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Claim837PWriterTest {

    private final Claim837PWriter writer = new Claim837PWriter();

    static Stream<ProfessionalClaim> claims() {
        return Stream.of(SampleClaims.oneLine(), SampleClaims.fourLinesWithModifiers(), SampleClaims.replacement());
    }

    @ParameterizedTest
    @MethodSource("claims")
    void writesAnInterchangeThatAnIndependentParserReadsWithoutErrors(ProfessionalClaim claim) {
        List<Loop> interchanges = X12Oracle.parseWithoutErrors(writer.writeToString(claim), FileType.ANSI837_5010_X222);

        assertThat(interchanges).hasSize(1);
        Loop isa = interchanges.get(0);
        assertThat(isa.getSegment("ISA").getElementValue("ISA13")).isEqualTo("000000042");
        assertThat(isa.getSegment("ISA").getElementValue("ISA15")).isEqualTo("T");
        assertThat(isa.getLoop("GS_LOOP").getSegment("GS").getElementValue("GS08")).isEqualTo("005010X222A1");
        assertThat(isa.getLoop("GS_LOOP").getLoop("ST_LOOP").getSegment("ST").getElementValue("ST03"))
                .isEqualTo("005010X222A1");
    }

    @ParameterizedTest
    @MethodSource("claims")
    void countsSegmentsTransactionsAndGroupsInTheTrailers(ProfessionalClaim claim) {
        List<String> segments = segments(writer.writeToString(claim));
        int st = indexOf(segments, "ST*");
        int se = indexOf(segments, "SE*");

        assertThat(element(segments.get(se), 1)).isEqualTo(Integer.toString(se - st + 1));
        assertThat(element(segments.get(se), 2)).isEqualTo(element(segments.get(st), 2));
        assertThat(element(segments.get(indexOf(segments, "GE*")), 1)).isEqualTo("1");
        assertThat(element(segments.get(indexOf(segments, "IEA*")), 1)).isEqualTo("1");
        assertThat(segments.stream().filter(s -> s.startsWith("ST*")).count()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("claims")
    void buildsAValidHierarchicalLevelChain(ProfessionalClaim claim) {
        List<String> hls = segments(writer.writeToString(claim)).stream().filter(s -> s.startsWith("HL*")).toList();
        Set<String> seen = new HashSet<>();
        int expected = 1;
        for (String hl : hls) {
            assertThat(element(hl, 1)).as(hl).isEqualTo(Integer.toString(expected++));
            String parent = element(hl, 2);
            assertThat(parent.isEmpty() || seen.contains(parent)).as("parent of " + hl + " exists").isTrue();
            assertThat(element(hl, 3)).as(hl).isIn("20", "22");
            seen.add(element(hl, 1));
        }
        assertThat(hls).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("claims")
    void writesTheClaimNumberAndATotalEqualToTheSumOfTheLineCharges(ProfessionalClaim claim) {
        Loop isa = X12Oracle.parseWithoutErrors(writer.writeToString(claim), FileType.ANSI837_5010_X222).get(0);
        Segment clm = isa.findLoop("2300").get(0).getSegment("CLM");
        BigDecimal lineSum = isa.findLoop("2400").stream()
                .map(loop -> new BigDecimal(loop.getSegment("SV1").getElementValue("SV102")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(clm.getElementValue("CLM01")).isEqualTo(claim.claim().claimNumber());
        assertThat(new BigDecimal(clm.getElementValue("CLM02"))).isEqualByComparingTo(lineSum);
        assertThat(new BigDecimal(clm.getElementValue("CLM02"))).isEqualByComparingTo(claim.claim().totalCharge());
        assertThat(isa.findLoop("2400")).hasSize(claim.claim().lines().size());
    }

    @ParameterizedTest
    @MethodSource("claims")
    void writesOnlyNpisThatPassTheCheckDigit(ProfessionalClaim claim) {
        List<String> npis = segments(writer.writeToString(claim)).stream()
                .filter(s -> s.startsWith("NM1*") && "XX".equals(element(s, 8)))
                .map(s -> element(s, 9))
                .toList();

        assertThat(npis).isNotEmpty().allMatch(Npi::isValid);
    }

    @ParameterizedTest
    @MethodSource("claims")
    void producesAnEnvelopeThatStaediControlValidationAccepts(ProfessionalClaim claim) {
        byte[] bytes = writer.writeToString(claim).getBytes(StandardCharsets.UTF_8);
        List<String> tags = new ArrayList<>();
        try (X12SegmentReader reader = X12SegmentReader.open(new ByteArrayInputStream(bytes), "HC", "005010X222A1",
                w -> { })) {
            X12Segment segment;
            while ((segment = reader.next()) != null) {
                tags.add(segment.tag());
            }
        }
        assertThat(tags).startsWith("ISA", "GS", "ST", "BHT").endsWith("SE", "GE", "IEA");
    }

    @Test
    void writesModifiersPointersUnitsAndTrimsMoney() {
        Loop isa = X12Oracle.parseWithoutErrors(writer.writeToString(SampleClaims.fourLinesWithModifiers()),
                FileType.ANSI837_5010_X222).get(0);
        List<Loop> lines = isa.findLoop("2400");

        Segment third = lines.get(2).getSegment("SV1");
        assertThat(third.getElement("SV101").getSubValues()).containsExactly("HC", "20610", "RT", "59", "XS", "GA");
        assertThat(third.getElementValue("SV102")).isEqualTo("210");
        assertThat(third.getElementValue("SV103")).isEqualTo("UN");
        assertThat(third.getElementValue("SV104")).isEqualTo("2");
        assertThat(third.getElement("SV107").getSubValues()).containsExactly("5");
        assertThat(lines.get(2).getSegment("DTP").getElementValue("DTP03")).isEqualTo("20250313");
        assertThat(lines.get(0).getSegment("SV1").getElementValue("SV102")).isEqualTo("180.5");
        assertThat(lines.get(0).getSegment("SV1").getElement("SV107").getSubValues())
                .containsExactly("1", "2", "3", "4");
        assertThat(lines.get(1).getSegment("SV1").getElementValue("SV102")).isEqualTo("45.25");
        assertThat(lines.get(0).getSegment("DTP").getElementValue("DTP03")).isEqualTo("20250314");
    }

    @Test
    void writesDiagnosesWithoutTheDotPrincipalFirst() {
        Loop isa = X12Oracle.parseWithoutErrors(writer.writeToString(SampleClaims.fourLinesWithModifiers()),
                FileType.ANSI837_5010_X222).get(0);
        Segment hi = isa.findLoop("2300").get(0).getSegment("HI");

        assertThat(hi.getElement("HI01").getSubValues()).containsExactly("ABK", "E119");
        assertThat(hi.getElement("HI02").getSubValues()).containsExactly("ABF", "I10");
        assertThat(hi.getElement("HI05").getSubValues()).containsExactly("ABF", "M5450");
    }

    @Test
    void writesPlaceOfServiceAndFrequencyInClm05AndTheRenderingProvider() {
        Loop isa = X12Oracle.parseWithoutErrors(writer.writeToString(SampleClaims.fourLinesWithModifiers()),
                FileType.ANSI837_5010_X222).get(0);

        assertThat(isa.findLoop("2300").get(0).getSegment("CLM").getElement("CLM05").getSubValues())
                .containsExactly("11", "B", "1");
        assertThat(isa.findLoop("2310B").get(0).getSegment("NM1").getElementValue("NM109"))
                .isEqualTo(SampleClaims.RENDERING_NPI);
        assertThat(isa.findLoop("2300").get(0).getSegment("REF")).isNull();
    }

    @Test
    void replacementClaimCarriesFrequency7AndThePayerClaimControlNumber() {
        Loop isa = X12Oracle.parseWithoutErrors(writer.writeToString(SampleClaims.replacement()),
                FileType.ANSI837_5010_X222).get(0);
        Loop claim = isa.findLoop("2300").get(0);

        assertThat(claim.getSegment("CLM").getElement("CLM05").getSubValues()).containsExactly("11", "B", "7");
        assertThat(claim.getSegment("REF").getElementValue("REF01")).isEqualTo("F8");
        assertThat(claim.getSegment("REF").getElementValue("REF02")).isEqualTo("PAYERCCN987654");
    }

    @Test
    void writesBillingProviderSubscriberAndPayerLoops() {
        Loop isa = X12Oracle.parseWithoutErrors(writer.writeToString(SampleClaims.oneLine()),
                FileType.ANSI837_5010_X222).get(0);

        assertThat(isa.findLoop("2000A").get(0).getSegment("PRV").getElementValue("PRV03")).isEqualTo("207Q00000X");
        Loop billing = isa.findLoop("2010AA").get(0);
        assertThat(billing.getSegment("NM1").getElementValue("NM109")).isEqualTo(SampleClaims.BILLING_NPI);
        assertThat(billing.getSegment("REF").getElementValue("REF02")).isEqualTo("123456789");
        assertThat(isa.findLoop("2000B").get(0).getSegment("SBR").getElementValue("SBR02")).isEqualTo("18");
        Loop subscriber = isa.findLoop("2010BA").get(0);
        assertThat(subscriber.getSegment("NM1").getElementValue("NM108")).isEqualTo("MI");
        assertThat(subscriber.getSegment("NM1").getElementValue("NM109")).isEqualTo("XYZ123456789");
        assertThat(subscriber.getSegment("DMG").getElementValue("DMG02")).isEqualTo("19800701");
        assertThat(subscriber.getSegment("DMG").getElementValue("DMG03")).isEqualTo("F");
        Loop payer = isa.findLoop("2010BB").get(0);
        assertThat(payer.getSegment("NM1").getElementValue("NM108")).isEqualTo("PI");
        assertThat(payer.getSegment("NM1").getElementValue("NM109")).isEqualTo("HP123");
    }

    @Test
    void canWriteEverythingOnOneLine() {
        String x12 = new Claim837PWriter(false).writeToString(SampleClaims.oneLine());

        assertThat(x12).doesNotContain("\n").startsWith("ISA*00*").contains("~GS*HC*").endsWith("~");
        X12Oracle.parseWithoutErrors(x12, FileType.ANSI837_5010_X222);
    }

    @Test
    void putsOneSegmentPerLineByDefault() {
        String x12 = writer.writeToString(SampleClaims.oneLine());

        assertThat(x12.lines()).allMatch(line -> line.endsWith("~"));
        assertThat(x12.lines().count()).isEqualTo(segments(x12).size());
    }

    @Test
    void removesDelimiterCharactersAndAccentsTypedIntoNames() {
        ProfessionalClaim claim = SampleClaims.oneLine();
        Subscriber typo = new Subscriber("O*BRIEN~", "JOSÉ:", "XYZ123456789", claim.subscriber().birthDate(),
                Sex.FEMALE, claim.subscriber().address());
        ProfessionalClaim withTypo = new ProfessionalClaim(claim.envelope(), claim.submitter(), claim.receiver(),
                claim.billingProvider(), typo, claim.payer(), claim.claim());

        Loop isa = X12Oracle.parseWithoutErrors(writer.writeToString(withTypo), FileType.ANSI837_5010_X222).get(0);
        Segment nm1 = isa.findLoop("2010BA").get(0).getSegment("NM1");
        assertThat(nm1.getElementValue("NM103")).isEqualTo("O BRIEN");
        assertThat(nm1.getElementValue("NM104")).isEqualTo("JOSE");
    }

    @Test
    void refusesAReplacementWithoutThePayerClaimControlNumber() {
        assertThatThrownBy(() -> SampleClaims.claim("CLM9", ClaimFrequency.REPLACEMENT, null, List.of("J06.9"), null,
                SampleClaims.line("99213", "100", List.of(), List.of(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REF*F8");
    }

    @Test
    void refusesAClaimNumberLongerThan20Characters() {
        assertThatThrownBy(() -> SampleClaims.claim("X".repeat(21), ClaimFrequency.ORIGINAL, null, List.of("J06.9"),
                null, SampleClaims.line("99213", "100", List.of(), List.of(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20 characters");
    }

    @Test
    void refusesAPointerToADiagnosisTheClaimDoesNotHave() {
        assertThatThrownBy(() -> SampleClaims.claim("CLM9", ClaimFrequency.ORIGINAL, null, List.of("J06.9"), null,
                SampleClaims.line("99213", "100", List.of(), List.of(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points to diagnosis 2");
    }

    @Test
    void refusesABillingProviderWithAnInvalidNpi() {
        assertThatThrownBy(() -> new BillingProvider("X", "1234567890", "123456789", "207Q00000X",
                new Address("1 A ST", "B", "IL", "62701")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid NPI");
    }

    @Test
    void refusesATotalThatDiffersFromTheLines() {
        ServiceLine line = SampleClaims.line("99213", "100", List.of(), List.of(1));
        assertThatThrownBy(() -> new ClaimDetails("CLM9", new BigDecimal("99.99"), "11", ClaimFrequency.ORIGINAL, null,
                SampleClaims.DOS, List.of("J06.9"), List.of(line), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differs from the sum");
    }

    static List<String> segments(String x12) {
        return Stream.of(x12.split("~")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int indexOf(List<String> segments, String prefix) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no segment starting with " + prefix);
    }

    static String element(String segment, int position) {
        String[] elements = segment.split("\\*", -1);
        return position < elements.length ? elements[position] : "";
    }
}
