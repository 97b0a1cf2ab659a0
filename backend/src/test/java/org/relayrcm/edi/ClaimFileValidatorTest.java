package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClaimFileValidatorTest {

    private final ClaimFileValidator validator = new ClaimFileValidator();

    static Stream<ProfessionalClaim> professionalClaims() {
        return Stream.of(SampleClaims.oneLine(), SampleClaims.fourLinesWithModifiers(), SampleClaims.replacement());
    }

    @ParameterizedTest
    @MethodSource("professionalClaims")
    void acceptsWhatThe837PWriterWrites(ProfessionalClaim claim) {
        assertThat(validator.validate(bytes(new Claim837PWriter().writeToString(claim)))).isEmpty();
        assertThat(validator.validate(bytes(new Claim837PWriter(false).writeToString(claim)))).isEmpty();
    }

    @Test
    void acceptsTheX222A2AndX223A3Versions() {
        String p = new Claim837PWriter().writeToString(SampleClaims.oneLine()).replace("005010X222A1", "005010X222A2");
        String i = new Claim837IWriter().writeToString(SampleClaims.outpatientVisit())
                .replace("005010X223A2", "005010X223A3");

        assertThat(validator.validate(bytes(p))).isEmpty();
        assertThat(validator.validate(bytes(i))).isEmpty();
    }

    @Test
    void reportsAWrongSegmentCountAtTheSe() {
        String file = new Claim837PWriter().writeToString(SampleClaims.oneLine()).replaceFirst("\nSE\\*\\d+\\*",
                "\nSE*99*");

        X12Error error = single(validator.validate(bytes(file)));

        assertThat(error.segmentId()).isEqualTo("SE");
        assertThat(error.code()).isEqualTo("IK502:4");
        assertThat(error.reference()).isEqualTo("SE01");
        assertThat(error.transactionControlNumber()).isEqualTo("0042");
        assertThat(error.message()).contains("'99'").contains("segments from ST to SE");
    }

    @Test
    void reportsMismatchedControlNumbersInTheTrailers() {
        String file = new Claim837PWriter().writeToString(SampleClaims.oneLine())
                .replaceFirst("\nGE\\*1\\*1042~", "\nGE*1*1043~")
                .replaceFirst("IEA\\*1\\*000000042", "IEA*2*000000042");

        List<X12Error> errors = validator.validate(bytes(file));

        assertThat(errors).extracting(X12Error::segmentId, X12Error::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GE", "AK905:4"),
                org.assertj.core.groups.Tuple.tuple("IEA", "TA105:021"));
    }

    @Test
    void namesTheSegmentLoopAndElementOfAGuideBreach() {
        // a place of service code set other than B in CLM05-2 of an 837P
        String file = new Claim837PWriter().writeToString(SampleClaims.oneLine()).replace("*11:B:1*", "*11:X:1*");

        X12Error error = single(validator.validate(bytes(file)));

        assertThat(error.segmentId()).isEqualTo("CLM");
        assertThat(error.loop()).isEqualTo("2300");
        assertThat(error.reference()).isEqualTo("CLM05-2");
        assertThat(error.code()).isEqualTo("IK403:I6");
        assertThat(error.segmentPosition()).isEqualTo(19);
        assertThat(error.fileSegmentNumber()).isEqualTo(21);
        assertThat(error.message()).contains("'X'");
    }

    @Test
    void reportsAMissingRequiredSegmentAndAMissingRequiredLoop() {
        String claim = new Claim837IWriter().writeToString(SampleClaims.outpatientReplacement());
        String withoutStreet = adjustSegmentCount(claim.replace("N3*500 HOSPITAL DR~\n", ""), -1);
        String withoutStatementDates = adjustSegmentCount(claim.replaceAll("DTP\\*434\\*[^~]*~\n", ""), -1);
        String withoutLines = adjustSegmentCount(claim.replaceAll("(LX|SV2|DTP\\*472)\\*[^~]*~\n", ""), -3);

        assertThat(validator.validate(bytes(withoutStreet))).extracting(X12Error::segmentId, X12Error::loop,
                X12Error::code).containsExactly(org.assertj.core.groups.Tuple.tuple("N3", "2010AA", "IK304:I8"));
        assertThat(validator.validate(bytes(withoutStatementDates))).extracting(X12Error::segmentId,
                X12Error::code).contains(org.assertj.core.groups.Tuple.tuple("DTP", "IK304:I8"));
        assertThat(validator.validate(bytes(withoutLines))).extracting(X12Error::segmentId, X12Error::loop,
                X12Error::code).containsExactly(org.assertj.core.groups.Tuple.tuple("LX", "2400", "IK304:I7"));
    }

    @Test
    void reportsAnInstitutionalClaimCodedAsProfessional() {
        String file = new Claim837IWriter().writeToString(SampleClaims.outpatientVisit()).replace("*13:A:1*",
                "*13:B:1*");

        assertThat(single(validator.validate(bytes(file))).reference()).isEqualTo("CLM05-2");
    }

    @Test
    void reportsAHierarchyWhoseParentDoesNotExistAndASubscriberWithoutAClaim() {
        String file = new Claim837PWriter().writeToString(SampleClaims.oneLine()).replace("HL*2*1*22*0", "HL*2*5*22*0");
        String noClaim = new Claim837PWriter().writeToString(SampleClaims.oneLine());
        noClaim = adjustSegmentCount(noClaim.substring(0, noClaim.indexOf("CLM*")) + noClaim.substring(
                noClaim.indexOf("\nSE*") + 1), -(int) noClaim.substring(noClaim.indexOf("CLM*"),
                noClaim.indexOf("\nSE*") + 1).lines().count());

        assertThat(single(validator.validate(bytes(file))).reference()).isEqualTo("HL02");
        X12Error missing = single(validator.validate(bytes(noClaim)));
        assertThat(missing.loop()).isEqualTo("2300");
        assertThat(missing.segmentId()).isEqualTo("CLM");
    }

    @Test
    void reportsAnUnsupportedVersionOnceAndStillChecksTheEnvelope() {
        String file = new Claim837PWriter().writeToString(SampleClaims.oneLine()).replace("005010X222A1",
                "004010X098A1").replaceFirst("\nSE\\*\\d+\\*", "\nSE*3*");

        List<X12Error> errors = validator.validate(bytes(file));

        // (a 4010 ST has no ST03, which StAEDI's control schema reports as well: IK403:3)
        assertThat(errors).extracting(X12Error::code).startsWith("AK905:2").endsWith("IK502:4")
                .doesNotContain("IK403:I6", "IK304:I4");
    }

    @Test
    void refusesWhatIsNotAnInterchangeAndATruncatedFile() {
        String file = new Claim837PWriter().writeToString(SampleClaims.oneLine());

        assertThat(single(validator.validate(bytes("{\"claim\": 1}"))).code()).isEqualTo("TA105:024");
        assertThat(single(validator.validate(bytes(""))).message()).contains("empty");
        assertThat(single(validator.validate(bytes(file.substring(0, file.indexOf("SV1*"))))).message())
                .contains("truncated");
    }

    @Test
    void readsAByteOrderMarkAndCarriageReturnsLikeAPayerTranslator() {
        String file = "\uFEFF"
                + new Claim837IWriter().writeToString(SampleClaims.inpatientStay()).replace("\n", "\r\n");

        assertThat(validator.validate(bytes(file))).isEmpty();
    }

    @Test
    void neverQuotesTheValueOfANameOrMemberIdInItsMessages() {
        // a member id longer than the guide allows must be reported without echoing it
        String longId = "SECRET" + "9".repeat(80);
        String file = new Claim837PWriter().writeToString(SampleClaims.oneLine()).replace("XYZ123456789", longId);

        X12Error error = single(validator.validate(bytes(file)));

        assertThat(error.reference()).isEqualTo("NM109");
        assertThat(error.message()).doesNotContain("SECRET");
    }

    @Test
    void isFastEnoughToRunBeforeEverySend() {
        byte[] file = bytes(new Claim837PWriter().writeToString(SampleClaims.fourLinesWithModifiers()));
        validator.validate(file); // loads the schemas once

        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            assertThat(validator.validate(file)).isEmpty();
        }
        long perFileMicros = (System.nanoTime() - start) / 200 / 1000;

        // a generous bound for a shared 2-core machine; measured well under 5 ms per claim file
        assertThat(perFileMicros).isLessThan(50_000);
    }

    private static X12Error single(List<X12Error> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private static String adjustSegmentCount(String file, int delta) {
        int start = file.indexOf("\nSE*") + 4;
        int end = file.indexOf('*', start);
        return file.substring(0, start) + (Integer.parseInt(file.substring(start, end)) + delta) + file.substring(end);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
