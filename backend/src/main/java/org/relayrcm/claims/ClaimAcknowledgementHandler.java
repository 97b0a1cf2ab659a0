package org.relayrcm.claims;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.relayrcm.edi.ClaimAcknowledgement;
import org.relayrcm.edi.FunctionalAcknowledgement;
import org.relayrcm.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies 999 and 277CA answers to the claims they are about. Each answer is recorded once per submission of a
 * claim (the claim row is locked first, so two deliveries of the same file at the same moment queue up and the
 * second finds the first's record), and only the answer to a claim's latest submission moves it on.
 */
@Service
class ClaimAcknowledgementHandler implements ClaimAcknowledgements {

    /** STC01-1 categories of a rejection, in the words a biller can act on. */
    private static final Map<String, String> REJECTION_CATEGORIES = Map.of(
            "A3", "returned as unprocessable",
            "A4", "not found by the payer",
            "A6", "rejected for missing information",
            "A7", "rejected for invalid information",
            "A8", "rejected for a relational field in error");

    private final JdbcClient jdbc;
    private final ClaimService claims;
    private final AcknowledgementWorkflow workflow;

    ClaimAcknowledgementHandler(JdbcClient jdbc, ClaimService claims, AcknowledgementWorkflow workflow) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.workflow = workflow;
    }

    private record Sent(long claimId, String claimNumber, int sequence, int latestSequence, String status) {
    }

    @Override
    @Transactional
    public Outcome functionalAcknowledgement(FunctionalAcknowledgement ack) {
        Tally tally = new Tally();
        List<Sent> sent = submissionsInGroup(ack.groupControlNumber());
        if (sent.isEmpty()) {
            tally.unmatched.add(ack.groupControlNumber());
            return tally.outcome();
        }
        for (Sent submission : sent) {
            Sent claim = lockLatest(submission);
            if (claim.sequence() != claim.latestSequence() || alreadyRecorded(claim, "999")) {
                tally.unchanged.add(claim.claimNumber());
                continue;
            }
            boolean accepted = ack.accepted();
            record(claim, "999", accepted, ack.groupStatus(), accepted ? null : describe(ack));
            if (!accepted && ClaimStatus.SUBMITTED.name().equals(claim.status())) {
                claims.transition(claim.claimId(), ClaimStatus.REJECTED);
            }
            workflow.functionalAckArrived(claim.claimNumber(), accepted);
            tally.applied.add(claim.claimNumber());
        }
        return tally.outcome();
    }

    @Override
    @Transactional
    public Outcome claimAcknowledgement(ClaimAcknowledgement ack) {
        Tally tally = new Tally();
        for (ClaimAcknowledgement.ClaimResult result : ack.claims()) {
            Optional<Sent> found = latestSubmission(result.patientControlNumber());
            if (found.isEmpty()) {
                tally.unmatched.add(result.patientControlNumber());
                continue;
            }
            Sent claim = lockLatest(found.get());
            if (alreadyRecorded(claim, "277CA")) {
                tally.unchanged.add(claim.claimNumber());
                continue;
            }
            boolean accepted = result.accepted();
            String codes = result.statuses().stream()
                    .map(s -> s.categoryCode() + ":" + s.statusCode() + (s.entityCode() == null ? "" : ":" + s.entityCode()))
                    .collect(Collectors.joining(" "));
            record(claim, "277CA", accepted, codes, accepted ? null : describe(result));
            if (ClaimStatus.SUBMITTED.name().equals(claim.status())) {
                claims.transition(claim.claimId(), accepted ? ClaimStatus.ACCEPTED : ClaimStatus.REJECTED);
            }
            if (accepted && result.payerClaimControlNumber() != null) {
                // The payer's own number for the claim: a later replacement or void must quote it (REF*F8).
                jdbc.sql("UPDATE claim SET payer_claim_control = :icn WHERE id = :id")
                        .param("icn", Text.truncate(result.payerClaimControlNumber(), 50)).param("id", claim.claimId())
                        .update();
            }
            workflow.claimAckArrived(claim.claimNumber(), accepted);
            tally.applied.add(claim.claimNumber());
        }
        return tally.outcome();
    }

    private List<Sent> submissionsInGroup(String groupControlNumber) {
        long control;
        try {
            control = Long.parseLong(groupControlNumber.trim());
        } catch (NumberFormatException notOurs) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT cs.claim_id, cl.claim_number, cs.sequence, cl.submission_count AS latest_sequence, cl.status
                FROM claim_submission cs JOIN claim cl ON cl.id = cs.claim_id
                WHERE cs.interchange_control_number = :control ORDER BY cs.id""")
                .param("control", control).query(Sent.class).list();
    }

    private Optional<Sent> latestSubmission(String claimNumber) {
        return jdbc.sql("""
                SELECT cl.id AS claim_id, cl.claim_number, cl.submission_count AS sequence,
                       cl.submission_count AS latest_sequence, cl.status
                FROM claim cl WHERE cl.claim_number = :number AND cl.submission_count > 0""")
                .param("number", claimNumber.trim()).query(Sent.class).optional();
    }

    /** Locks the claim and re-reads what may have changed while this transaction waited for the lock. */
    private Sent lockLatest(Sent submission) {
        record Current(int submissionCount, String status) {
        }
        Current now = jdbc.sql("SELECT submission_count, status FROM claim WHERE id = :id FOR UPDATE")
                .param("id", submission.claimId()).query(Current.class).single();
        return new Sent(submission.claimId(), submission.claimNumber(), submission.sequence(), now.submissionCount(),
                now.status());
    }

    private boolean alreadyRecorded(Sent claim, String kind) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM claim_acknowledgement WHERE claim_id = :claim AND sequence = :sequence AND kind = :kind""")
                .param("claim", claim.claimId()).param("sequence", claim.sequence()).param("kind", kind)
                .query(Long.class).single() > 0;
    }

    private void record(Sent claim, String kind, boolean accepted, String codes, String message) {
        jdbc.sql("""
                INSERT INTO claim_acknowledgement (claim_id, sequence, kind, accepted, status_codes, message, received_at)
                VALUES (:claim, :sequence, :kind, :accepted, :codes, :message, :now)""")
                .param("claim", claim.claimId()).param("sequence", claim.sequence()).param("kind", kind)
                .param("accepted", accepted).param("codes", Text.truncate(codes, 200))
                .param("message", Text.truncate(message, 2000))
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    private static String describe(FunctionalAcknowledgement ack) {
        List<String> errors = new ArrayList<>();
        for (FunctionalAcknowledgement.TransactionResult transaction : ack.transactions()) {
            for (FunctionalAcknowledgement.SegmentError error : transaction.errors()) {
                errors.add(error.description() != null ? error.description()
                        : "Segment " + error.segmentId() + " at position " + error.position()
                                + (error.elementPosition() == null ? "" : ", element " + error.elementPosition()));
            }
        }
        return "The payer's front end rejected the file (999 " + ack.groupStatus() + ")"
                + (errors.isEmpty() ? "." : ": " + String.join("; ", errors));
    }

    private static String describe(ClaimAcknowledgement.ClaimResult result) {
        if (result.statuses().isEmpty()) {
            return "The payer rejected the claim (277CA without a status).";
        }
        ClaimAcknowledgement.Status first = result.statuses().get(0);
        String category = REJECTION_CATEGORIES.getOrDefault(first.categoryCode(), "rejected");
        return "The payer's claim acknowledgement says the claim was " + category + " (STC " + first.categoryCode()
                + ":" + first.statusCode() + (first.entityCode() == null ? "" : ":" + first.entityCode()) + ")"
                + (first.freeText() == null || first.freeText().isBlank() ? "." : ": " + first.freeText());
    }

    private static final class Tally {
        final List<String> applied = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<String> unmatched = new ArrayList<>();

        Outcome outcome() {
            return new Outcome(List.copyOf(applied), List.copyOf(unchanged), List.copyOf(unmatched));
        }
    }
}
