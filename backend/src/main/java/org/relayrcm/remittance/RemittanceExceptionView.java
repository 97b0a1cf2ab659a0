package org.relayrcm.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One remittance exception with what the payer sent, for the biller who reviews it.
 *
 * @param sentClaimNumber  CLP01 as the payer sent it; {@code null} for a transaction-level exception
 * @param claimId          our claim it concerns, {@code null} when unknown
 * @param actions          what the biller may do with it now (empty once resolved)
 */
public record RemittanceExceptionView(
        long id,
        String kind,
        String status,
        String message,
        Long amountCents,
        Long differenceCents,
        String payerName,
        String payerId,
        String traceNumber,
        LocalDate paymentDate,
        long paymentCents,
        String sentClaimNumber,
        String statusCode,
        Long chargeCents,
        Long paidCents,
        Long patientResponsibilityCents,
        String payerClaimControl,
        LocalDate statementDate,
        Long claimId,
        String claimNumber,
        List<Line> lines,
        List<Adjustment> adjustments,
        List<ExceptionResolution.Action> actions,
        String resolutionNote,
        String resolvedClaimNumber,
        String resolvedBy,
        OffsetDateTime resolvedAt,
        OffsetDateTime createdAt) {

    /** A service line as the payer answered it; {@code lineNumber} is ours when it was matched. */
    public record Line(int position, Integer lineNumber, String procedureCode, String modifiers, long chargeCents,
            long paidCents, Long allowedCents, LocalDate serviceDate, String remarkCodes) {
    }

    /** One CAS triple; {@code linePosition} is null at claim level. */
    public record Adjustment(Integer linePosition, String groupCode, String reasonCode, String reasonText,
            long amountCents, BigDecimal quantity, String remarkCodes) {
    }
}
