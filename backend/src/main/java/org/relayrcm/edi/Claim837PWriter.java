package org.relayrcm.edi;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes one {@link ProfessionalClaim} as an interchange holding one 837P transaction (005010X222A1), streaming
 * through StAEDI. Only the loops a clean office claim needs are written; the segment order follows the
 * implementation guide because payers' front-end edits reject out-of-order segments.
 */
public final class Claim837PWriter {

    /** GS08 and ST03 of every 837P we send. */
    public static final String IMPLEMENTATION_GUIDE = "005010X222A1";

    private final boolean segmentPerLine;

    /** A writer that ends every segment with a newline (easier to read in support tickets; payers accept it). */
    public Claim837PWriter() {
        this(true);
    }

    /** @param segmentPerLine whether a newline follows each {@code ~}; {@code false} writes one long line */
    public Claim837PWriter(boolean segmentPerLine) {
        this.segmentPerLine = segmentPerLine;
    }

    /** Writes the claim to {@code out} (not closed), encoded as ASCII-compatible UTF-8. */
    public void write(ProfessionalClaim claim, OutputStream out) {
        InterchangeEnvelope envelope = claim.envelope();
        try (X12SegmentWriter x12 = new X12SegmentWriter(out, segmentPerLine)) {
            x12.startInterchange(envelope, "HC", IMPLEMENTATION_GUIDE);
            String st02 = x12.startTransaction("837", envelope.transactionControlNumber(), IMPLEMENTATION_GUIDE);
            writeHeader(x12, claim);
            writeBillingProvider(x12, claim.billingProvider());
            writeSubscriber(x12, claim.subscriber(), claim.payer());
            writeClaim(x12, claim.claim());
            x12.endTransaction(st02);
            x12.endInterchange(envelope);
        }
    }

    /** The claim as X12 text, for storing beside the submission and showing on screen. */
    public String writeToString(ProfessionalClaim claim) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(claim, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeHeader(X12SegmentWriter x12, ProfessionalClaim claim) {
        var created = claim.envelope().createdAt();
        // BHT02 00 = original transmission, BHT06 CH = chargeable (a claim, not an encounter report).
        x12.segment("BHT", "0019", "00", claim.claim().claimNumber(),
                X12Values.date(created.toLocalDate()), created.format(X12Values.HHMM), "CH");

        Submitter submitter = claim.submitter();
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

        Receiver receiver = claim.receiver();
        x12.segment("NM1", "40", "2", receiver.name(), null, null, null, null, "46", receiver.id());
    }

    private static void writeBillingProvider(X12SegmentWriter x12, BillingProvider provider) {
        // HL 1 has no parent; 20 = information source; 1 = it has a child (the subscriber).
        x12.segment("HL", "1", null, "20", "1");
        x12.segment("PRV", "BI", "PXC", provider.taxonomyCode());
        x12.segment("NM1", "85", "2", provider.organizationName(), null, null, null, null, "XX", provider.npi());
        writeAddress(x12, provider.address());
        x12.segment("REF", "EI", provider.taxId());
    }

    private static void writeSubscriber(X12SegmentWriter x12, Subscriber subscriber, Payer payer) {
        // HL 2 under HL 1; 22 = subscriber; 0 = no patient child because the patient is the subscriber.
        x12.segment("HL", "2", "1", "22", "0");
        x12.segment("SBR", "P", "18", null, null, null, null, null, null, payer.claimFilingIndicator());
        x12.segment("NM1", "IL", "1", subscriber.lastName(), subscriber.firstName(), null, null, null, "MI",
                subscriber.memberId());
        writeAddress(x12, subscriber.address());
        x12.segment("DMG", "D8", X12Values.date(subscriber.birthDate()), subscriber.sex().code());
        x12.segment("NM1", "PR", "2", payer.name(), null, null, null, null, "PI", payer.payerId());
    }

    private static void writeClaim(X12SegmentWriter x12, ClaimDetails claim) {
        // CLM05 = place of service : B (the code set is place of service) : frequency.
        // CLM06 provider signature on file, CLM07 assigned, CLM08 benefits assigned, CLM09 release of information.
        x12.segment("CLM", claim.claimNumber(), X12Values.decimal(claim.totalCharge()), null, null,
                List.of(claim.placeOfService(), "B", claim.frequency().code()), "Y", "A", "Y", "Y");
        if (claim.frequency().refersToPriorClaim()) {
            x12.segment("REF", "F8", claim.payerClaimControlNumber());
        }
        List<Object> hi = new ArrayList<>();
        for (int i = 0; i < claim.diagnoses().size(); i++) {
            // X12 carries ICD-10-CM codes without the dot.
            hi.add(List.of(i == 0 ? "ABK" : "ABF", claim.diagnoses().get(i).replace(".", "").trim()));
        }
        x12.segment("HI", hi.toArray());

        RenderingProvider rendering = claim.renderingProvider();
        if (rendering != null) {
            x12.segment("NM1", "82", "1", rendering.lastName(), rendering.firstName(), null, null, null, "XX",
                    rendering.npi());
            if (rendering.taxonomyCode() != null && !rendering.taxonomyCode().isBlank()) {
                x12.segment("PRV", "PE", "PXC", rendering.taxonomyCode());
            }
        }

        int lineNumber = 0;
        for (ServiceLine line : claim.lines()) {
            writeLine(x12, ++lineNumber, line, claim.dateOfService());
        }
    }

    private static void writeLine(X12SegmentWriter x12, int lineNumber, ServiceLine line, LocalDate claimDate) {
        x12.segment("LX", Integer.toString(lineNumber));
        List<String> procedure = new ArrayList<>();
        procedure.add("HC");
        procedure.add(line.procedureCode());
        procedure.addAll(line.modifiers());
        List<String> pointers = line.diagnosisPointers().stream().map(String::valueOf).collect(Collectors.toList());
        x12.segment("SV1", procedure, X12Values.decimal(line.charge()), "UN", X12Values.decimal(line.units()),
                null, null, pointers);
        LocalDate serviceDate = line.serviceDate() != null ? line.serviceDate() : claimDate;
        x12.segment("DTP", "472", "D8", X12Values.date(serviceDate));
    }

    private static void writeAddress(X12SegmentWriter x12, Address address) {
        x12.segment("N3", address.line1(), address.line2());
        x12.segment("N4", address.city(), address.state(), address.postalCode());
    }
}
