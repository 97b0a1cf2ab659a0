package org.relayrcm.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.relayrcm.denials.DenialRoute;
import org.relayrcm.denials.DeniedItem;
import org.relayrcm.edi.Adjustment;
import org.relayrcm.edi.ClaimPayment;
import org.relayrcm.edi.ProviderAdjustment;
import org.relayrcm.edi.RemittanceAdvice;
import org.relayrcm.edi.ServicePayment;

class RemittancePostingRulesTest {

    /** CO-45 is contractual, PR-1 the patient's deductible, anything else a denial someone must work. */
    private static final PostingRules.Routing ROUTING = (group, reason, remarks) -> switch (group + "-" + reason) {
        case "CO-45" -> DenialRoute.CONTRACTUAL;
        case "PR-1", "PR-2" -> DenialRoute.PATIENT_RESPONSIBILITY;
        case "CO-4" -> DenialRoute.RECODE;
        default -> DenialRoute.WORK_DENIAL;
    };

    @Test
    void aClaimBalancesWhenChargeLessPaymentIsEveryClaimAndLineAdjustment() {
        ClaimPayment clp = claim("1", "310", "200", "30", List.of(cas("PR", "1", "30")),
                line("99213", "135", "100", cas("CO", "45", "35")), line("20610", "175", "100", cas("CO", "45", "45")));

        assertThat(PostingRules.claimImbalance(clp)).isEmpty();
    }

    @Test
    void namesChargePaymentAdjustmentsAndDifferenceOfAClaimOutOfBalance() {
        ClaimPayment clp = claim("4", "999.99", "0", null, List.of(),
                line("99999", "999.99", "0", cas("CO", "24", "999.99")), line("90716", "99.99", "0", cas("CO", "24", "99.99")));

        PostingRules.Imbalance imbalance = PostingRules.claimImbalance(clp).orElseThrow();

        assertThat(imbalance.differenceCents()).isEqualTo(-9999);
        assertThat(imbalance.message()).contains("claim RC0000001001").contains("charge $999.99")
                .contains("payment $0.00").contains("adjustments (CAS) total $1099.98")
                .contains("difference of -$99.99").contains("Nothing was posted");
    }

    @Test
    void aPaymentBalancesWhenItIsTheClaimPaymentsLessProviderAdjustments() {
        RemittanceAdvice advice = advice("230.00", List.of(claim("1", "310", "248", null, List.of(),
                line("99213", "310", "248", cas("CO", "45", "62")))), plb("WO", "18.00"));

        assertThat(PostingRules.paymentImbalance(advice)).isEmpty();
    }

    @Test
    void namesTheTraceAndAmountsOfAPaymentOutOfBalance() {
        RemittanceAdvice advice = advice("999.99", List.of(claim("1", "999.99", "99.99", null, List.of(),
                line("99999", "999.99", "99.99", cas("CO", "45", "900")))), plb("L6", "-1.00"));

        PostingRules.Imbalance imbalance = PostingRules.paymentImbalance(advice).orElseThrow();

        assertThat(imbalance.amountCents()).isEqualTo(99999);
        assertThat(imbalance.differenceCents()).isEqualTo(99999 - 10099);
        assertThat(imbalance.message()).contains("BPR02").contains("$999.99").contains("trace number TRACE1")
                .contains("claim payments $99.99").contains("(PLB) -$1.00").contains("make $100.99");
    }

    @Test
    void takesThePatientShareFromClp05AndFromThePrAdjustmentsWhenItIsMissing() {
        ClaimPayment stated = claim("1", "100", "60", "25", List.of(), line("99213", "100", "60",
                cas("PR", "2", "20"), cas("CO", "45", "20")));
        ClaimPayment missing = claim("1", "100", "60", null, List.of(), line("99213", "100", "60",
                cas("PR", "2", "20"), cas("CO", "45", "20")));

        assertThat(PostingRules.patientShareCents(stated)).isEqualTo(2500);
        assertThat(PostingRules.patientShareCents(missing)).isEqualTo(2000);
        assertThat(PostingRules.contractualCents(missing)).isEqualTo(2000);
    }

