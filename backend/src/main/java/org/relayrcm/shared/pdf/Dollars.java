package org.relayrcm.shared.pdf;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Cents as a reader expects them on paper: "$1,234.56", "-$12.00". */
public final class Dollars {

    private Dollars() {
    }

    public static String format(long cents) {
        String amount = NumberFormat.getCurrencyInstance(Locale.US).format(BigDecimal.valueOf(Math.abs(cents), 2));
        return cents < 0 ? "-" + amount : amount;
    }
}
