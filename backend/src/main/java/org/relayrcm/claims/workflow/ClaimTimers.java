package org.relayrcm.claims.workflow;

import java.time.Duration;
import java.time.Period;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Timer settings of claim-submission, read from configuration so clearinghouses' and payers' habits can be matched. */
@Component("claimTimers")
public class ClaimTimers {

    private final String functionalAckWithin;
    private final String claimAckWithin;

    ClaimTimers(@Value("${relay.claims.functional-ack-within:PT24H}") String functionalAckWithin,
            @Value("${relay.claims.claim-ack-within:P3D}") String claimAckWithin) {
        this.functionalAckWithin = requireIsoDuration("relay.claims.functional-ack-within", functionalAckWithin);
        this.claimAckWithin = requireIsoDuration("relay.claims.claim-ack-within", claimAckWithin);
    }

    /** How long after submission a missing 999 becomes a biller's task (ISO-8601, e.g. PT24H). */
    public String functionalAckWithin() {
        return functionalAckWithin;
    }

    /** How long after an accepted 999 a missing 277CA becomes a biller's task (e.g. P3D). */
    public String claimAckWithin() {
        return claimAckWithin;
    }

    private static String requireIsoDuration(String property, String value) {
        try {
            if (value.contains("T")) {
                Duration.parse(value);
            } else {
                Period.parse(value);
            }
            return value;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(property + " must be an ISO-8601 duration such as P30D or PT24H");
        }
    }
}
