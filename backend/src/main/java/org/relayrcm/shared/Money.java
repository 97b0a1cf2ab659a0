package org.relayrcm.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is stored as whole cents; X12 speaks dollars with up to two decimals. */
public final class Money {

    private Money() {
    }

    public static BigDecimal toDollars(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** Rejects fractions of a cent instead of rounding them away: money must balance exactly. */
    public static long toCents(BigDecimal dollars) {
        return dollars.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
    }
}
