package org.relayrcm.edi;

/**
 * N3/N4 postal address. Not validated here because 835s from payers carry whatever they carry; the 837 writer
 * checks what a claim needs.
 *
 * @param line1      N301
 * @param line2      N302, may be {@code null}
 * @param city       N401
 * @param state      N402, two-letter code
 * @param postalCode N403, 5 or 9 digits for US addresses
 */
public record Address(String line1, String line2, String city, String state, String postalCode) {

    public Address(String line1, String city, String state, String postalCode) {
        this(line1, null, city, state, postalCode);
    }
}
