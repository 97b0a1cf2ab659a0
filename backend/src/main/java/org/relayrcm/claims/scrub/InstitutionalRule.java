package org.relayrcm.claims.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What an institutional (837I, UB-04) claim needs beyond a professional one: the facility type (first digits
 * of the type of bill), admission type and source, the patient's discharge status, and a revenue code on
 * every line.
 */
@Component
@Order(80)
class InstitutionalRule implements ScrubRule {

    private static final Pattern FACILITY_TYPE = Pattern.compile("[0-9]{2}");
    private static final Pattern ADMISSION_TYPE = Pattern.compile("[1-59]");
    private static final Pattern ADMISSION_SOURCE = Pattern.compile("[0-9A-Z]");
    private static final Pattern PATIENT_STATUS = Pattern.compile("[0-9]{2}");
    private static final Pattern REVENUE_CODE = Pattern.compile("[0-9]{4}");

    @Override
    public List<ScrubFinding> check(ScrubbedClaim claim) {
        if (!claim.institutionalClaim()) {
            return List.of();
        }
        ScrubbedClaim.Institutional i = claim.institutional();
        List<ScrubFinding> found = new ArrayList<>();
        if (!matches(FACILITY_TYPE, i.facilityTypeCode())) {
            found.add(ScrubFinding.error("INSTITUTIONAL-FACILITY-TYPE", "The facility type code is missing or not two digits.",
                    "Enter the facility type of the encounter (e.g. 13 hospital outpatient, 11 hospital inpatient)."));
        }
        if (!matches(ADMISSION_TYPE, i.admissionType())) {
            found.add(ScrubFinding.error("INSTITUTIONAL-ADMISSION-TYPE", "The admission type is missing or not a UB-04 code.",
                    "Enter the admission type (1 emergency, 2 urgent, 3 elective, 4 newborn, 5 trauma, 9 unknown)."));
        }
        if (!matches(ADMISSION_SOURCE, i.admissionSource())) {
            found.add(ScrubFinding.error("INSTITUTIONAL-ADMISSION-SOURCE", "The admission source is missing.",
                    "Enter the point of origin for the admission (e.g. 1 non-health-care point of origin, 2 clinic referral)."));
        }
        if (!matches(PATIENT_STATUS, i.patientStatus())) {
            found.add(ScrubFinding.error("INSTITUTIONAL-PATIENT-STATUS", "The patient discharge status is missing or not two digits.",
                    "Enter the patient status (e.g. 01 discharged home, 30 still a patient)."));
        }
        if (claim.renderingProvider() == null) {
            found.add(ScrubFinding.error("INSTITUTIONAL-ATTENDING", "The institutional claim names no attending provider.",
                    "Record the attending physician on the encounter; an 837I requires one (loop 2310A)."));
        }
        for (ScrubbedClaim.Line line : claim.lines()) {
            if (!matches(REVENUE_CODE, line.revenueCode())) {
                found.add(ScrubFinding.error("INSTITUTIONAL-REVENUE-CODE", line.lineNumber(), "Line " + line.lineNumber()
                        + " (" + line.procedureCode() + ") has no 4-digit revenue code.",
                        "Add the revenue code of the department that provided the service (the chargemaster's, e.g. 0510 clinic)."));
            }
        }
        return found;
    }

    private static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value.trim()).matches();
    }
}
