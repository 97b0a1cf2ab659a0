package org.relayrcm.clearinghouse;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in payer's rules: pay {@code allowedPercent} of each line (the rest is a CO-45 contractual
 * adjustment) and deny the claim with CO-4 when a line of a code that needs a modifier has none.
 */
@ConfigurationProperties("relay.payer-simulator")
record PayerSimulatorSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("PT2S") Duration delay,
        @DefaultValue("20610") Set<String> modifierRequiredCodes,
        @DefaultValue("80") int allowedPercent,
        @DefaultValue("SIMPAYER") String interchangeId,
        /** Payer ids the simulator stands in for; empty means every payer. */
        Set<String> payers) {

    boolean answersFor(String payerId) {
        return payers == null || payers.isEmpty() || payers.contains(payerId);
    }
}
