package org.relayrcm.claims.scrub;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The payer's filing limit, counted from the date of service (for an institutional stay, from discharge):
 * a claim past it is denied (CO-29) whatever else is right; one close to it must go out first.
 */
@Component
@Order(70)
class TimelyFilingRule implements ScrubRule {

    private final ScrubSettings settings;

    TimelyFilingRule(ScrubSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<ScrubFinding> check(ScrubbedClaim claim) {
        if (claim.payer() == null) {
            return List.of();
        }
        LocalDate from = claim.institutionalClaim() && claim.institutional().dischargeDate() != null
                ? claim.institutional().dischargeDate() : claim.dateOfService();
        long age = ChronoUnit.DAYS.between(from, claim.today());
        int limit = claim.payer().timelyFilingDays();
        LocalDate deadline = from.plusDays(limit);
        if (age > limit) {
            return List.of(ScrubFinding.error("TIMELY-FILING", claim.payer().name() + " accepts claims up to " + limit
                    + " days after the date of service; this one is " + age + " days old (the limit was " + deadline + ").",
                    "Send it only with proof of timely filing (an earlier submission's acceptance report); otherwise"
                            + " write it off as a timely filing loss."));
        }
        if (age >= limit - settings.timelyFilingWarningDays()) {
            return List.of(ScrubFinding.warning("TIMELY-FILING-NEAR", claim.payer().name() + " accepts claims up to " + limit
                    + " days after the date of service; this one must reach the payer by " + deadline + ".",
                    "Fix and send this claim before the others."));
        }
        return List.of();
    }
}
