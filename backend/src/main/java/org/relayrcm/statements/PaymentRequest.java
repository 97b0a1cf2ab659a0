package org.relayrcm.statements;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A payment the billing office received from the patient. The amount's range (more than zero, at most the
 * balance) is checked against the account, so it is not constrained here.
 */
public record PaymentRequest(@NotNull Long amountCents, @NotNull PaymentMethod method, @Size(max = 50) String reference,
        @NotNull LocalDate receivedOn) {
}
