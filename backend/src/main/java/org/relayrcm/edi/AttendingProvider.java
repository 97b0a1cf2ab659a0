package org.relayrcm.edi;

import java.util.Objects;

/**
 * Loop 2310A of an 837I: the physician responsible for the patient's care during the stay or visit. The
 * institutional guide requires it on every claim with services other than non-scheduled transportation, so the
 * records here always carry one.
 *
 * @param taxonomyCode PRV03 with PRV01 = AT; 10 characters
 */
public record AttendingProvider(String lastName, String firstName, String npi, String taxonomyCode) {

    public AttendingProvider {
        if (lastName == null || lastName.isBlank()) {
            throw new IllegalArgumentException("attending provider needs a last name");
        }
        Npi.requireValid(npi, "attending provider NPI");
        Objects.requireNonNull(taxonomyCode, "attending provider taxonomy code");
        if (!taxonomyCode.matches("[0-9A-Z]{9}X")) {
            throw new IllegalArgumentException(
                    "attending provider taxonomy code must be 10 characters ending in X, was '" + taxonomyCode + "'");
        }
    }
}
