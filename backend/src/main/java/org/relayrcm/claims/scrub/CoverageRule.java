package org.relayrcm.claims.scrub;

import static org.relayrcm.claims.scrub.DemographicsRule.blank;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Who pays and who holds the policy: without these the payer cannot find the member. */
@Component
@Order(20)
class CoverageRule implements ScrubRule {

    /** X12 individual relationship code "self": the patient is the subscriber. */
    static final String SELF = "18";

    @Override
    public List<ScrubFinding> check(ScrubbedClaim claim) {
        List<ScrubFinding> found = new ArrayList<>();
        if (claim.payer() == null) {
            found.add(ScrubFinding.error("COVERAGE-PAYER", "The claim has no payer.",
                    "Attach the patient's insurance to the encounter, or bill the patient (self-pay)."));
        }
        ScrubbedClaim.Coverage c = claim.coverage();
        if (c == null) {
            found.add(ScrubFinding.error("COVERAGE-MISSING", "The claim has no insurance coverage.",
                    "Attach the patient's insurance coverage (payer and member id) to the claim."));
            return found;
        }
        if (blank(c.memberId())) {
            found.add(ScrubFinding.error("COVERAGE-MEMBER-ID", "The coverage has no member id.",
                    "Enter the member id from the insurance card."));
        }
        if (!SELF.equals(c.relationship()) && (blank(c.subscriberFirstName()) || blank(c.subscriberLastName())
                || c.subscriberBirthDate() == null || blank(c.subscriberSex()))) {
            found.add(ScrubFinding.error("COVERAGE-SUBSCRIBER", "The patient is not the subscriber (relationship "
                    + c.relationship() + ") but the subscriber's name, birth date or sex is missing.",
                    "Enter the policy holder's name, birth date and sex from the insurance card, or set the"
                            + " relationship to 18 (self) if the patient holds the policy."));
        }
        return found;
    }
}
