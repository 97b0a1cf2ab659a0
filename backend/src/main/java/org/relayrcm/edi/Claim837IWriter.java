package org.relayrcm.edi;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one {@link InstitutionalClaim} as an interchange holding one 837I transaction (005010X223A2), streaming
 * through StAEDI, in the implementation guide's segment order. Envelope, submitter, receiver, billing provider and
 * subscriber loops are written exactly as for the 837P ({@link Claim837Loops}); what differs is loop 2300 (facility
 * type, statement period, CL1, attending provider) and the revenue-coded SV2 lines.
 */
public final class Claim837IWriter {

    /** GS08 and ST03 of every 837I we send. */
    public static final String IMPLEMENTATION_GUIDE = "005010X223A2";

    /** HI holds at most 12 diagnosis composites; more other diagnoses go into a second HI. */
    private static final int DIAGNOSES_PER_HI = 12;

    private final boolean segmentPerLine;

    /** A writer that ends every segment with a newline. */
    public Claim837IWriter() {
        this(true);
    }

    /** @param segmentPerLine whether a newline follows each {@code ~}; {@code false} writes one long line */
    public Claim837IWriter(boolean segmentPerLine) {
        this.segmentPerLine = segmentPerLine;
    }

    /** Writes the claim to {@code out} (not closed), encoded as ASCII-compatible UTF-8. */
    public void write(InstitutionalClaim claim, OutputStream out) {
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
    public String writeToString(InstitutionalClaim claim) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(claim, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeClaim(X12SegmentWriter x12, InstitutionalClaimDetails claim) {
        // CLM05 = facility type : A (uniform billing claim form codes) : frequency; together the type of bill.
        // CLM06 is not used on an 837I; CLM07 assignment accepted, CLM08 benefits assigned, CLM09 release of info.
        x12.segment("CLM", claim.claimNumber(), X12Values.decimal(claim.totalCharge()), null, null,
                List.of(claim.facilityTypeCode(), "A", claim.frequency().code()), null, "A", "Y", "Y");
        x12.segment("DTP", "434", "RD8",
                X12Values.date(claim.statementFrom()) + "-" + X12Values.date(claim.statementThrough()));
        if (claim.admissionDate() != null) {
            x12.segment("DTP", "435", "D8", X12Values.date(claim.admissionDate()));
        }
        x12.segment("CL1", claim.admissionTypeCode(), claim.admissionSourceCode(), claim.patientStatusCode());
        if (claim.frequency().refersToPriorClaim()) {
            x12.segment("REF", "F8", claim.payerClaimControlNumber());
        }
        writeDiagnoses(x12, claim.diagnoses());

        AttendingProvider attending = claim.attendingProvider();
        x12.segment("NM1", "71", "1", attending.lastName(), attending.firstName(), null, null, null, "XX",
                attending.npi());
        x12.segment("PRV", "AT", "PXC", attending.taxonomyCode());

        int lineNumber = 0;
        for (InstitutionalServiceLine line : claim.lines()) {
            writeLine(x12, ++lineNumber, line, claim.statementFrom());
        }
    }

    /** The principal diagnosis has its own HI (ABK); the others follow, 12 to a segment (ABF). */
    private static void writeDiagnoses(X12SegmentWriter x12, List<String> diagnoses) {
        x12.segment("HI", List.of("ABK", Claim837Loops.icd10(diagnoses.get(0))));
        List<String> others = diagnoses.subList(1, diagnoses.size());
        for (int from = 0; from < others.size(); from += DIAGNOSES_PER_HI) {
            List<Object> hi = new ArrayList<>();
            for (String code : others.subList(from, Math.min(others.size(), from + DIAGNOSES_PER_HI))) {
                hi.add(List.of("ABF", Claim837Loops.icd10(code)));
            }
            x12.segment("HI", hi.toArray());
        }
    }

    private static void writeLine(X12SegmentWriter x12, int lineNumber, InstitutionalServiceLine line,
            LocalDate statementFrom) {
        x12.segment("LX", Integer.toString(lineNumber));
        List<String> procedure = new ArrayList<>();
        if (line.procedureCode() != null) {
            procedure.add("HC");
            procedure.add(line.procedureCode());
            procedure.addAll(line.modifiers());
        }
        x12.segment("SV2", line.revenueCode(), procedure, X12Values.decimal(line.charge()), "UN",
                X12Values.decimal(line.units()));
        LocalDate serviceDate = line.serviceDate() != null ? line.serviceDate() : statementFrom;
        x12.segment("DTP", "472", "D8", X12Values.date(serviceDate));
    }
}
