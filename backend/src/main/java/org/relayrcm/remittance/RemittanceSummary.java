package org.relayrcm.remittance;

import java.util.List;
import java.util.Map;

/**
 * What posting an 835 did, so the sender can reconcile it with the payer's check or EFT. Counts and totals cover the
 * transactions posted now; a transaction posted before (a second delivery) only counts as a duplicate.
 *
 * @param claimsInFile                    CLP loops in the whole file, duplicates included
 * @param claimsMatched                   claim payments whose CLP01 is one of our claims
 * @param claimsSentToExceptions          claim payments left unposted for a biller to review
 * @param exceptions                      exceptions opened, by kind (claim- and transaction-level)
 * @param paymentTotalCents               BPR02 of the new transactions
 * @param paidTotalCents                  CLP04 posted to claims (a reversal counts negative)
 * @param patientResponsibilityTotalCents the patients' share posted
 * @param contractualTotalCents           CO adjustments posted
 * @param providerAdjustmentTotalCents    PLB of the new transactions (positive: the payer withheld it)
 */
public record RemittanceSummary(
        int transactions,
        int duplicateTransactions,
        int claimsInFile,
        int claimsMatched,
        int claimsPaid,
        int claimsDenied,
        int claimsReversed,
        int claimsSentToExceptions,
        Map<ExceptionKind, Integer> exceptions,
        long paymentTotalCents,
        long paidTotalCents,
        long patientResponsibilityTotalCents,
        long contractualTotalCents,
        long providerAdjustmentTotalCents,
        List<ClaimResult> claims,
        List<String> warnings) {

    /**
     * One claim payment of a new transaction.
     *
     * @param outcome     PAID, DENIED, REVERSAL, or why it was not posted: UNMATCHED (no such claim), UNBALANCED,
     *                    NOT_AWAITED, UNKNOWN_REVERSAL, UNSUPPORTED_STATUS
     * @param exception   the kind of exception opened for it, {@code null} when none
     * @param exceptionId that exception, for the biller to open
     */
    public record ClaimResult(String claimNumber, String statusCode, String outcome, long paidCents,
            ExceptionKind exception, Long exceptionId) {
    }
}
