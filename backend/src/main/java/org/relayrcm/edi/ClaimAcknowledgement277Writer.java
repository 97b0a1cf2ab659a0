package org.relayrcm.edi;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a 277CA claim acknowledgement (005010X214): one interchange, one HN group, one 277 transaction with the HL
 * hierarchy information source (20, the payer) / information receiver (21, the submitter of the 837) / billing
 * provider (19) / patient (PT), one PT level per claim with TRN*2 carrying our CLM01, the claim's STC, REF*1K (the
 * payer's claim number, accepted claims only) and DTP*472. Receiver and provider levels carry the counts and amounts
 * accepted and rejected, as real 277CAs do. Used by the payer simulator.
 */
public final class ClaimAcknowledgement277Writer {

    static final String IMPLEMENTATION_GUIDE = "005010X214";

    /**
     * The 277CA's parties.
     *
     * @param payerName      NM103 of 2100A
     * @param payerId        NM109 of 2100A (qualifier PI)
     * @param receiverName   NM103 of 2100B, the submitter of the claims
     * @param receiverId     NM109 of 2100B (qualifier 46, the submitter's ETIN)
     * @param receiverTrace  TRN02 of 2200B: the submitter's batch reference (BHT03 of the 837, or its GS06)
     * @param receivedOn     DTP*050, when the payer received the claims
     * @param processedOn    DTP*009, when it processed them
     */
    public record Header(String payerName, String payerId, String receiverName, String receiverId,
            String receiverTrace, LocalDate receivedOn, LocalDate processedOn) {

        public Header {
            Objects.requireNonNull(payerName, "payer name");
            Objects.requireNonNull(payerId, "payer id");
            Objects.requireNonNull(receiverName, "receiver name");
            Objects.requireNonNull(receiverId, "receiver id");
            Objects.requireNonNull(receiverTrace, "receiver trace");
            Objects.requireNonNull(receivedOn, "received on");
            Objects.requireNonNull(processedOn, "processed on");
        }
    }

    /**
     * One claim's answer and the names the 277CA repeats from the 837.
     *
     * @param serviceTo equal to {@code serviceFrom} (or {@code null}) for a one-day claim
     */
    public record Claim(ClaimAcknowledgement.ClaimResult result, String billingProviderName,
            String billingProviderNpi, String patientLastName, String patientFirstName, String memberId,
            LocalDate serviceFrom, LocalDate serviceTo) {

        public Claim {
            Objects.requireNonNull(result, "result");
            if (result.statuses().isEmpty()) {
                throw new IllegalArgumentException("a 277CA claim needs at least one STC");
            }
            Objects.requireNonNull(billingProviderName, "billing provider name");
            Objects.requireNonNull(billingProviderNpi, "billing provider NPI");
            Objects.requireNonNull(patientLastName, "patient last name");
            Objects.requireNonNull(serviceFrom, "service date");
        }

        BigDecimal charge() {
            return result.totalCharge() == null ? BigDecimal.ZERO : result.totalCharge();
        }
    }

    private final boolean segmentPerLine;

    public ClaimAcknowledgement277Writer(boolean segmentPerLine) {
        this.segmentPerLine = segmentPerLine;
    }

