package org.relayrcm.edi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Loop 2300 of an 837I (005010X223A2) with its attending provider and revenue lines.
 *
 * @param claimNumber             CLM01 patient control number, at most 20 characters; the payer echoes it in CLP01
 * @param totalCharge             CLM02, must equal the sum of the line charges
 * @param facilityTypeCode        CLM05-1, the first two digits of the UB-04 type of bill (e.g. 11 hospital
 *                                inpatient, 13 hospital outpatient); CLM05-2 is A (uniform billing claim form codes)
 * @param frequency               CLM05-3, the third digit of the type of bill
 * @param payerClaimControlNumber REF*F8, required for replacement and void, ignored for an original claim
 * @param statementFrom           DTP*434 statement covers period, first day
 * @param statementThrough        DTP*434 last day, not before {@code statementFrom}
 * @param admissionDate           DTP*435, {@code null} when there was no admission (outpatient)
 * @param admissionTypeCode       CL101 priority of the admission or visit, 1 digit (1 emergency ... 9 unknown)
 * @param admissionSourceCode     CL102 point of origin, 1 character, may be {@code null}
 * @param patientStatusCode       CL103 discharge status, 2 digits (01 home, 20 expired, 30 still a patient ...)
 * @param diagnoses               ICD-10-CM codes with or without the dot, 1 to 25: the first is the principal
 *                                diagnosis (HI*ABK), the rest other diagnoses (HI*ABF, 12 per segment)
 * @param attendingProvider       loop 2310A, required
 * @param lines                   1 to 450 revenue lines
 */
public record InstitutionalClaimDetails(
        String claimNumber,
        BigDecimal totalCharge,
        String facilityTypeCode,
        ClaimFrequency frequency,
        String payerClaimControlNumber,
        LocalDate statementFrom,
        LocalDate statementThrough,
        LocalDate admissionDate,
        String admissionTypeCode,
        String admissionSourceCode,
        String patientStatusCode,
        List<String> diagnoses,
        AttendingProvider attendingProvider,
        List<InstitutionalServiceLine> lines) {

    /** 1 principal and 24 other diagnoses: what the guide's HI segments hold (1 ABK + 2 x 12 ABF). */
    public static final int MAX_DIAGNOSES = 25;

    /**
     * The guide allows 999 lines, but Medicare's institutional front end (and most payers copying it) takes at most
     * 450; a longer stay has to be split into interim bills anyway.
     */
    public static final int MAX_LINES = 450;

    public InstitutionalClaimDetails {
        if (claimNumber == null || claimNumber.isBlank() || claimNumber.length() > 20) {
            throw new IllegalArgumentException("claim number must be 1 to 20 characters, was '" + claimNumber + "'");
        }
        Objects.requireNonNull(totalCharge, "total charge");
        if (facilityTypeCode == null || !facilityTypeCode.matches("\\d{2}")) {
            throw new IllegalArgumentException(
                    "facility type code must be the 2 digits of the type of bill, was '" + facilityTypeCode + "'");
        }
        Objects.requireNonNull(frequency, "claim frequency");
        if (frequency.refersToPriorClaim() && (payerClaimControlNumber == null || payerClaimControlNumber.isBlank())) {
            throw new IllegalArgumentException(
                    "a " + frequency.name().toLowerCase() + " claim needs the payer's claim control number (REF*F8)");
        }
        Objects.requireNonNull(statementFrom, "statement from date");
        Objects.requireNonNull(statementThrough, "statement through date");
        if (statementThrough.isBefore(statementFrom)) {
            throw new IllegalArgumentException("statement period ends " + statementThrough + " before it starts "
                    + statementFrom);
        }
        if (admissionDate != null && admissionDate.isAfter(statementThrough)) {
            throw new IllegalArgumentException("admission date " + admissionDate
                    + " is after the statement period ends " + statementThrough);
        }
        if (admissionTypeCode == null || !admissionTypeCode.matches("\\d")) {
            throw new IllegalArgumentException("admission type code (CL101) must be 1 digit, was '"
                    + admissionTypeCode + "'");
        }
        if (admissionSourceCode != null && admissionSourceCode.isBlank()) {
            admissionSourceCode = null;
        }
        if (admissionSourceCode != null && !admissionSourceCode.matches("[0-9A-Z]")) {
            throw new IllegalArgumentException("admission source code (CL102) must be 1 character, was '"
                    + admissionSourceCode + "'");
        }
        if (patientStatusCode == null || !patientStatusCode.matches("\\d{2}")) {
            throw new IllegalArgumentException("patient status code (CL103) must be 2 digits, was '"
                    + patientStatusCode + "'");
        }
        diagnoses = List.copyOf(Objects.requireNonNull(diagnoses, "diagnoses"));
        if (diagnoses.isEmpty() || diagnoses.size() > MAX_DIAGNOSES) {
            throw new IllegalArgumentException("an 837I claim needs 1 to " + MAX_DIAGNOSES + " diagnoses, has "
                    + diagnoses.size());
        }
        for (String diagnosis : diagnoses) {
            if (diagnosis == null || !diagnosis.replace(".", "").trim().matches("[A-Z][0-9A-Z]{2,6}")) {
                throw new IllegalArgumentException("'" + diagnosis + "' is not an ICD-10-CM code");
            }
        }
        Objects.requireNonNull(attendingProvider, "attending provider (loop 2310A is required on an 837I)");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("an 837I claim needs 1 to " + MAX_LINES + " service lines, has "
                    + lines.size());
        }
        BigDecimal sum = lines.stream().map(InstitutionalServiceLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(totalCharge) != 0) {
            throw new IllegalArgumentException("total charge " + totalCharge.toPlainString()
                    + " differs from the sum of the line charges " + sum.toPlainString());
        }
    }
}
