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
            Claim837Loops.header(x12, envelope.createdAt(), claim.claim().claimNumber(), claim.submitter(),
                    claim.receiver());
            Claim837Loops.billingProvider(x12, claim.billingProvider());
            Claim837Loops.subscriber(x12, claim.subscriber(), claim.payer());
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
            hi.add(List.of(i == 0 ? "ABK" : "ABF", Claim837Loops.icd10(claim.diagnoses().get(i))));
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
}
