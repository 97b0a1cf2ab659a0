package org.relayrcm.claims.scrub;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * A claim as the rules see it: the claim with its patient, coverage, payer, rendering provider,
 * institutional data, diagnoses (in position order, the first is principal) and lines, read once per run.
 * {@code coverage}, {@code payer} and {@code renderingProvider} are null when the claim has none.
 */
record ScrubbedClaim(long id, String claimNumber, String claimType, String frequencyCode, LocalDate dateOfService,
        String placeOfService, Patient patient, Coverage coverage, Payer payer, Provider renderingProvider,
        Institutional institutional, List<String> diagnoses, List<Line> lines, LocalDate today) {

    static final String INSTITUTIONAL = "INSTITUTIONAL";

    boolean institutionalClaim() {
        return INSTITUTIONAL.equals(claimType);
    }

    record Patient(long id, String firstName, String lastName, LocalDate birthDate, String sex, String addressLine,
            String city, String state, String postalCode) {

        /** Whole years on the date; null when the birth date is missing or later. */
        Integer ageOn(LocalDate date) {
            return birthDate == null || birthDate.isAfter(date) ? null : Period.between(birthDate, date).getYears();
        }
    }

    record Coverage(String memberId, String relationship, String subscriberFirstName, String subscriberLastName,
            LocalDate subscriberBirthDate, String subscriberSex) {
    }

    record Payer(String payerCode, String name, int timelyFilingDays, String claimFilingIndicator) {
    }

    record Provider(String npi, String entityType, String taxonomyCode, String taxId) {
    }

    record Institutional(String facilityTypeCode, String admissionType, String admissionSource, String patientStatus,
            LocalDate dischargeDate) {
    }

    record Line(int lineNumber, String procedureCode, List<String> modifiers, int units, List<Integer> diagnosisPointers,
            String revenueCode) {
    }
}
