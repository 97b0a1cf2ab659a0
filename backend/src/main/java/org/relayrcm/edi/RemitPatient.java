package org.relayrcm.edi;

/** NM1*QC of an 835 claim: the patient as the payer knows them. */
public record RemitPatient(String lastName, String firstName, String idQualifier, String id) {
}
