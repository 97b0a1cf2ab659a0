package org.relayrcm.coding;

import java.time.LocalDate;

/** A coding case as the coding form shows it: the documentation beside the draft and final codes. */
public record CodingCaseView(
        long id,
        long encounterId,
        String encounterNumber,
        String status,
        String patientName,
        LocalDate patientBirthDate,
        String patientSex,
        LocalDate dateOfService,
        String payerName,
        String documentation,
        Codes draft,
        Codes finalCodes) {
}
