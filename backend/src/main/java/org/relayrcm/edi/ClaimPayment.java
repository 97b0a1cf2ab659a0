package org.relayrcm.edi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Loop 2100: the payer's decision on one claim.
 *
 * @param patientControlNumber    CLP01, our claim number (CLM01) echoed back
 * @param statusCode              CLP02: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 22 reversal, ...
 * @param chargeAmount            CLP03
 * @param paymentAmount           CLP04
 * @param patientResponsibility   CLP05, zero when absent
 * @param claimFilingIndicator    CLP06, e.g. 12 PPO, MB Medicare Part B, MC Medicaid
 * @param payerClaimControlNumber CLP07, needed for a later replacement claim (REF*F8)
 * @param patient                 NM1*QC, may be {@code null}
 * @param statementFromDate       DTM*232, may be {@code null}
 * @param adjustments             claim-level CAS
 * @param remarkCodes             MOA/MIA remark codes
 * @param lines                   service lines, empty when the payer adjudicated at claim level
 */
public record ClaimPayment(
        String patientControlNumber,
        String statusCode,
        BigDecimal chargeAmount,
        BigDecimal paymentAmount,
        BigDecimal patientResponsibility,
        String claimFilingIndicator,
        String payerClaimControlNumber,
        RemitPatient patient,
        LocalDate statementFromDate,
        List<Adjustment> adjustments,
        List<String> remarkCodes,
        List<ServicePayment> lines) {

    public ClaimPayment {
        adjustments = List.copyOf(adjustments);
        remarkCodes = List.copyOf(remarkCodes);
        lines = List.copyOf(lines);
        if (patientResponsibility == null) {
            patientResponsibility = BigDecimal.ZERO;
        }
    }

    /** CLP02 4: the payer denied the claim. */
    public boolean isDenied() {
        return "4".equals(statusCode);
    }

    /** Sum of claim-level and line-level CAS amounts. */
    public BigDecimal adjustmentTotal() {
        BigDecimal claimLevel = adjustments.stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return lines.stream().map(ServicePayment::adjustmentTotal).reduce(claimLevel, BigDecimal::add);
    }

    /** Charge minus payment equals the adjustments, as the 835 guide requires of every claim. */
    public boolean isBalanced() {
        return chargeAmount.subtract(paymentAmount).compareTo(adjustmentTotal()) == 0;
    }
}
