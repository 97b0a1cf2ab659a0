package org.relayrcm.edi;

import static org.assertj.core.api.Assertions.assertThat;

import com.imsweb.x12.Loop;
import com.imsweb.x12.reader.X12Reader.FileType;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 277CA writer and its reader. */
class Ack277CaTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 16);

    private final ClaimAcknowledgement277Writer writer = new ClaimAcknowledgement277Writer(true);

    static ClaimAcknowledgement277Writer.Header header() {
        return new ClaimAcknowledgement277Writer.Header("HEALTHY PAYER INC", "HP123", "RELAY RCM CLINIC", "RELAY01",
                "1042", TODAY, TODAY);
    }

    static ClaimAcknowledgement277Writer.Claim accepted() {
        return new ClaimAcknowledgement277Writer.Claim(new ClaimAcknowledgement.ClaimResult("CLM0001", "SIM0000420001",
                List.of(new ClaimAcknowledgement.Status("A2", "20", null, TODAY, "WQ", null)), new BigDecimal("125")),
                "RIVERSIDE FAMILY PRACTICE", SampleClaims.BILLING_NPI, "DOE", "JANE", "XYZ123456789", SampleClaims.DOS,
                null);
    }

    static ClaimAcknowledgement277Writer.Claim rejected() {
        return new ClaimAcknowledgement277Writer.Claim(new ClaimAcknowledgement.ClaimResult("CLM0002", null,
                List.of(new ClaimAcknowledgement.Status("A7", "164", "IL", TODAY, "U", null),
                        new ClaimAcknowledgement.Status("A7", "21", null, TODAY, "U", null)),
                new BigDecimal("310.5")),
                "RIVERSIDE FAMILY PRACTICE", SampleClaims.BILLING_NPI, "ROE", "RICHARD", "BAD-1", SampleClaims.DOS,
                SampleClaims.DOS.plusDays(2));
    }

    private static List<ClaimAcknowledgement> read(String x12) {
        return new ClaimAcknowledgement277Reader().read(new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)))
                .acknowledgements();
    }

    @Test
    void writesWhatTheReaderReadsBackUnchanged() {
        String x12 = writer.writeToString(SampleClaims.envelope(7), header(), List.of(accepted(), rejected()));

        List<ClaimAcknowledgement> acks = read(x12);

        assertThat(acks).singleElement().satisfies(ack -> {
            assertThat(ack.senderId()).isEqualTo("RELAYRCM");
            assertThat(ack.claims()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("totalCharge")
                    .containsExactly(accepted().result(), rejected().result());
            assertThat(ack.claims()).extracting(ClaimAcknowledgement.ClaimResult::accepted).containsExactly(true, false);
            assertThat(ack.claims().get(1).totalCharge()).isEqualByComparingTo("310.50");
        });
    }

    @Test
    void writesTheHierarchyTheGuideAsksFor() {
        String x12 = writer.writeToString(SampleClaims.envelope(7), header(), List.of(accepted(), rejected()));

        assertThat(x12).contains("ST*277*0007*005010X214~", "BHT*0085*08*1042*20250315*0930*TH~", "HL*1**20*1~",
                "HL*2*1*21*1~", "TRN*2*1042~", "QTY*90*1~", "QTY*AA*1~", "AMT*YU*125~", "AMT*YY*310.5~",
                "HL*3*2*19*1~\nNM1*85*2*RIVERSIDE FAMILY PRACTICE*****XX*1234567893~\nTRN*1*0~\nSTC*A1:19:85**WQ*435.5~\n"
                        + "QTY*QA*1~\nQTY*QC*1~", "HL*4*3*PT~\nNM1*QC*1*DOE*JANE****MI*XYZ123456789~\nTRN*2*CLM0001~\n"
                        + "STC*A2:20*20250316*WQ*125~\nREF*1K*SIM0000420001~\nDTP*472*D8*20250314~",
                "HL*5*3*PT~", "STC*A7:164:IL*20250316*U*310.5~", "DTP*472*RD8*20250314-20250316~");
    }

    @Test
    void anIndependentParserReadsOurAcknowledgement() {
        String x12 = writer.writeToString(SampleClaims.envelope(7), header(), List.of(accepted(), rejected()));

        List<Loop> loops = X12Oracle.parseWithoutErrors(x12, FileType.ANSI837_5010_X214);

        Loop st = loops.get(0).getLoop("GS_LOOP").getLoop("ST_LOOP");
        assertThat(st.findLoop("2000D")).hasSize(2);
        assertThat(st.findLoop("2200D")).extracting(l -> l.getSegment("TRN").getElementValue("TRN02"))
                .containsExactly("CLM0001", "CLM0002");
    }

    @Test
    void ignoresServiceLineStatusesAndReadsSecondStatusesInStc10() {
        String x12 = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*RELAYRCM       *250316*1200*^*00501"
                + "*000000005*0*T*:~GS*HN*PAYER*RELAYRCM*20250316*1200*5*X*005010X214~ST*277*0001*005010X214~"
                + "BHT*0085*08*1*20250316*1200*TH~HL*1**20*1~NM1*PR*2*P*****PI*P1~TRN*1*1~DTP*050*D8*20250316~"
                + "DTP*009*D8*20250316~HL*2*1*21*1~NM1*41*2*R*****46*R1~TRN*2*1~STC*A1:19*20250316*WQ*50~"
                + "HL*3*2*19*1~NM1*85*2*B*****XX*1234567893~TRN*1*0~STC*A1:19*20250316*WQ*50~HL*4*3*PT~"
                + "NM1*QC*1*X*Y****MI*M1~TRN*2*CLM9~STC*A3:21*20250316*U*50*******A3:122~DTP*472*D8*20250301~"
                + "SVC*HC:99213*50~STC*A2:20*20250316~DTP*472*D8*20250301~SE*24*0001~GE*1*5~IEA*1*000000005~";

        ClaimAcknowledgement.ClaimResult claim = read(x12).get(0).claims().get(0);

        assertThat(claim.statuses()).extracting(s -> s.categoryCode() + ":" + s.statusCode())
                .containsExactly("A3:21", "A3:122");
        assertThat(claim.accepted()).isFalse();
    }
}
