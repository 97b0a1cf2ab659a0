package org.relayrcm.clearinghouse;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in clearinghouse and payer's rules. Its front end answers every claim file with a 999 (rejecting the
 * group when the file cannot be read) and then a 277CA that rejects a claim when
 * <ul>
 * <li>its payer id is in {@code rejectPayerIds} (A7:116, claim submitted to the incorrect payer),</li>
 * <li>its member id is in {@code rejectMemberIds} or does not match {@code memberIdFormat} (A7:164:IL, the
 * subscriber's contract/member number is invalid), or is missing (A6:164:IL),</li>
 * </ul>
 * and accepts it otherwise (A2:20, accepted for processing). Adjudication then pays accepted claims: the payer's
 * contract amount from {@code payer_fee_schedule} when it has one for the code, else {@code allowedPercent} of the
 * charge, the rest a CO-45 contractual adjustment, of which the patient owes {@code coinsurancePercent} (PR-2);
 * a claim with a line of a code that needs a modifier and has none is denied with CO-4 and remark M20 (a coding
 * denial), and one for a member in {@code terminatedMemberIds} with CO-27 and remark N30 (coverage ended: a
 * registration denial).
 *
 * @param delay     before the 999
 * @param rungDelay between the 999 and the 277CA, and between the 277CA and the 835
 * @param payers    payer ids the simulator stands in for; empty means every payer
 */
@ConfigurationProperties("relay.payer-simulator")
record PayerSimulatorSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("PT2S") Duration delay,
        @DefaultValue("PT2S") Duration rungDelay,
        @DefaultValue("20610") Set<String> modifierRequiredCodes,
        @DefaultValue("80") int allowedPercent,
        @DefaultValue("SIMPAYER") String interchangeId,
        Set<String> payers,
        @DefaultValue("[A-Za-z0-9]{6,20}") Pattern memberIdFormat,
        Set<String> rejectMemberIds,
        Set<String> rejectPayerIds,
        @DefaultValue("0") int coinsurancePercent,
        Set<String> terminatedMemberIds) {

    PayerSimulatorSettings {
        if (coinsurancePercent < 0 || coinsurancePercent > 100) {
            throw new IllegalArgumentException("relay.payer-simulator.coinsurance-percent must be 0 to 100");
        }
        terminatedMemberIds = terminatedMemberIds == null ? Set.of() : terminatedMemberIds;
    }

    boolean answersFor(String payerId) {
        return payers == null || payers.isEmpty() || payers.contains(payerId);
    }

    /** Why the payer's front end would refuse this claim, if it would. */
    Optional<Rejection> frontEndRejection(String payerId, String memberId) {
        if (rejectPayerIds != null && rejectPayerIds.contains(payerId)) {
            return Optional.of(new Rejection("A7", "116", null, "Claim submitted to the incorrect payer"));
        }
        if (memberId == null || memberId.isBlank()) {
            return Optional.of(new Rejection("A6", "164", "IL", "Subscriber member id missing"));
        }
        if ((rejectMemberIds != null && rejectMemberIds.contains(memberId))
                || !memberIdFormat.matcher(memberId).matches()) {
            return Optional.of(new Rejection("A7", "164", "IL", "Subscriber member id invalid"));
        }
        return Optional.empty();
    }

    /** STC01 (category, status, entity) and STC12 of a rejected claim; the text names the field, never its value. */
    record Rejection(String category, String status, String entity, String text) {
    }
}
