package org.relayrcm.claims.workflow;

import java.util.List;

import org.relayrcm.claims.ClaimService;
import org.springframework.stereotype.Component;

/** The multi-instance collection of revenue-cycle: one claim-submission per claim of the encounter. */
@Component("encounterClaims")
public class EncounterClaims {

    private final ClaimService claims;

    EncounterClaims(ClaimService claims) {
        this.claims = claims;
    }

    public List<String> claimNumbers(Long encounterId) {
        return claims.claimNumbersOf(encounterId);
    }
}
