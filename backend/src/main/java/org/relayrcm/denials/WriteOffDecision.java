package org.relayrcm.denials;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A manager's answer to a write-off request; refused ones go back to the biller's denial queue. */
public record WriteOffDecision(@NotNull Boolean approved, @Size(max = 2000) String note) {
}
