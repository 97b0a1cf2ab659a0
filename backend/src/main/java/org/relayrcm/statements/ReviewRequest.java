package org.relayrcm.statements;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The manager's decision on a balance the statement cycle did not collect. */
public record ReviewRequest(@NotNull ReviewDecision decision, @Size(max = 2000) String note) {
}
