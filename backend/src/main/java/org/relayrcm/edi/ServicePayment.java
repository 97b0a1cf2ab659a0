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
 * @param allowedAmount         AMT*B6, what the payer allows for the line; {@code null} when not sent
 * @param submittedCode         SVC06-2, the procedure code we billed when the payer paid under another one (SVC01);
 *                              {@code null} when the payer kept ours
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
        List<String> remarkCodes,
        BigDecimal allowedAmount,
        String submittedCode) {

    public ServicePayment {
        modifiers = List.copyOf(modifiers);
        adjustments = List.copyOf(adjustments);
        remarkCodes = List.copyOf(remarkCodes);
    }

    /** A line without allowed amount and with the procedure code as billed. */
    public ServicePayment(String procedureQualifier, String procedureCode, List<String> modifiers,
            BigDecimal chargeAmount, BigDecimal paymentAmount, BigDecimal units, LocalDate serviceDate,
            String lineItemControlNumber, List<Adjustment> adjustments, List<String> remarkCodes) {
        this(procedureQualifier, procedureCode, modifiers, chargeAmount, paymentAmount, units, serviceDate,
                lineItemControlNumber, adjustments, remarkCodes, null, null);
    }

    /** The code we billed: SVC06 when the payer adjudicated under another code, else SVC01. */
    public String billedCode() {
        return submittedCode != null ? submittedCode : procedureCode;
    }

    public BigDecimal adjustmentTotal() {
        return adjustments.stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
