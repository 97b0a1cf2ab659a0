package org.relayrcm.claims;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** What a biller changes on Task_FixClaim: lines, and the member id when the payer could not find the member. */
public record ClaimFix(
        @Size(max = 2000) String note,
        @Size(max = 50) @Valid List<LineCorrection> lineCorrections,
        @Size(max = 80) String memberId) {
}
