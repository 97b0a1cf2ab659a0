package org.relayrcm.claims;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a biller changes on Task_FixClaim: lines, the member id when the payer could not find the member, and an
 * institutional stay's UB-04 fields when registration left them out. Absent parts stay as they are.
 */
public record ClaimFix(
        @Size(max = 2000) String note,
        @Size(max = 50) @Valid List<LineCorrection> lineCorrections,
        @Size(max = 80) String memberId,
        @Valid Facility facility) {

    /** Facility type (first two digits of the type of bill), admission type and source, discharge status. */
    public record Facility(
            @Pattern(regexp = "\\d{2}", message = "two digits, e.g. 13") String typeCode,
            @Pattern(regexp = "[1-59]", message = "a UB-04 admission type: 1-5 or 9") String admissionType,
            @Pattern(regexp = "[0-9A-Z]", message = "one letter or digit") String admissionSource,
            @Pattern(regexp = "\\d{2}", message = "two digits, e.g. 01") String patientStatus) {
    }
}
