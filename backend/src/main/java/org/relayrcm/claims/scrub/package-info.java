/**
 * The claim scrubber: every edit a claim must pass before it goes to the payer, built in (demographics,
 * coverage, providers, codes, pointers, duplicates, timely filing, institutional data) or a payer's rule
 * kept as data in the DMN table {@code payer-claim-rules}, which it reaches through the {@link
 * org.relayrcm.claims.scrub.PayerRules} port.
 */
package org.relayrcm.claims.scrub;
