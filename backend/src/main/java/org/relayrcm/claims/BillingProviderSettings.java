package org.relayrcm.claims;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The practice that bills: loop 2010AA of every 837P, and the submitter contact of 1000A. */
@ConfigurationProperties("relay.billing-provider")
public record BillingProviderSettings(String name, String npi, String taxId, String taxonomy, String addressLine,
        String city, String state, String postalCode, String contactName, String contactPhone) {
}
