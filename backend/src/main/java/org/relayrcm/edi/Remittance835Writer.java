package org.relayrcm.edi;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@link RemittanceAdvice}s as one interchange with one functional group (HP, 005010X221A1), one 835
 * transaction per advice. Used by the built-in payer simulator, so it writes what a clean payer file has and reads
 * back through {@link Remittance835Reader} unchanged. BPR is written for check (CHK) or non-payment (NON) only: the
 * ACH bank routing elements BPR05..BPR15 are not modelled.
 */
public final class Remittance835Writer {

    private final boolean segmentPerLine;
    private final String technicalContactName;
    private final String technicalContactEmail;

    /** One segment per line, technical contact "EDI SUPPORT" at edi@payer.example (fine for a simulator). */
    public Remittance835Writer() {
        this(true);
    }

    /** @param segmentPerLine whether a newline follows each {@code ~} */
    public Remittance835Writer(boolean segmentPerLine) {
        this(segmentPerLine, "EDI SUPPORT", "edi@payer.example");
    }

    /**
     * @param technicalContactName  PER02 of the payer's required technical contact (PER*BL)
     * @param technicalContactEmail PER04 (qualifier EM) of that contact
     */
    public Remittance835Writer(boolean segmentPerLine, String technicalContactName, String technicalContactEmail) {
        this.segmentPerLine = segmentPerLine;
        this.technicalContactName = Objects.requireNonNull(technicalContactName, "technicalContactName");
        this.technicalContactEmail = Objects.requireNonNull(technicalContactEmail, "technicalContactEmail");
    }

    /**
     * Writes the advices to {@code out} (not closed). Transaction control numbers are
     * {@code envelope.transactionControlNumber()}, +1, +2, ... in list order.
     */
    public void write(InterchangeEnvelope envelope, List<RemittanceAdvice> advices, OutputStream out) {
        if (advices.isEmpty()) {
            throw new IllegalArgumentException("an 835 interchange needs at least one remittance advice");
        }
        try (X12SegmentWriter x12 = new X12SegmentWriter(out, segmentPerLine)) {
            x12.startInterchange(envelope, "HP", Remittance835Reader.IMPLEMENTATION_GUIDE);
            long controlNumber = envelope.transactionControlNumber();
            for (RemittanceAdvice advice : advices) {
                String st02 = x12.startTransaction("835", controlNumber++, null);
                writeAdvice(x12, advice);
                x12.endTransaction(st02);
            }
            x12.endInterchange(envelope);
        }
    }

