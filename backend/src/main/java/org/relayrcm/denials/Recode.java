package org.relayrcm.denials;

import java.util.List;

import org.relayrcm.claims.LineCorrection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A coder's correction of a claim denied for a coding reason: the lines as they should have been coded. */
public record Recode(
        @Size(max = 2000) String note,
        @NotEmpty @Size(max = 50) @Valid List<LineCorrection> lineCorrections) {
}
