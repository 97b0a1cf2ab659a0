package org.relayrcm.claims;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Interchange ids agreed with the clearinghouse (ISA06/ISA08) and whether files are test or production. */
@ConfigurationProperties("relay.clearinghouse")
public record ClearinghouseSettings(String senderId, String receiverId, String receiverName, String usageIndicator) {
}
