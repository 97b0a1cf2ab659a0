package org.relayrcm.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.relayrcm.edi.ServicePayment;
import org.relayrcm.remittance.LineMatcher.OurLine;

class RemittanceLineMatcherTest {

    private static final List<OurLine> OURS = List.of(new OurLine(1, "99213"), new OurLine(2, "20610"),
            new OurLine(3, "36415"));

    @Test
    void matchesEachServiceToOurLineAtTheSamePositionWithTheSameCode() {
        assertThat(LineMatcher.match(List.of(svc("99213", null), svc("20610", null), svc("36415", null)), OURS))
                .containsExactly(1, 2, 3);
    }

    @Test
    void trustsTheLineControlNumberOverThePayersOrder() {
        assertThat(LineMatcher.match(List.of(svc("36415", "0003"), svc("99213", "1")), OURS)).containsExactly(3, 1);
    }

    @Test
    void findsALineByItsCodeWhenThePayerDroppedOneBeforeIt() {
        assertThat(LineMatcher.match(List.of(svc("99213", null), svc("36415", null)), OURS)).containsExactly(1, 3);
    }

    @Test
    void matchesAServicePaidUnderAnotherCodeByTheCodeWeBilled() {
        ServicePayment recoded = new ServicePayment("HC", "99212", List.of(), BigDecimal.TEN, BigDecimal.ONE, null,
                null, null, List.of(), List.of(), null, "99213");

        assertThat(LineMatcher.match(List.of(recoded), OURS)).containsExactly(1);
    }

    @Test
    void leavesAServiceWeNeverBilledUnmatchedAndNeverUsesALineTwice() {
        assertThat(LineMatcher.match(List.of(svc("99213", null), svc("99213", null), svc("J1100", "9")), OURS))
                .containsExactly(1, null, null);
    }

    @Test
    void ignoresALineControlNumberThatIsNotOneOfOurLineNumbers() {
        assertThat(LineMatcher.match(List.of(svc("99213", "999X999999999999999999")), OURS)).containsExactly(1);
    }

    private static ServicePayment svc(String code, String lineControl) {
        return new ServicePayment("HC", code, List.of(), BigDecimal.TEN, BigDecimal.ONE, null, null, lineControl,
                List.of(), List.of());
    }
}
