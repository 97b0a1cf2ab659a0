package org.relayrcm.coding;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The codes of an encounter: diagnoses in order (the first is primary) and procedures pointing at them. */
public record Codes(
        @NotNull @Size(max = 50) @Valid List<Diagnosis> diagnoses,
        @NotNull @Size(max = 100) @Valid List<Procedure> procedures) {

    public record Diagnosis(@Size(max = 20) String code, String description) {
    }

    public record Procedure(@Size(max = 20) String code, @Size(max = 10) List<@Size(max = 10) String> modifiers,
            Integer units, @Size(max = 10) List<Integer> diagnosisPointers) {
    }
}
