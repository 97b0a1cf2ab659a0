package org.relayrcm.edi;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The loops 837P and 837I write the same way: the header (BHT, 1000A submitter, 1000B receiver), the billing
 * provider (2000A/2010AA) and the subscriber with the payer (2000B/2010BA/2010BB). Kept in one place so a fix to one
 * claim type cannot miss the other.
 */
final class Claim837Loops {

    private Claim837Loops() {
    }

    static void header(X12SegmentWriter x12, LocalDateTime created, String claimNumber, Submitter submitter,
            Receiver receiver) {
        // BHT02 00 = original transmission, BHT06 CH = chargeable (a claim, not an encounter report).
        x12.segment("BHT", "0019", "00", claimNumber, X12Values.date(created.toLocalDate()),
                created.format(X12Values.HHMM), "CH");

        x12.segment("NM1", "41", "2", submitter.name(), null, null, null, null, "46", submitter.id());
        // PER03/04 is the first contact number, PER05/06 an optional second one.
        List<Object> per = new ArrayList<>(List.of("IC", submitter.contactName()));
        if (submitter.phone() != null && !submitter.phone().isBlank()) {
            per.add("TE");
            per.add(submitter.phone().replaceAll("\\D", ""));
        }
        if (submitter.email() != null && !submitter.email().isBlank()) {
            per.add("EM");
            per.add(submitter.email());
        }
        x12.segment("PER", per.toArray());

        x12.segment("NM1", "40", "2", receiver.name(), null, null, null, null, "46", receiver.id());
    }

    static void billingProvider(X12SegmentWriter x12, BillingProvider provider) {
        // HL 1 has no parent; 20 = information source; 1 = it has a child (the subscriber).
        x12.segment("HL", "1", null, "20", "1");
        x12.segment("PRV", "BI", "PXC", provider.taxonomyCode());
        x12.segment("NM1", "85", "2", provider.organizationName(), null, null, null, null, "XX", provider.npi());
        address(x12, provider.address());
        x12.segment("REF", "EI", provider.taxId());
    }

    static void subscriber(X12SegmentWriter x12, Subscriber subscriber, Payer payer) {
        // HL 2 under HL 1; 22 = subscriber; 0 = no patient child because the patient is the subscriber.
        x12.segment("HL", "2", "1", "22", "0");
        x12.segment("SBR", "P", "18", null, null, null, null, null, null, payer.claimFilingIndicator());
        x12.segment("NM1", "IL", "1", subscriber.lastName(), subscriber.firstName(), null, null, null, "MI",
                subscriber.memberId());
        address(x12, subscriber.address());
        x12.segment("DMG", "D8", X12Values.date(subscriber.birthDate()), subscriber.sex().code());
        x12.segment("NM1", "PR", "2", payer.name(), null, null, null, null, "PI", payer.payerId());
    }

    static void address(X12SegmentWriter x12, Address address) {
        x12.segment("N3", address.line1(), address.line2());
        x12.segment("N4", address.city(), address.state(), address.postalCode());
    }

    /** X12 carries ICD-10-CM codes without the dot. */
    static String icd10(String code) {
        return code.replace(".", "").trim();
    }
}
