package org.relayrcm.edi;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a 277CA claim acknowledgement (005010X214) into {@link ClaimAcknowledgement}s, one per 277 transaction, each
 * with one result per patient-level claim (loop 2200D: TRN*2, its STCs and REF*1K). Layout is handled as for the 835.
 * Status at the receiver and provider levels (batch totals) and at service lines (loop 2220D) is skipped: the claim's
 * own STC decides. A 277 that is a claim status response (005010X212) is refused, because its STCs answer a
 * question and do not accept or reject anything; so is a claim without an STC or without TRN02, since either would
 * leave us guessing whether the payer took the claim.
 */
public final class ClaimAcknowledgement277Reader {

    /** What the file said, and what the reader had to assume. */
    public record Result(List<ClaimAcknowledgement> acknowledgements, List<String> warnings) {
    }

    /**
     * Reads the whole stream (not closed).
     *
     * @throws X12FormatException when the file is not a readable 277CA; the message names the segment
     */
    public Result read(InputStream input) {
        Objects.requireNonNull(input, "input");
        List<String> warnings = new ArrayList<>();
        List<ClaimAcknowledgement> acks = new ArrayList<>();
        try (X12SegmentReader segments = X12SegmentReader.open(input, "HN",
                ClaimAcknowledgement277Writer.IMPLEMENTATION_GUIDE, warnings::add)) {
            new Parse(acks).run(segments);
        }
        if (acks.isEmpty()) {
            throw new X12FormatException(null, 0, "The file holds no 277CA acknowledgement (no ST*277 segment).");
        }
        return new Result(acks, warnings);
    }

    private static final class Parse {

        private final List<ClaimAcknowledgement> acks;
        private String senderId;
        private String groupVersion;
        private boolean inTransaction;
        private String level;
        private boolean inServiceLine;
        private final List<ClaimAcknowledgement.ClaimResult> claims = new ArrayList<>();
        private ClaimBuilder claim;

        Parse(List<ClaimAcknowledgement> acks) {
            this.acks = acks;
        }

        void run(X12SegmentReader segments) {
            X12Segment segment;
            while ((segment = segments.next()) != null) {
                handle(segment);
            }
        }

        private void handle(X12Segment s) {
            switch (s.tag()) {
                case "ISA" -> senderId = s.element(6).trim();
                case "GS" -> groupVersion = s.element(8).trim();
                case "ST" -> startTransaction(s);
                case "SE" -> endTransaction();
                default -> {
                    if (inTransaction) {
                        body(s);
                    }
                }
            }
        }

        private void startTransaction(X12Segment s) {
            if (!"277".equals(s.element(1))) {
                throw new X12FormatException("ST", s.number(), "Segment " + s.number() + " starts a transaction of "
                        + "type " + s.element(1) + X12Values.describeTransaction(s.element(1)) + ", not a 277CA claim "
                        + "acknowledgement.");
            }
            String version = !s.element(3).isBlank() ? s.element(3).trim() : groupVersion;
            if (version != null && version.contains("X212")) {
                throw new X12FormatException("ST", s.number(), "Segment " + s.number() + " starts a 277 claim status "
                        + "response (" + version + "), the answer to a 276 inquiry; only 277CA claim "
                        + "acknowledgements (005010X214) can accept or reject claims.");
            }
            X12Values.requireGuide(s, groupVersion, "005010X214", "277CA");
            X12Values.requireGuide(s, version, "005010X214", "277CA");
            inTransaction = true;
            level = null;
            inServiceLine = false;
            claims.clear();
            claim = null;
        }

        private void body(X12Segment s) {
            switch (s.tag()) {
                case "HL" -> {
                    closeClaim();
                    level = s.element(3).trim();
                    inServiceLine = false;
                }
                case "TRN" -> {
                    if ("PT".equals(level) && "2".equals(s.element(1))) {
                        closeClaim();
                        if (s.element(2).isBlank()) {
                            throw new X12FormatException("TRN", s.number(), "TRN02 (our claim number) is missing in "
                                    + "segment " + s.number() + ", so the acknowledgement cannot be matched to a claim.");
                        }
                        claim = new ClaimBuilder(s);
                    }
                }
                case "SVC" -> inServiceLine = true;
                case "STC" -> {
                    if (claim != null && !inServiceLine) {
                        stc(s);
                    }
                }
                case "REF" -> {
                    if (claim != null && !inServiceLine && "1K".equals(s.element(1))) {
                        claim.payerClaimControlNumber = X12Values.emptyToNull(s.element(2).trim());
                    }
                }
                case "DTP" -> {
                    // The dates are not needed to move a claim, but a date that is no date means a broken file.
                    if ("D8".equals(s.element(2))) {
                        X12Values.parseDate(s, 3);
                    }
                }
                default -> {
                    // NM1, QTY, AMT, BHT: names and batch totals are not needed to move a claim
                }
            }
        }

        private void stc(X12Segment s) {
            if (s.component(1, 1).isBlank()) {
                throw new X12FormatException("STC", s.number(), "STC01-1 (the claim status category) is missing in "
                        + "segment " + s.number() + ".");
            }
            if (claim.statuses.isEmpty()) {
                claim.totalCharge = X12Values.parseDecimal(s, 4);
            }
            // STC10 and STC11 hold a second and third status under the same date and action.
            for (int position : new int[] {1, 10, 11}) {
                if (s.component(position, 1).isBlank()) {
                    continue;
                }
                claim.statuses.add(new ClaimAcknowledgement.Status(s.component(position, 1),
                        s.component(position, 2), X12Values.emptyToNull(s.component(position, 3)),
                        X12Values.parseDate(s, 2), X12Values.emptyToNull(s.element(3)),
                        X12Values.emptyToNull(s.element(12))));
            }
        }

        private void closeClaim() {
            if (claim == null) {
                return;
            }
            if (claim.statuses.isEmpty()) {
                throw new X12FormatException("TRN", claim.trn.number(), "The claim whose TRN is segment "
                        + claim.trn.number() + " has no STC, so it is unknown whether the payer accepted it.");
            }
            claims.add(new ClaimAcknowledgement.ClaimResult(claim.trn.element(2).trim(), claim.payerClaimControlNumber,
                    claim.statuses, claim.totalCharge));
            claim = null;
        }

        private void endTransaction() {
            if (!inTransaction) {
                return;
            }
            closeClaim();
            acks.add(new ClaimAcknowledgement(senderId, claims));
            inTransaction = false;
        }
    }

    private static final class ClaimBuilder {
        final X12Segment trn;
        final List<ClaimAcknowledgement.Status> statuses = new ArrayList<>();
        String payerClaimControlNumber;
        BigDecimal totalCharge;

        ClaimBuilder(X12Segment trn) {
            this.trn = trn;
        }
    }
}
