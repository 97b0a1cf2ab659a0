package org.relayrcm.claims.workflow;

import java.time.Duration;
import java.time.Period;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Timer settings of claim-submission, read from configuration so payers' habits can be matched. */
@Component("claimTimers")
public class ClaimTimers {

    private final String followUpAfter;

    ClaimTimers(@Value("${relay.claims.follow-up-after:P30D}") String followUpAfter) {
        requireIsoDuration(followUpAfter);
        this.followUpAfter = followUpAfter;
    }

    /** How long to wait for a remittance before a biller follows up (ISO-8601, e.g. P30D). */
    public String followUpAfter() {
        return followUpAfter;
    }

    private static void requireIsoDuration(String value) {
        try {
            if (value.contains("T")) {
                Duration.parse(value);
            } else {
                Period.parse(value);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("relay.claims.follow-up-after must be an ISO-8601 duration such as P30D");
        }
    }
}