    @Test
    void readsClp02AsPaidForwardedDeniedReversalOrUnsupported() {
        assertThat(Arrays.asList("1", "2", "3", "19", "20", "21", "4", "22", "23", "25"))
                .extracting(code -> PostingRules.status(claim(code, "0", "0", null, List.of())))
                .containsExactly(PostingRules.Status.PAID, PostingRules.Status.PAID, PostingRules.Status.PAID,
                        PostingRules.Status.PAID, PostingRules.Status.PAID, PostingRules.Status.PAID,
                        PostingRules.Status.DENIED, PostingRules.Status.REVERSAL, PostingRules.Status.UNSUPPORTED,
                        PostingRules.Status.UNSUPPORTED);
        assertThat(PostingRules.forwarded(claim("19", "0", "0", null, List.of()))).isTrue();
        assertThat(PostingRules.forwarded(claim("1", "0", "0", null, List.of()))).isFalse();
    }

    @Test
    void sendsEveryAdjustmentOfADeniedClaimToDenialWorkWithItsRemarks() {
        ClaimPayment clp = new ClaimPayment("RC0000001001", "4", new BigDecimal("300"), BigDecimal.ZERO, null, "CI",
                "ICN1", null, null, List.of(cas("OA", "23", "100")), List.of("MA130"),
                List.of(line("99213", "200", "0", List.of("N14"), cas("CO", "4", "150"), cas("CO", "45", "50"))));

        List<DeniedItem> items = PostingRules.deniedItems(clp, List.of(1), ROUTING);

        assertThat(items).containsExactly(
                new DeniedItem(null, "OA", "23", List.of("MA130"), 10000),
                new DeniedItem(1, "CO", "4", List.of("N14"), 15000),
                new DeniedItem(1, "CO", "45", List.of("N14"), 5000));
    }

    @Test
    void sendsOnlyTheUnpaidLineOfAPaidClaimWhoseAdjustmentIsADenial() {
        ClaimPayment clp = claim("1", "300", "80", null, List.of(),
                line("99213", "100", "80", cas("CO", "45", "20")),
                line("97110", "150", "0", cas("CO", "4", "150")),
                line("36415", "50", "0", cas("CO", "45", "50")));

        List<DeniedItem> items = PostingRules.deniedItems(clp, Arrays.asList(1, 2, null), ROUTING);

        assertThat(items).containsExactly(new DeniedItem(2, "CO", "4", List.of(), 15000));
    }

    @Test
    void sendsNothingForAPaidClaimWhoseUnpaidLinesAreContractualOrThePatients() {
        ClaimPayment clp = claim("1", "200", "0", "100", List.of(),
                line("99213", "100", "0", cas("PR", "1", "100")), line("36415", "100", "0", cas("CO", "45", "100")));

        assertThat(PostingRules.deniedItems(clp, List.of(1, 2), ROUTING)).isEmpty();
    }

    @Test
    void sendsTheClaimLevelDenialOfAClaimAnsweredWithoutLines() {
        ClaimPayment clp = claim("1", "200", "0", null, List.of(cas("CO", "50", "200")));

        assertThat(PostingRules.deniedItems(clp, List.of(), ROUTING))
                .containsExactly(new DeniedItem(null, "CO", "50", List.of(), 20000));
    }

    @Test
    void writesNegativeAmountsWithTheSignBeforeTheDollar() {
        assertThat(PostingRules.dollars(-9999)).isEqualTo("-$99.99");
        assertThat(PostingRules.dollars(5)).isEqualTo("$0.05");
    }

    static ClaimPayment claim(String status, String charge, String paid, String patientShare,
            List<Adjustment> adjustments, ServicePayment... lines) {
        return new ClaimPayment("RC0000001001", status, new BigDecimal(charge), new BigDecimal(paid),
                patientShare == null ? null : new BigDecimal(patientShare), "CI", "ICN1", null, null, adjustments,
                List.of(), List.of(lines));
    }

    static ServicePayment line(String code, String charge, String paid, Adjustment... adjustments) {
        return line(code, charge, paid, List.of(), adjustments);
    }

    static ServicePayment line(String code, String charge, String paid, List<String> remarks, Adjustment... adjustments) {
        return new ServicePayment("HC", code, List.of(), new BigDecimal(charge), new BigDecimal(paid), BigDecimal.ONE,
                null, null, List.of(adjustments), remarks);
    }

    static Adjustment cas(String group, String reason, String amount) {
        return new Adjustment(group, reason, new BigDecimal(amount), null);
    }

    private static RemittanceAdvice advice(String payment, List<ClaimPayment> claims, ProviderAdjustment... plb) {
        return new RemittanceAdvice(null, "I", new BigDecimal(payment), "C", "CHK", null, "TRACE1", "1999999999", null,
                null, null, claims, List.of(plb));
    }

    private static ProviderAdjustment plb(String reason, String amount) {
        return new ProviderAdjustment("1234567893", null, reason, null, new BigDecimal(amount));
    }
}