    public String writeToString(InterchangeEnvelope envelope, List<RemittanceAdvice> advices) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(envelope, advices, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private void writeAdvice(X12SegmentWriter x12, RemittanceAdvice advice) {
        // BPR16 is the 16th element; 05..15 (bank details) stay empty for CHK and NON.
        Object[] bpr = new Object[16];
        bpr[0] = advice.handlingCode();
        bpr[1] = X12Values.decimal(advice.totalPayment());
        bpr[2] = advice.creditDebitFlag() == null ? "C" : advice.creditDebitFlag();
        bpr[3] = advice.paymentMethod();
        bpr[15] = X12Values.date(advice.paymentDate());
        x12.segment("BPR", bpr);
        x12.segment("TRN", "1", advice.traceNumber(), advice.traceOriginatorId());
        if (advice.productionDate() != null) {
            x12.segment("DTM", "405", X12Values.date(advice.productionDate()));
        }
        writeParty(x12, "PR", advice.payer());
        // The guide requires the payer's technical contact in loop 1000A, after N3/N4/REF.
        x12.segment("PER", "BL", technicalContactName, "EM", technicalContactEmail);
        writeParty(x12, "PE", advice.payee());

        if (!advice.claims().isEmpty()) {
            // One LX groups all claims; LX only matters to payers that sort claims by type of bill.
            x12.segment("LX", "1");
        }
        for (ClaimPayment claim : advice.claims()) {
            writeClaim(x12, claim);
        }
        writeProviderAdjustments(x12, advice.providerAdjustments());
    }

    private static void writeParty(X12SegmentWriter x12, String code, RemitParty party) {
        if (party == null) {
            throw new IllegalArgumentException("an 835 needs both a payer and a payee (N1*" + code + ")");
        }
        boolean n1Id = party.id() != null && !"2U".equals(party.idQualifier());
        x12.segment("N1", code, party.name(), n1Id ? party.idQualifier() : null, n1Id ? party.id() : null);
        if (party.address() != null) {
            x12.segment("N3", party.address().line1(), party.address().line2());
            x12.segment("N4", party.address().city(), party.address().state(), party.address().postalCode());
        }
        if (party.id() != null && "2U".equals(party.idQualifier())) {
            x12.segment("REF", "2U", party.id());
        }
        if (party.taxId() != null && "PE".equals(code)) {
            x12.segment("REF", "TJ", party.taxId());
        }
    }

    private static void writeClaim(X12SegmentWriter x12, ClaimPayment claim) {
        x12.segment("CLP", claim.patientControlNumber(), claim.statusCode(), X12Values.decimal(claim.chargeAmount()),
                X12Values.decimal(claim.paymentAmount()), decimalOrNull(claim.patientResponsibility()),
                claim.claimFilingIndicator(), claim.payerClaimControlNumber());
        writeAdjustments(x12, claim.adjustments());
        RemitPatient patient = claim.patient();
        if (patient != null) {
            x12.segment("NM1", "QC", "1", patient.lastName(), patient.firstName(), null, null, null,
                    patient.idQualifier(), patient.id());
        }
        if (!claim.remarkCodes().isEmpty()) {
            // MOA03..MOA07 hold up to five claim-level remark codes for professional claims.
            List<Object> moa = new ArrayList<>(List.of("", ""));
            claim.remarkCodes().stream().limit(5).forEach(moa::add);
            x12.segment("MOA", moa.toArray());
        }
        if (claim.statementFromDate() != null) {
            x12.segment("DTM", "232", X12Values.date(claim.statementFromDate()));
        }
        for (ServicePayment line : claim.lines()) {
            writeLine(x12, line);
        }
    }

    private static void writeLine(X12SegmentWriter x12, ServicePayment line) {
        List<String> procedure = new ArrayList<>();
        procedure.add(line.procedureQualifier() == null ? "HC" : line.procedureQualifier());
        procedure.add(line.procedureCode());
        procedure.addAll(line.modifiers());
        x12.segment("SVC", procedure, X12Values.decimal(line.chargeAmount()), X12Values.decimal(line.paymentAmount()),
                null, line.units() == null ? null : X12Values.decimal(line.units()));
        if (line.serviceDate() != null) {
            x12.segment("DTM", "472", X12Values.date(line.serviceDate()));
        }
        writeAdjustments(x12, line.adjustments());
        if (line.lineItemControlNumber() != null) {
            x12.segment("REF", "6R", line.lineItemControlNumber());
        }
        if (line.allowedAmount() != null) {
            x12.segment("AMT", "B6", X12Values.decimal(line.allowedAmount()));
        }
        for (String remark : line.remarkCodes()) {
            x12.segment("LQ", "HE", remark);
        }
    }

    /** One CAS per group code, at most six triples per segment (a seventh starts a new CAS). */
    private static void writeAdjustments(X12SegmentWriter x12, List<Adjustment> adjustments) {
        Map<String, List<Adjustment>> byGroup = new LinkedHashMap<>();
        for (Adjustment adjustment : adjustments) {
            byGroup.computeIfAbsent(adjustment.groupCode(), g -> new ArrayList<>()).add(adjustment);
        }
        byGroup.forEach((group, list) -> {
            for (int start = 0; start < list.size(); start += 6) {
                List<Object> cas = new ArrayList<>();
                cas.add(group);
                for (Adjustment adjustment : list.subList(start, Math.min(list.size(), start + 6))) {
                    cas.add(adjustment.reasonCode());
                    cas.add(X12Values.decimal(adjustment.amount()));
                    cas.add(decimalOrNull(adjustment.quantity()));
                }
                x12.segment("CAS", cas.toArray());
            }
        });
    }

    private static void writeProviderAdjustments(X12SegmentWriter x12, List<ProviderAdjustment> adjustments) {
        // One PLB per adjustment keeps provider id and fiscal date per pair exact.
        for (ProviderAdjustment adjustment : adjustments) {
            x12.segment("PLB", adjustment.providerId(), X12Values.date(adjustment.fiscalPeriodDate()),
                    List.of(adjustment.reasonCode(), adjustment.referenceId() == null ? "" : adjustment.referenceId()),
                    X12Values.decimal(adjustment.amount()));
        }
    }

    private static String decimalOrNull(BigDecimal value) {
        return value == null ? null : X12Values.decimal(value);
    }
}
