package org.relayrcm.edi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Loop 2110: what the payer did with one billed line.
 *
 * @param procedureQualifier    SVC01-1, usually {@code HC}
 * @param procedureCode         SVC01-2
 * @param modifiers             SVC01-3..6
 * @param chargeAmount          SVC02
 * @param paymentAmount         SVC03
 * @param units                 SVC05 paid units, {@code null} when absent (the guide then means 1)
 * @param serviceDate           DTM*472, or DTM*150 (period start) when the payer sends a period
 * @param lineItemControlNumber REF*6R: our line id echoed back, the reliable way to match a line
 * @param adjustments           line-level CAS
 * @param remarkCodes           LQ*HE remittance advice remark codes (RARC)
 */
public record ServicePayment(
        String procedureQualifier,
        String procedureCode,
        List<String> modifiers,
        BigDecimal chargeAmount,
        BigDecimal paymentAmount,
        BigDecimal units,
        LocalDate serviceDate,
        String lineItemControlNumber,
        List<Adjustment> adjustments,
        List<String> remarkCodes) {

    public ServicePayment {
        modifiers = List.copyOf(modifiers);
        adjustments = List.copyOf(adjustments);
        remarkCodes = List.copyOf(remarkCodes);
    }

    public BigDecimal adjustmentTotal() {
        return adjustments.stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
