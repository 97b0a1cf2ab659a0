package org.relayrcm.denials;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A biller's correction of the registration a payer could not match: the member id from the patient's card. */
public record RegistrationFix(
        @NotBlank @Size(max = 80) String memberId,
        @Size(max = 2000) String note) {
}
