package org.relayrcm.claims;

import java.util.Map;

/**
 * Plain-language summaries of the claim adjustment reason codes billers meet most; the full CARC list
 * is reference data imported with the code sets.
 */
public final class ReasonCodes {

    private static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("1", "Deductible amount"),
            Map.entry("2", "Coinsurance amount"),
            Map.entry("3", "Co-payment amount"),
            Map.entry("4", "Procedure code inconsistent with the modifier, or a required modifier is missing"),
            Map.entry("11", "Diagnosis inconsistent with the procedure"),
            Map.entry("16", "Claim lacks information needed for adjudication"),
            Map.entry("18", "Exact duplicate claim or service"),
            Map.entry("22", "Care may be covered by another payer (coordination of benefits)"),
            Map.entry("27", "Expenses incurred after coverage terminated"),
            Map.entry("29", "The time limit for filing has expired"),
            Map.entry("45", "Charge exceeds the fee schedule or contracted amount"),
            Map.entry("50", "Not deemed a medical necessity by the payer"),
            Map.entry("96", "Non-covered charge"),
            Map.entry("97", "Payment included in another service already adjudicated"),
            Map.entry("197", "Precertification or authorization absent"));

    private ReasonCodes() {
    }

    public static String describe(String carc) {
        return SUMMARIES.getOrDefault(carc, "Adjustment reason " + carc);
    }
}
