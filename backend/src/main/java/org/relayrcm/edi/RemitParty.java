package org.relayrcm.edi;

/**
 * Loop 1000A (payer, N1*PR) or 1000B (payee, N1*PE) of an 835.
 *
 * @param idQualifier N103, e.g. {@code XV} (CMS plan id), {@code XX} (NPI), {@code FI} (tax id); {@code 2U} when the
 *                    payer id came from REF*2U
 * @param id          N104, or for the payer the REF*2U value when N104 is absent
 * @param address     N3/N4, may be {@code null}
 * @param taxId       payee's REF*TJ federal tax id, usually sent beside an NPI in N104; {@code null} when absent
 */
public record RemitParty(String name, String idQualifier, String id, Address address, String taxId) {

    public RemitParty(String name, String idQualifier, String id, Address address) {
        this(name, idQualifier, id, address, null);
    }
}
