package org.relayrcm.edi;

import java.util.Objects;

/**
 * Loop 2010BB: the payer (NM1*PR with the payer id, qualifier PI).
 *
 * @param claimFilingIndicator SBR09, e.g. {@code CI} commercial, {@code MB} Medicare Part B, {@code MC} Medicaid
 */
public record Payer(String name, String payerId, String claimFilingIndicator) {

    public Payer {
        Objects.requireNonNull(name, "payer name");
        Objects.requireNonNull(payerId, "payer id");
        Objects.requireNonNull(claimFilingIndicator, "claim filing indicator");
    }

    /** A commercial payer (SBR09 = CI), the common case. */
    public Payer(String name, String payerId) {
        this(name, payerId, "CI");
    }
}
