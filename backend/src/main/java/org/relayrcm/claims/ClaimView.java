package org.relayrcm.claims;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.relayrcm.claims.scrub.ScrubFinding;

/** A claim with its lines, submissions, the payer's acknowledgements and denials, as the biller's forms show it. */
public record ClaimView(
        long id,
        String claimNumber,
        String encounterNumber,
        String patientName,
        String payerName,
        String status,
        long totalChargeCents,
        Long paidCents,
        LocalDate dateOfService,
        String placeOfService,
        String claimType,
        List<Diagnosis> diagnoses,
        List<Line> lines,
        List<Submission> submissions,
        List<Denial> denials,
        List<Acknowledgement> acknowledgements,
        List<ScrubFinding> findings) {

    public record Diagnosis(String code, String description) {
    }

    public record Line(int lineNumber, String procedureCode, List<String> modifiers, int units, long chargeCents,
            List<Integer> diagnosisPointers, Long paidCents) {
    }

    public record Submission(int sequence, Instant submittedAt, String fileName) {
    }

    /** A 999 or 277CA answer to one submission; the message says what to fix when it was a rejection. */
    public record Acknowledgement(int sequence, String kind, boolean accepted, String statusCodes, String message,
            Instant receivedAt) {
    }

    public record Denial(long id, String groupCode, String reasonCode, String reasonText, long amountCents, String status) {
    }

    public record Summary(long id, String claimNumber, String encounterNumber, String patientName, String payerName,
            String status, long totalChargeCents, Long paidCents, LocalDate dateOfService) {
    }
}
