package org.relayrcm.denials;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The biller's argument for the appeal (why the service was necessary, the authorization on file ...). */
public record AppealSending(@NotBlank @Size(max = 4000) String argument) {
}
