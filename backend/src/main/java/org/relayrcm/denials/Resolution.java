package org.relayrcm.denials;

import java.util.List;

import org.relayrcm.claims.LineCorrection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The biller's decision on a denial in the general queue; corrections apply only to a resubmission. */
public record Resolution(
        @NotNull Action action,
        @Size(max = 2000) String note,
        @Size(max = 50) @Valid List<LineCorrection> lineCorrections) {

    public enum Action { RESUBMIT, APPEAL, WRITE_OFF }
}
