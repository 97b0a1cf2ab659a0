package org.relayrcm.denials;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the payer decided on an appeal, as its letter says. */
public record AppealDecision(@NotNull Outcome outcome, @Size(max = 2000) String note) {

    public enum Outcome { OVERTURNED, UPHELD }
}
