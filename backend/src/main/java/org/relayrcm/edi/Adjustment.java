package org.relayrcm.edi;

import java.math.BigDecimal;

/**
 * One reason/amount pair of a CAS segment (a CAS segment holds up to six, all under one group code).
 *
 * @param groupCode  CAS01: CO contractual, PR patient responsibility, OA other, PI payer initiated, CR correction
 * @param reasonCode claim adjustment reason code (CARC)
 * @param amount     positive reduces the payment, negative increases it
 * @param quantity   adjusted units, {@code null} when not given
 */
public record Adjustment(String groupCode, String reasonCode, BigDecimal amount, BigDecimal quantity) {
}
