package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Claim837IReaderTest {

    private final Claim837IWriter writer = new Claim837IWriter();
    private final Claim837IReader reader = new Claim837IReader();

    static Stream<InstitutionalClaim> claims() {
        return Stream.of(SampleClaims.outpatientVisit(), SampleClaims.inpatientStay(),
                SampleClaims.outpatientReplacement());
    }

    @ParameterizedTest
    @MethodSource("claims")
    void readsBackWhatTheWriterWrote(InstitutionalClaim claim) {
        assertThat(reader.read(in(writer.writeToString(claim)))).containsExactly(asWritten(claim));
    }

    @Test
    void readsEveryInstitutionalField() {
        InstitutionalClaim read = reader.read(in(writer.writeToString(SampleClaims.inpatientStay()))).get(0);

        InstitutionalClaimDetails c = read.claim();
        assertThat(c.facilityTypeCode()).isEqualTo("11");
        assertThat(c.statementFrom()).isEqualTo(SampleClaims.DOS.minusDays(3));
        assertThat(c.statementThrough()).isEqualTo(SampleClaims.DOS);
        assertThat(c.admissionDate()).isEqualTo(SampleClaims.DOS.minusDays(3));
        assertThat(List.of(c.admissionTypeCode(), c.admissionSourceCode(), c.patientStatusCode()))
                .containsExactly("1", "7", "01");
        assertThat(c.diagnoses()).hasSize(14).startsWith("J18.9", "E11.9").endsWith("D64.9");
        assertThat(c.attendingProvider()).isEqualTo(new AttendingProvider("WELBY", "MARCUS",
                SampleClaims.ATTENDING_NPI, "207R00000X"));
        assertThat(c.lines()).extracting(InstitutionalServiceLine::revenueCode).containsExactly("0120", "0300", "0636");
        assertThat(c.lines().get(0).procedureCode()).isNull();
        assertThat(c.lines().get(2).modifiers()).containsExactly("JZ");
        assertThat(c.totalCharge()).isEqualByComparingTo("3707.40");
    }

    @Test
    void refusesAProfessionalClaimNamingTheSt() {
        String file = new Claim837PWriter().writeToString(SampleClaims.oneLine());

        assertThatThrownBy(() -> reader.read(in(file))).isInstanceOf(X12FormatException.class)
                .hasMessageContaining("005010X222A1").hasMessageContaining("professional")
                .extracting(e -> ((X12FormatException) e).segmentId()).isEqualTo("ST");
    }

    @Test
    void refusesAWrongSegmentCountNamingTheSe() {
        String file = writer.writeToString(SampleClaims.outpatientVisit()).replaceFirst("\nSE\\*\\d+\\*", "\nSE*5*");

        assertThatThrownBy(() -> reader.read(in(file))).isInstanceOf(X12FormatException.class)
                .hasMessageContaining("SE01").extracting(e -> ((X12FormatException) e).segmentId()).isEqualTo("SE");
    }

    @Test
    void refusesAGuideBreachTheReaderItselfWouldNotNoticeNamingTheSegment() {
        // NM102 of the receiver must be 2 (an organization) in both guides; the reader does not look at it
        String file = writer.writeToString(SampleClaims.outpatientVisit()).replace("NM1*40*2*", "NM1*40*1*");

        assertThatThrownBy(() -> reader.read(in(file))).isInstanceOf(X12FormatException.class)
                .hasMessageContaining("implementation guide").hasMessageContaining("1000B")
                .hasMessageContaining("IK403:I6")
                .extracting(e -> ((X12FormatException) e).segmentId(), e -> ((X12FormatException) e).segmentNumber())
                .containsExactly("NM1", 7);
    }

    @Test
    void refusesAPatientWhoIsNotTheSubscriber() {
        String file = writer.writeToString(SampleClaims.outpatientVisit()).replace("SBR*P*18*", "SBR*P*01*");

        assertThatThrownBy(() -> reader.read(in(file))).isInstanceOf(X12FormatException.class)
                .hasMessageContaining("SBR02").hasMessageContaining("not the subscriber");
    }

    @Test
    void refusesIcd9DiagnosesAndDrgs() {
        String icd9 = writer.writeToString(SampleClaims.outpatientReplacement())
                .replace("HI*ABK:S52501A", "HI*BK:8130");
        String drg = writer.writeToString(SampleClaims.outpatientReplacement())
                .replace("HI*ABK:S52501A~", "HI*ABK:S52501A~\nHI*DR:470~");

        assertThatThrownBy(() -> reader.read(in(icd9))).isInstanceOf(X12FormatException.class)
                .hasMessageContaining("ICD-9");
        assertThatThrownBy(() -> reader.read(in(adjustSegmentCount(drg, 1)))).isInstanceOf(X12FormatException.class)
                .hasMessageContaining("DRG");
    }

    @Test
    void refusesAClaimWithoutItsAttendingProviderNamingTheClaim() {
        String file = writer.writeToString(SampleClaims.outpatientReplacement());
        String withoutAttending = adjustSegmentCount(file.replaceAll("NM1\\*71\\*[^~]*~\n", "")
                .replaceAll("PRV\\*AT\\*[^~]*~\n", ""), -2);

        assertThatThrownBy(() -> reader.read(in(withoutAttending))).isInstanceOf(X12FormatException.class)
                .hasMessageContaining("attending provider (loop 2310A")
                .extracting(e -> ((X12FormatException) e).segmentId()).isEqualTo("CLM");
    }

    /** The claim as the file carries it: money with cents, every line with its date, F8 only when it applies. */
    static InstitutionalClaim asWritten(InstitutionalClaim claim) {
        InstitutionalClaimDetails c = claim.claim();
        List<InstitutionalServiceLine> lines = c.lines().stream().map(l -> new InstitutionalServiceLine(
                l.revenueCode(), l.procedureCode(), l.modifiers(), cents(l.charge()),
                new BigDecimal(X12Values.decimal(l.units())),
                l.serviceDate() != null ? l.serviceDate() : c.statementFrom())).toList();
        Submitter s = claim.submitter();
        return new InstitutionalClaim(claim.envelope(),
                new Submitter(s.name(), s.id(), s.contactName(), s.phone() == null ? null
                        : s.phone().replaceAll("\\D", ""), s.email()),
                claim.receiver(), claim.billingProvider(), claim.subscriber(), claim.payer(),
                new InstitutionalClaimDetails(c.claimNumber(), cents(c.totalCharge()), c.facilityTypeCode(),
                        c.frequency(), c.frequency().refersToPriorClaim() ? c.payerClaimControlNumber() : null,
                        c.statementFrom(), c.statementThrough(), c.admissionDate(), c.admissionTypeCode(),
                        c.admissionSourceCode(), c.patientStatusCode(),
                        c.diagnoses().stream().map(d -> d.contains(".") || d.length() <= 3 ? d
                                : d.substring(0, 3) + "." + d.substring(3)).toList(),
                        c.attendingProvider(), lines));
    }

    private static BigDecimal cents(BigDecimal value) {
        BigDecimal written = new BigDecimal(X12Values.decimal(value));
        return written.scale() < 2 ? written.setScale(2) : written;
    }

    private static String adjustSegmentCount(String file, int delta) {
        int start = file.indexOf("\nSE*") + 4;
        int end = file.indexOf('*', start);
        return file.substring(0, start) + (Integer.parseInt(file.substring(start, end)) + delta) + file.substring(end);
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
