package org.relayrcm.edi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Loop 2000B/2010BA: the insured person. For now the patient is always the subscriber (SBR02 = 18, self), so
 * there is no 2000C patient loop.
 *
 * @param memberId NM109 with qualifier MI, as printed on the insurance card
 */
public record Subscriber(
        String lastName, String firstName, String memberId, LocalDate birthDate, Sex sex, Address address) {

    public Subscriber {
        Objects.requireNonNull(lastName, "subscriber last name");
        Objects.requireNonNull(memberId, "subscriber member id");
        Objects.requireNonNull(birthDate, "subscriber birth date");
        Objects.requireNonNull(sex, "subscriber sex");
        Objects.requireNonNull(address, "subscriber address");
    }
}
