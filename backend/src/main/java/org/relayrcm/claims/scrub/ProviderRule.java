package org.relayrcm.claims.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.relayrcm.claims.BillingProviderSettings;
import org.relayrcm.edi.Npi;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The billing provider (the practice, from settings) and the rendering provider (the claim's, else the
 * encounter's): NPIs with a valid check digit, a 9-digit tax id, a taxonomy code. A typo here is a
 * front-end rejection from the clearinghouse days later.
 */
@Component
@Order(30)
class ProviderRule implements ScrubRule {

    private static final Pattern TAX_ID = Pattern.compile("\\d{9}");
    /** NUCC Health Care Provider Taxonomy: ten characters ending in X (207Q00000X). */
    private static final Pattern TAXONOMY = Pattern.compile("[0-9A-Z]{9}X");

    private final BillingProviderSettings billing;

    ProviderRule(BillingProviderSettings billing) {
        this.billing = billing;
    }

    @Override
    public List<ScrubFinding> check(ScrubbedClaim claim) {
        List<ScrubFinding> found = new ArrayList<>();
        if (!Npi.isValid(billing.npi())) {
            found.add(ScrubFinding.error("PROVIDER-BILLING-NPI",
                    "The billing provider's NPI is missing or fails the NPI check digit.",
                    "Correct relay.billing-provider.npi from the NPPES record of the practice."));
        }
        if (billing.taxId() == null || !TAX_ID.matcher(billing.taxId()).matches()) {
            found.add(ScrubFinding.error("PROVIDER-BILLING-TAX-ID", "The billing provider's tax id is not 9 digits.",
                    "Correct relay.billing-provider.tax-id: the practice's EIN, 9 digits without the hyphen."));
        }
        if (billing.taxonomy() == null || !TAXONOMY.matcher(billing.taxonomy()).matches()) {
            found.add(ScrubFinding.error("PROVIDER-BILLING-TAXONOMY",
                    "The billing provider's taxonomy code is missing or not a taxonomy code.",
                    "Set relay.billing-provider.taxonomy to the practice's NUCC taxonomy code (e.g. 207Q00000X)."));
        }
        ScrubbedClaim.Provider rendering = claim.renderingProvider();
        if (rendering != null) {
            if (!Npi.isValid(rendering.npi())) {
                found.add(ScrubFinding.error("PROVIDER-RENDERING-NPI", "The rendering provider's NPI "
                        + rendering.npi() + " fails the NPI check digit.",
                        "Correct the rendering provider's NPI from their NPPES record."));
            }
            if (!"1".equals(rendering.entityType())) {
                found.add(ScrubFinding.error("PROVIDER-RENDERING-ENTITY",
                        "The rendering provider is an organization; a rendering provider is a person.",
                        "Choose the clinician who provided the service as the rendering provider."));
            }
            if (rendering.taxonomyCode() == null || !TAXONOMY.matcher(rendering.taxonomyCode()).matches()) {
                found.add(ScrubFinding.error("PROVIDER-RENDERING-TAXONOMY",
                        "The rendering provider's taxonomy code is missing or not a taxonomy code.",
                        "Enter the clinician's NUCC taxonomy code from their NPPES record."));
            }
        }
        return found;
    }
}
