package org.relayrcm.edi;

/** CLM05-3 claim frequency type code. Replacements and voids must name the payer's claim (REF*F8). */
public enum ClaimFrequency {
    ORIGINAL("1"),
    REPLACEMENT("7"),
    VOID("8");

    private final String code;

    ClaimFrequency(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True when the payer needs its own claim control number to find the claim being replaced or voided. */
    public boolean refersToPriorClaim() {
        return this != ORIGINAL;
    }
}
