package org.relayrcm.edi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A 277CA claim acknowledgement (005010X214): per claim, whether the payer took it into adjudication.
 *
 * @param senderId ISA06 of the file
 * @param claims   one per 2200D loop, in file order
 */
public record ClaimAcknowledgement(String senderId, List<ClaimResult> claims) {

    public ClaimAcknowledgement {
        claims = List.copyOf(claims == null ? List.of() : claims);
    }

    /**
     * @param patientControlNumber     TRN02 of loop 2200D: our CLM01
     * @param payerClaimControlNumber  REF*1K, the payer's number for the claim; {@code null} when rejected
     * @param statuses                 the STC segments of loop 2200D, first one first
     * @param totalCharge              STC04 of the first STC, may be {@code null}
     */
    public record ClaimResult(String patientControlNumber, String payerClaimControlNumber, List<Status> statuses,
            BigDecimal totalCharge) {

        public ClaimResult {
            Objects.requireNonNull(patientControlNumber, "patient control number (TRN02)");
            statuses = List.copyOf(statuses == null ? List.of() : statuses);
        }

        /** Accepted when the first STC's category (STC01-1) says so; rejected otherwise. */
        public boolean accepted() {
            return !statuses.isEmpty() && statuses.get(0).accepted();
        }
    }

    /**
     * One STC: category (STC01-1, e.g. A2), status (STC01-2, e.g. 20), entity (STC01-3, optional), date (STC02),
     * action (STC03: WQ accepted, U rejected) and free text (STC12).
     */
    public record Status(String categoryCode, String statusCode, String entityCode, LocalDate date,
            String actionCode, String freeText) {

        /** A0 forwarded, A1 received, A2 accepted into adjudication, A5 split: the claim lives on. */
        static final Set<String> ACCEPTED_CATEGORIES = Set.of("A0", "A1", "A2", "A5");

        public boolean accepted() {
            return ACCEPTED_CATEGORIES.contains(categoryCode);
        }
    }
}
