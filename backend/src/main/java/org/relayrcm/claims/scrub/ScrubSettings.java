package org.relayrcm.claims.scrub;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the scrubber judges time. {@code timelyFilingWarningDays}: a claim this close to its payer's
 * filing limit gets a warning, early enough for a biller to act before the limit passes.
 */
@ConfigurationProperties("relay.claims.scrub")
public record ScrubSettings(@DefaultValue("30") int timelyFilingWarningDays) {
}
