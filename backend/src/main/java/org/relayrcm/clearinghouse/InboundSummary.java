package org.relayrcm.clearinghouse;

import java.time.OffsetDateTime;
import java.util.List;

import org.relayrcm.remittance.RemittanceSummary;

/**
 * What receiving one file did.
 *
 * @param type             999, 277CA or 835
 * @param fileId           the {@code inbound_file} row that records it
 * @param duplicate        the same content had been received before ({@code receivedAt} says when); nothing was done
 * @param accepted         999: transactions the payer accepted; 277CA: claims accepted into adjudication; 835: claims
 *                         paid
 * @param rejected         999: transactions rejected; 277CA: claims rejected; 835: claims denied
 * @param claimsApplied    claim numbers whose status changed
 * @param claimsUnchanged  claim numbers that already had this answer
 * @param claimsUnmatched  claim or control numbers we never sent
 * @param remittance       for an 835, what posting it did; {@code null} otherwise
 * @param warnings         what the reader had to assume
 */
public record InboundSummary(String type, long fileId, boolean duplicate, OffsetDateTime receivedAt, int accepted,
        int rejected, List<String> claimsApplied, List<String> claimsUnchanged, List<String> claimsUnmatched,
        RemittanceSummary remittance, List<String> warnings) {
}
