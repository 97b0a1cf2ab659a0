package org.relayrcm.edi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Loop 2300 and its service lines.
 *
 * @param claimNumber              CLM01 patient control number, at most 20 characters; the payer echoes it in CLP01
 * @param totalCharge              CLM02, must equal the sum of the line charges (payers reject the claim otherwise)
 * @param placeOfService           CLM05-1, two-digit CMS place-of-service code (e.g. 11 office)
 * @param frequency                CLM05-3
 * @param payerClaimControlNumber  REF*F8, required for replacement and void, ignored for an original claim
 * @param dateOfService            default for lines without their own service date
 * @param diagnoses                ICD-10-CM codes with or without the dot; the first is the principal (ABK), 1 to 12
 * @param lines                    1 to 50 service lines
 * @param renderingProvider        loop 2310B, may be {@code null}
 */
public record ClaimDetails(
        String claimNumber,
        BigDecimal totalCharge,
        String placeOfService,
        ClaimFrequency frequency,
        String payerClaimControlNumber,
        LocalDate dateOfService,
        List<String> diagnoses,
        List<ServiceLine> lines,
        RenderingProvider renderingProvider) {

    public ClaimDetails {
        if (claimNumber == null || claimNumber.isBlank() || claimNumber.length() > 20) {
            throw new IllegalArgumentException("claim number must be 1 to 20 characters, was '" + claimNumber + "'");
        }
        Objects.requireNonNull(totalCharge, "total charge");
        if (placeOfService == null || !placeOfService.matches("\\d{2}")) {
            throw new IllegalArgumentException("place of service must be a 2-digit code, was '" + placeOfService + "'");
        }
        Objects.requireNonNull(frequency, "claim frequency");
        if (frequency.refersToPriorClaim() && (payerClaimControlNumber == null || payerClaimControlNumber.isBlank())) {
            throw new IllegalArgumentException(
                    "a " + frequency.name().toLowerCase() + " claim needs the payer's claim control number (REF*F8)");
        }
        Objects.requireNonNull(dateOfService, "date of service");
        diagnoses = List.copyOf(Objects.requireNonNull(diagnoses, "diagnoses"));
        if (diagnoses.isEmpty() || diagnoses.size() > 12) {
            throw new IllegalArgumentException("a claim needs 1 to 12 diagnoses, has " + diagnoses.size());
        }
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty() || lines.size() > 50) {
            throw new IllegalArgumentException("an 837P claim needs 1 to 50 service lines, has " + lines.size());
        }
        BigDecimal sum = lines.stream().map(ServiceLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(totalCharge) != 0) {
            throw new IllegalArgumentException(
                    "total charge " + totalCharge.toPlainString() + " differs from the sum of the line charges "
                            + sum.toPlainString());
        }
        for (ServiceLine line : lines) {
            for (int pointer : line.diagnosisPointers()) {
                if (pointer > diagnoses.size()) {
                    throw new IllegalArgumentException("procedure " + line.procedureCode() + " points to diagnosis "
                            + pointer + " but the claim has " + diagnoses.size());
                }
            }
        }
    }
}
