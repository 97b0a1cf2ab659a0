package org.relayrcm.claims;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A biller's or coder's change to one claim line before it goes out again. Modifiers replace the line's modifiers;
 * a procedure code, pointers and units, when given, replace the line's (a new code is priced again from the
 * chargemaster and the payer's contract).
 */
public record LineCorrection(
        @NotNull Integer lineNumber,
        @Size(max = 5) String procedureCode,
        @NotNull @Size(max = 4) List<@NotNull String> modifiers,
        @Size(min = 1, max = 4) List<@NotNull Integer> diagnosisPointers,
        @Min(1) @Max(999) Integer units) {
}
