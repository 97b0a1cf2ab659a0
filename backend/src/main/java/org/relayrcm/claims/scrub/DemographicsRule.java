package org.relayrcm.claims.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The patient as the payer will match them: name, birth date, sex and a mailing address that could exist. */
@Component
@Order(10)
class DemographicsRule implements ScrubRule {

    private static final Pattern ZIP = Pattern.compile("\\d{5}(\\d{4})?");
    /** USPS codes of the states, DC, the territories and the military post offices. */
    static final Set<String> STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI",
            "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
            "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
            "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI", "AA", "AE", "AP");

    @Override
    public List<ScrubFinding> check(ScrubbedClaim claim) {
        ScrubbedClaim.Patient p = claim.patient();
        List<ScrubFinding> found = new ArrayList<>();
        if (blank(p.firstName()) || blank(p.lastName())) {
            found.add(ScrubFinding.error("DEMOGRAPHICS-NAME", "The patient's first or last name is missing.",
                    "Enter the patient's name as it appears on the insurance card."));
        }
        if (p.birthDate() == null || p.birthDate().isAfter(claim.dateOfService())) {
            found.add(ScrubFinding.error("DEMOGRAPHICS-BIRTH-DATE",
                    "The patient's birth date is missing or after the date of service.",
                    "Correct the patient's birth date from the registration or the insurance card."));
        }
        if (blank(p.sex())) {
            found.add(ScrubFinding.error("DEMOGRAPHICS-SEX", "The patient's sex is missing.",
                    "Record the patient's sex (F or M) as the payer has it."));
        } else if ("U".equals(p.sex())) {
            found.add(ScrubFinding.warning("DEMOGRAPHICS-SEX", "The patient's sex is recorded as unknown (U); many payers"
                    + " reject unknown sex, and sex-specific edits cannot be checked.",
                    "Record the patient's sex (F or M) as the payer has it, if it is known."));
        }
        if (blank(p.addressLine()) || blank(p.city())) {
            found.add(ScrubFinding.error("DEMOGRAPHICS-ADDRESS", "The patient's street address or city is missing.",
                    "Enter the patient's mailing address from the registration."));
        }
        if (p.state() == null || !STATES.contains(p.state())) {
            found.add(ScrubFinding.error("DEMOGRAPHICS-STATE", "The patient's state is missing or not a US state code.",
                    "Enter the two-letter USPS state code (IL, WI, ...)."));
        }
        if (p.postalCode() == null || !ZIP.matcher(p.postalCode()).matches()) {
            found.add(ScrubFinding.error("DEMOGRAPHICS-ZIP", "The patient's ZIP code is missing or not 5 or 9 digits.",
                    "Enter the 5-digit ZIP code, or all 9 digits of ZIP+4 without the hyphen."));
        }
        return found;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