    /** Writes the claims to {@code out} (not closed), grouped under their billing providers in first-seen order. */
    public void write(InterchangeEnvelope envelope, Header header, List<Claim> claims, OutputStream out) {
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("a 277CA needs at least one claim");
        }
        Map<String, List<Claim>> byProvider = new LinkedHashMap<>();
        for (Claim claim : claims) {
            byProvider.computeIfAbsent(claim.billingProviderNpi(), npi -> new ArrayList<>()).add(claim);
        }
        try (X12SegmentWriter x12 = new X12SegmentWriter(out, segmentPerLine)) {
            x12.startInterchange(envelope, "HN", IMPLEMENTATION_GUIDE);
            String st02 = x12.startTransaction("277", envelope.transactionControlNumber(), IMPLEMENTATION_GUIDE);
            LocalDate processed = header.processedOn();
            x12.segment("BHT", "0085", "08", header.receiverTrace(), X12Values.date(envelope.createdAt().toLocalDate()),
                    envelope.createdAt().format(X12Values.HHMM), "TH");
            x12.segment("HL", "1", null, "20", "1");
            x12.segment("NM1", "PR", "2", header.payerName(), null, null, null, null, "PI", header.payerId());
            x12.segment("TRN", "1", Long.toString(envelope.interchangeControlNumber()));
            x12.segment("DTP", "050", "D8", X12Values.date(header.receivedOn()));
            x12.segment("DTP", "009", "D8", X12Values.date(processed));
            x12.segment("HL", "2", "1", "21", "1");
            x12.segment("NM1", "41", "2", header.receiverName(), null, null, null, null, "46", header.receiverId());
            x12.segment("TRN", "2", header.receiverTrace());
            // A1:19, "entity acknowledges receipt", for the batch as a whole; the verdicts are per claim below.
            x12.segment("STC", List.of("A1", "19", "41"), X12Values.date(processed), "WQ", X12Values.decimal(sum(claims)));
            totals(x12, claims, "90", "AA");
            int hl = 2;
            for (List<Claim> providerClaims : byProvider.values()) {
                int providerHl = ++hl;
                Claim first = providerClaims.get(0);
                x12.segment("HL", Integer.toString(providerHl), "2", "19", "1");
                x12.segment("NM1", "85", "2", first.billingProviderName(), null, null, null, null, "XX",
                        first.billingProviderNpi());
                x12.segment("TRN", "1", "0");
                // The guide leaves STC02 unused at this level.
                x12.segment("STC", List.of("A1", "19", "85"), null, "WQ", X12Values.decimal(sum(providerClaims)));
                totals(x12, providerClaims, "QA", "QC");
                for (Claim claim : providerClaims) {
                    x12.segment("HL", Integer.toString(++hl), Integer.toString(providerHl), "PT");
                    writeClaim(x12, claim);
                }
            }
            x12.endTransaction(st02);
            x12.endInterchange(envelope);
        }
    }

    public String writeToString(InterchangeEnvelope envelope, Header header, List<Claim> claims) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(envelope, header, claims, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeClaim(X12SegmentWriter x12, Claim claim) {
        ClaimAcknowledgement.ClaimResult result = claim.result();
        x12.segment("NM1", "QC", "1", claim.patientLastName(), claim.patientFirstName(), null, null, null,
                claim.memberId() == null ? null : "MI", claim.memberId());
        x12.segment("TRN", "2", result.patientControlNumber());
        for (ClaimAcknowledgement.Status status : result.statuses()) {
            Object[] stc = new Object[12];
            stc[0] = List.of(status.categoryCode(), status.statusCode(),
                    status.entityCode() == null ? "" : status.entityCode());
            stc[1] = status.date() == null ? null : X12Values.date(status.date());
            stc[2] = status.actionCode() != null ? status.actionCode() : status.accepted() ? "WQ" : "U";
            stc[3] = X12Values.decimal(claim.charge());
            stc[11] = status.freeText();
            x12.segment("STC", stc);
        }
        if (result.payerClaimControlNumber() != null) {
            x12.segment("REF", "1K", result.payerClaimControlNumber());
        }
        if (claim.serviceTo() == null || claim.serviceTo().equals(claim.serviceFrom())) {
            x12.segment("DTP", "472", "D8", X12Values.date(claim.serviceFrom()));
        } else {
            x12.segment("DTP", "472", "RD8", X12Values.date(claim.serviceFrom()) + "-" + X12Values.date(claim.serviceTo()));
        }
    }

    /**
     * QTY and AMT*YU/YY: how many claims and how much money were accepted and rejected (QTY*90/AA at the receiver
     * level, QA/QC at the provider level).
     */
    private static void totals(X12SegmentWriter x12, List<Claim> claims, String acceptedQty, String rejectedQty) {
        List<Claim> accepted = claims.stream().filter(c -> c.result().accepted()).toList();
        List<Claim> rejected = claims.stream().filter(c -> !c.result().accepted()).toList();
        if (!accepted.isEmpty()) {
            x12.segment("QTY", acceptedQty, Integer.toString(accepted.size()));
        }
        if (!rejected.isEmpty()) {
            x12.segment("QTY", rejectedQty, Integer.toString(rejected.size()));
        }
        if (!accepted.isEmpty()) {
            x12.segment("AMT", "YU", X12Values.decimal(sum(accepted)));
        }
        if (!rejected.isEmpty()) {
            x12.segment("AMT", "YY", X12Values.decimal(sum(rejected)));
        }
    }

    private static BigDecimal sum(List<Claim> claims) {
        return claims.stream().map(Claim::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
