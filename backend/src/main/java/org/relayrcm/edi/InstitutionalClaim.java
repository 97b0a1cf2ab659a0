package org.relayrcm.edi;

import java.util.Objects;

/**
 * Everything one outgoing 837I needs: one interchange, one transaction, one billing provider (the facility), one
 * claim. The patient is the subscriber, as for {@link ProfessionalClaim}.
 */
public record InstitutionalClaim(
        InterchangeEnvelope envelope,
        Submitter submitter,
        Receiver receiver,
        BillingProvider billingProvider,
        Subscriber subscriber,
        Payer payer,
        InstitutionalClaimDetails claim) {

    public InstitutionalClaim {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(billingProvider, "billing provider");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(claim, "claim");
    }
}
