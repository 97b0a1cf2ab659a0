package org.relayrcm.edi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One 835 transaction: one payment (or non-payment) from one payer to one payee, with its claims.
 *
 * @param envelope             where it came from; ignored by the writer
 * @param handlingCode         BPR01: I remittance with payment, H notification only, ...
 * @param totalPayment         BPR02
 * @param creditDebitFlag      BPR03, C or D
 * @param paymentMethod        BPR04: CHK, ACH, NON, ...
 * @param paymentDate          BPR16
 * @param traceNumber          TRN02, the check or EFT number: what the bank deposit shows
 * @param traceOriginatorId    TRN03, 1 followed by the payer's tax id
 * @param productionDate       DTM*405, may be {@code null}
 * @param payer                loop 1000A
 * @param payee                loop 1000B
 * @param claims               loop 2100, in file order
 * @param providerAdjustments  PLB pairs
 */
public record RemittanceAdvice(
        EnvelopeIds envelope,
        String handlingCode,
        BigDecimal totalPayment,
        String creditDebitFlag,
        String paymentMethod,
        LocalDate paymentDate,
        String traceNumber,
        String traceOriginatorId,
        LocalDate productionDate,
        RemitParty payer,
        RemitParty payee,
        List<ClaimPayment> claims,
        List<ProviderAdjustment> providerAdjustments) {

    public RemittanceAdvice {
        claims = List.copyOf(claims);
        providerAdjustments = List.copyOf(providerAdjustments);
    }

    /** Sum of CLP04. */
    public BigDecimal claimPaymentTotal() {
        return claims.stream().map(ClaimPayment::paymentAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Sum of the PLB amounts. */
    public BigDecimal providerAdjustmentTotal() {
        return providerAdjustments.stream().map(ProviderAdjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** BPR02 = sum of CLP04 minus the provider-level adjustments, as the 835 guide requires. */
    public boolean isBalanced() {
        return totalPayment.compareTo(claimPaymentTotal().subtract(providerAdjustmentTotal())) == 0;
    }
}
