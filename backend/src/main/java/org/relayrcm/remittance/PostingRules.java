package org.relayrcm.remittance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.relayrcm.denials.DenialRoute;
import org.relayrcm.denials.DeniedItem;
import org.relayrcm.edi.Adjustment;
import org.relayrcm.edi.ClaimPayment;
import org.relayrcm.edi.RemittanceAdvice;
import org.relayrcm.edi.ServicePayment;
import org.relayrcm.shared.Money;

/**
 * The arithmetic and code tables of payment posting, free of the database so each rule can be tested alone. Amounts
 * are whole cents: the reader refuses fractions of a cent, so the conversion here never rounds.
 */
final class PostingRules {

    /** CLP02 1, 2, 3: processed as primary, secondary, tertiary. */
    private static final Set<String> PAID = Set.of("1", "2", "3");
    /** CLP02 19, 20, 21: processed and forwarded to the next payer, who owes the patient's share now. */
    private static final Set<String> FORWARDED = Set.of("19", "20", "21");
    private static final String DENIED = "4";
    private static final String REVERSAL = "22";

    private PostingRules() {
    }

    enum Status { PAID, DENIED, REVERSAL, UNSUPPORTED }

    static Status status(ClaimPayment clp) {
        String code = clp.statusCode();
        if (PAID.contains(code) || FORWARDED.contains(code)) {
            return Status.PAID;
        }
        if (DENIED.equals(code)) {
            return Status.DENIED;
        }
        return REVERSAL.equals(code) ? Status.REVERSAL : Status.UNSUPPORTED;
    }

    static boolean forwarded(ClaimPayment clp) {
        return FORWARDED.contains(clp.statusCode());
    }

    static long cents(BigDecimal dollars) {
        return dollars == null ? 0 : Money.toCents(dollars);
    }

    /** Every CAS of the claim, claim level first, then each line's. */
    static Stream<Adjustment> allAdjustments(ClaimPayment clp) {
        return Stream.concat(clp.adjustments().stream(), clp.lines().stream().flatMap(l -> l.adjustments().stream()));
    }

    static long groupCents(Stream<Adjustment> adjustments, String group) {
        return adjustments.filter(a -> group.equals(a.groupCode())).mapToLong(a -> cents(a.amount())).sum();
    }

    static long contractualCents(ClaimPayment clp) {
        return groupCents(allAdjustments(clp), "CO");
    }

    static long contractualCents(ServicePayment line) {
        return groupCents(line.adjustments().stream(), "CO");
    }

    static long patientResponsibilityCents(ServicePayment line) {
        return groupCents(line.adjustments().stream(), "PR");
    }

    /**
     * The patient's share: CLP05 as the payer states it, or the sum of the PR adjustments when CLP05 is absent (the
     * reader gives an absent CLP05 as zero; a payer that sends PR adjustments and a zero CLP05 contradicts itself, and
     * the adjustments are the itemised truth).
     */
    static long patientShareCents(ClaimPayment clp) {
        long stated = cents(clp.patientResponsibility());
        return stated != 0 ? stated : groupCents(allAdjustments(clp), "PR");
    }

    /** The denial routing table, as far as deciding what is a denial needs it. */
    interface Routing {
        DenialRoute route(String groupCode, String reasonCode, List<String> remarkCodes);
    }

    /**
     * What goes to denial work. A denied claim (CLP02 4): every adjustment, claim level with the MOA/MIA remarks and
     * line level with the line's LQ remarks. A paid claim: the adjustments of each line paid nothing for a reason the
     * routing table calls a denial, and of the claim itself when the payer answered without lines and paid nothing.
     *
     * @param lineNumbers our line number for each SVC, {@code null} where none matched (recorded as claim level)
     */
    static List<DeniedItem> deniedItems(ClaimPayment clp, List<Integer> lineNumbers, Routing routing) {
        List<DeniedItem> items = new ArrayList<>();
        boolean claimDenied = status(clp) == Status.DENIED;
        if (claimDenied || (clp.lines().isEmpty() && clp.paymentAmount().signum() == 0
                && anyDenial(clp.adjustments(), clp.remarkCodes(), routing))) {
            clp.adjustments().forEach(a -> items.add(item(null, a, clp.remarkCodes())));
        }
        for (int i = 0; i < clp.lines().size(); i++) {
            ServicePayment line = clp.lines().get(i);
            if (claimDenied || (line.paymentAmount().signum() == 0
                    && anyDenial(line.adjustments(), line.remarkCodes(), routing))) {
                Integer lineNumber = lineNumbers.get(i);
                line.adjustments().forEach(a -> items.add(item(lineNumber, a, line.remarkCodes())));
            }
        }
        return items;
    }

    private static boolean anyDenial(List<Adjustment> adjustments, List<String> remarkCodes, Routing routing) {
        return adjustments.stream().anyMatch(a -> routing.route(a.groupCode(), a.reasonCode(), remarkCodes).isDenial());
    }

    private static DeniedItem item(Integer lineNumber, Adjustment adjustment, List<String> remarkCodes) {
        return new DeniedItem(lineNumber, adjustment.groupCode(), adjustment.reasonCode(), remarkCodes,
                cents(adjustment.amount()));
    }

    /** A claim out of balance, in a biller's words; empty when CLP03 − CLP04 equals every CAS of the claim. */
    static Optional<Imbalance> claimImbalance(ClaimPayment clp) {
        long charge = cents(clp.chargeAmount());
        long paid = cents(clp.paymentAmount());
        long adjusted = allAdjustments(clp).mapToLong(a -> cents(a.amount())).sum();
        long difference = charge - paid - adjusted;
        if (difference == 0) {
            return Optional.empty();
        }
        return Optional.of(new Imbalance(paid, difference, "The payer's answer for claim " + clp.patientControlNumber()
                + " does not add up: charge " + dollars(charge) + " minus payment " + dollars(paid) + " is "
                + dollars(charge - paid) + ", but its adjustments (CAS) total " + dollars(adjusted) + ", a difference of "
                + dollars(difference) + ". Nothing was posted for this claim; ask the payer for a corrected 835."));
    }

    /** A transaction whose BPR02 is not ΣCLP04 − ΣPLB; empty when it balances. */
    static Optional<Imbalance> paymentImbalance(RemittanceAdvice advice) {
        long payment = cents(advice.totalPayment());
        long claims = cents(advice.claimPaymentTotal());
        long provider = cents(advice.providerAdjustmentTotal());
        long difference = payment - (claims - provider);
        if (difference == 0) {
            return Optional.empty();
        }
        return Optional.of(new Imbalance(payment, difference, "The payment (BPR02) of " + dollars(payment)
                + " under trace number " + advice.traceNumber() + " does not match its claims: claim payments "
                + dollars(claims) + " less provider adjustments (PLB) " + dollars(provider) + " make "
                + dollars(claims - provider) + ", a difference of " + dollars(difference) + ". The claims that balance "
                + "were posted; reconcile the deposit with the payer before closing the batch."));
    }

    /** What is off, by how much, and the sentence a biller reads. */
    record Imbalance(long amountCents, long differenceCents, String message) {
    }

    static String dollars(long cents) {
        return (cents < 0 ? "-$" : "$") + Money.toDollars(Math.abs(cents)).toPlainString();
    }

    /** The remark codes as stored: comma separated, at most the column's width. */
    static String remarks(List<String> codes) {
        String joined = String.join(",", codes);
        return joined.isEmpty() ? null : joined.length() <= 200 ? joined : joined.substring(0, 200);
    }
}
