package org.relayrcm.edi;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One reason/amount pair of a PLB segment: money the payer takes or gives at provider level (overpayment recovery,
 * interest, ...), not tied to a claim in this remittance.
 *
 * @param providerId       PLB01
 * @param fiscalPeriodDate PLB02
 * @param reasonCode       PLB03-1 etc., e.g. WO overpayment recovery, L6 interest
 * @param referenceId      PLB03-2 etc., often the claim the recovery is for; may be {@code null}
 * @param amount           positive reduces the payment, negative increases it
 */
public record ProviderAdjustment(
        String providerId, LocalDate fiscalPeriodDate, String reasonCode, String referenceId, BigDecimal amount) {
}
