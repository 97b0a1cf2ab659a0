package org.relayrcm.edi;

import java.util.Objects;

/**
 * Loop 2000A/2010AA: the organization that bills and gets paid.
 *
 * @param organizationName NM103
 * @param npi              NM109 with qualifier XX; must pass the NPI check digit
 * @param taxId            REF*EI employer identification number, 9 digits (a dash is removed)
 * @param taxonomyCode     PRV03 health care provider taxonomy, 10 characters
 * @param address          N3/N4; a street address, not a PO box, per the implementation guide
 */
public record BillingProvider(String organizationName, String npi, String taxId, String taxonomyCode, Address address) {

    public BillingProvider {
        Objects.requireNonNull(organizationName, "billing provider name");
        Npi.requireValid(npi, "billing provider NPI");
        Objects.requireNonNull(taxId, "billing provider tax id");
        taxId = taxId.replace("-", "");
        if (!taxId.matches("\\d{9}")) {
            throw new IllegalArgumentException("billing provider tax id (EIN) must be 9 digits, was '" + taxId + "'");
        }
        Objects.requireNonNull(taxonomyCode, "billing provider taxonomy code");
        Objects.requireNonNull(address, "billing provider address");
    }
}
