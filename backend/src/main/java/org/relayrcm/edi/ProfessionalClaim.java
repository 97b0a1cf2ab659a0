package org.relayrcm.edi;

import java.util.Objects;

/** Everything one outgoing 837P needs: one interchange, one transaction, one billing provider, one claim. */
public record ProfessionalClaim(
        InterchangeEnvelope envelope,
        Submitter submitter,
        Receiver receiver,
        BillingProvider billingProvider,
        Subscriber subscriber,
        Payer payer,
        ClaimDetails claim) {

    public ProfessionalClaim {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(billingProvider, "billing provider");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(claim, "claim");
    }
}
