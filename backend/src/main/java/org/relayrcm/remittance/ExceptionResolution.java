package org.relayrcm.remittance;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The biller's decision on a remittance exception.
 *
 * @param claimNumber for {@link Action#POST_TO_CLAIM}: the claim the payment belongs to
 * @param note        why; required to acknowledge
 */
public record ExceptionResolution(@NotNull Action action, @Size(max = 20) String claimNumber, @Size(max = 2000) String note) {

    public enum Action {
        /** Post a claim payment that matched no claim to the claim the biller found (CLAIM_NOT_FOUND only). */
        POST_TO_CLAIM,
        /** Seen and handled outside posting (called the payer, posted by hand, ...); the note says how. */
        ACKNOWLEDGE
    }
}
