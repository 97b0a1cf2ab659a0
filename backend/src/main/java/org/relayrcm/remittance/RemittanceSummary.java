package org.relayrcm.remittance;

import java.util.List;

/** What posting an 835 did, so the sender can reconcile it with the payer's check or EFT. */
public record RemittanceSummary(
        int transactions,
        int duplicateTransactions,
        int claimsInFile,
        int claimsMatched,
        int claimsPaid,
        int claimsDenied,
        int claimsUnmatched,
        int claimsNotAwaitingPayment,
        long paymentTotalCents,
        List<ClaimResult> claims,
        List<String> warnings) {

    public record ClaimResult(String claimNumber, String statusCode, String outcome, long paidCents) {
    }
}
