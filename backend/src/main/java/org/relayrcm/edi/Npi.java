package org.relayrcm.edi;

/**
 * National Provider Identifier check. The tenth digit is a Luhn check digit computed over the nine leading digits
 * prefixed with 80840 (the ISO issuer prefix for US health), so a typo is caught before the payer rejects the claim.
 */
public final class Npi {

    /** The constant the 80840 prefix contributes to the Luhn sum (CMS publishes it as 24). */
    private static final int PREFIX_SUM = 24;

    private Npi() {
    }

    /** True when {@code npi} is 10 digits whose last digit is the right check digit. */
    public static boolean isValid(String npi) {
        if (npi == null || !npi.matches("\\d{10}")) {
            return false;
        }
        return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** The check digit for the first nine digits of an NPI. */
    public static int checkDigit(String firstNineDigits) {
        if (firstNineDigits == null || !firstNineDigits.matches("\\d{9}")) {
            throw new IllegalArgumentException("need 9 digits, got '" + firstNineDigits + "'");
        }
        int sum = PREFIX_SUM;
        // Luhn from the right of the 9 digits: the rightmost one is doubled because the check digit follows it.
        for (int i = 8, position = 0; i >= 0; i--, position++) {
            int digit = firstNineDigits.charAt(i) - '0';
            if (position % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - (sum % 10)) % 10;
    }

    static void requireValid(String npi, String what) {
        if (!isValid(npi)) {
            throw new IllegalArgumentException(what + " '" + npi + "' is not a valid NPI (10 digits, check digit)");
        }
    }
}
