package org.relayrcm.remittance;

import static org.relayrcm.remittance.PostingRules.cents;
import static org.relayrcm.remittance.PostingRules.dollars;
import static org.relayrcm.shared.Text.truncate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.relayrcm.claims.ClaimService;
import org.relayrcm.claims.ClaimStatus;
import org.relayrcm.denials.DenialRoute;
import org.relayrcm.denials.Denials;
import org.relayrcm.denials.DeniedItem;
import org.relayrcm.edi.ClaimPayment;
import org.relayrcm.edi.ServicePayment;
import org.relayrcm.remittance.PostingRules.Imbalance;
import org.relayrcm.remittance.RemittanceRecords.StoredClaim;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Posts one stored claim payment to one of our claims, or says why it will not; a refusal changes nothing but the
 * payment's own row. Posting moves the money onto the claim and its lines, records the denied items, moves the
 * claim's status and tells its process the payer's answer, all in the caller's transaction.
 */
@Component
class ClaimPoster {

    /** Our claim, as posting needs it. */
    record OurClaim(long id, String claimNumber, ClaimStatus status) {
    }

    /**
     * What became of the payment.
     *
     * @param outcome   stored in remittance_claim.outcome: PAID, DENIED, REVERSAL, or why it was not posted
     * @param refusal   why nothing was posted; {@code null} when it was
     * @param followUp  something a person should still look at although the payment posted (a reversal with no
     *                  corrected payment); {@code null} when nothing
     * @param warnings  service lines that matched none of ours, and the like
     */
    record Result(String outcome, Problem refusal, Problem followUp, long paidCents, long patientShareCents,
            long contractualCents, List<String> warnings) {

        static Result refused(String outcome, ExceptionKind kind, String message, Long amountCents, Long differenceCents) {
            return new Result(outcome, new Problem(kind, message, amountCents, differenceCents), null, 0, 0, 0, List.of());
        }

        boolean posted() {
            return refusal == null;
        }
    }

    /** One exception to open, with the amounts it is about. */
    record Problem(ExceptionKind kind, String message, Long amountCents, Long differenceCents) {
    }

    private final JdbcClient jdbc;
    private final ClaimService claims;
    private final Denials denials;
    private final RemittanceWorkflow workflow;
    private final RemittanceRecords records;

    ClaimPoster(JdbcClient jdbc, ClaimService claims, Denials denials, RemittanceWorkflow workflow,
            RemittanceRecords records) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.denials = denials;
        this.workflow = workflow;
        this.records = records;
    }

    Optional<OurClaim> find(String claimNumber) {
        return jdbc.sql("SELECT id, claim_number, status FROM claim WHERE claim_number = :number")
                .param("number", claimNumber).query((rs, n) -> new OurClaim(rs.getLong(1), rs.getString(2),
                        ClaimStatus.valueOf(rs.getString(3)))).optional();
    }

    /** The payment's row says no claim of ours answers to its CLP01. */
    Result notFound(StoredClaim stored) {
        ClaimPayment clp = stored.payment();
        settle(stored.id(), null, "UNMATCHED");
        return Result.refused("UNMATCHED", ExceptionKind.CLAIM_NOT_FOUND, "The payer's answer for claim number "
                + clp.patientControlNumber() + " (payment " + dollars(cents(clp.paymentAmount())) + ", charge "
                + dollars(cents(clp.chargeAmount())) + ") matches none of our claims. Nothing was posted; find the "
                + "claim it belongs to and post it there, or acknowledge it with a note.",
                cents(clp.paymentAmount()), null);
    }

    /**
     * @param correctionFollows for a reversal: whether the same transaction goes on with a new answer for this claim,
     *                          so nobody needs to be told the claim is waiting for one
     */
    Result post(StoredClaim stored, OurClaim claim, boolean correctionFollows) {
        ClaimPayment clp = stored.payment();
        Optional<Imbalance> imbalance = PostingRules.claimImbalance(clp);
        if (imbalance.isPresent()) {
            settle(stored.id(), claim.id(), "UNBALANCED");
            return Result.refused("UNBALANCED", ExceptionKind.UNBALANCED_CLAIM, imbalance.get().message(),
                    imbalance.get().amountCents(), imbalance.get().differenceCents());
        }
        return switch (PostingRules.status(clp)) {
            case REVERSAL -> reverse(stored, claim, correctionFollows);
            case UNSUPPORTED -> {
                settle(stored.id(), claim.id(), "UNSUPPORTED_STATUS");
                yield Result.refused("UNSUPPORTED_STATUS", ExceptionKind.UNSUPPORTED_STATUS, "The payer answered claim "
                        + claim.claimNumber() + " with status code " + clp.statusCode() + " (CLP02), which is neither a "
                        + "payment, a denial nor a reversal. Nothing was posted; read the payer's explanation and "
                        + "acknowledge it with a note.", cents(clp.paymentAmount()), null);
            }
            case PAID, DENIED -> claim.status().awaitsPayer() ? adjudicate(stored, claim) : notAwaited(stored, claim);
        };
    }

    private Result notAwaited(StoredClaim stored, OurClaim claim) {
        ClaimPayment clp = stored.payment();
        settle(stored.id(), claim.id(), "NOT_AWAITED");
        return Result.refused("NOT_AWAITED", ExceptionKind.NOT_AWAITED, "Claim " + claim.claimNumber() + " is "
                + claim.status() + ", not waiting for the payer, yet this 835 answers it again (status " + clp.statusCode()
                + ", payment " + dollars(cents(clp.paymentAmount())) + "). Nothing was posted; check whether the payer "
                + "paid twice or answered a claim we have since corrected.", cents(clp.paymentAmount()), null);
    }

    private Result adjudicate(StoredClaim stored, OurClaim claim) {
        ClaimPayment clp = stored.payment();
        List<Integer> lineNumbers = LineMatcher.match(clp.lines(), ourLines(claim.id()));
        List<DeniedItem> denied = PostingRules.deniedItems(clp, lineNumbers, denials::route);
        RemittanceWorkflow.Outcome outcome = RemittanceWorkflow.Outcome.PAID;
        DenialRoute route = null;
        if (PostingRules.status(clp) == PostingRules.Status.DENIED || !denied.isEmpty()) {
            DenialRoute claimRoute = denials.record(claim.id(), stored.id(), denied);
            // Only contractual adjustments: nothing for anyone to work, whatever CLP02 said.
            if (claimRoute != DenialRoute.CONTRACTUAL) {
                outcome = RemittanceWorkflow.Outcome.DENIED;
                route = claimRoute;
            }
        }
        long paid = cents(clp.paymentAmount());
        long share = PostingRules.patientShareCents(clp);
        long contractual = PostingRules.contractualCents(clp);
        jdbc.sql("""
                UPDATE claim SET paid_cents = :paid, patient_resp_cents = :share, contractual_cents = :contractual,
                                 payer_claim_control = COALESCE(:icn, payer_claim_control)
                WHERE id = :id""")
                .param("paid", paid).param("share", share).param("contractual", contractual)
                .param("icn", truncate(clp.payerClaimControlNumber(), 50))
                .param("id", claim.id()).update();
        List<String> warnings = postLines(stored, claim, lineNumbers);
        claims.transition(claim.id(), outcome == RemittanceWorkflow.Outcome.PAID ? ClaimStatus.PAID : ClaimStatus.DENIED);
        boolean forwarded = PostingRules.forwarded(clp);
        jdbc.sql("""
                UPDATE remittance_claim SET claim_id = :claim, outcome = :outcome, denial_route = :route,
                                            forwarded = :forwarded, contractual_cents = :contractual
                WHERE id = :id""")
                .param("claim", claim.id()).param("outcome", outcome.name())
                .param("route", route == null ? null : route.name()).param("forwarded", forwarded)
                .param("contractual", contractual).param("id", stored.id()).update();
        // No process waits for a claim paid outside the relay (or whose process was cancelled); the posting stands.
        workflow.remittanceArrived(claim.claimNumber(), new RemittanceWorkflow.Answer(outcome, route, share, forwarded));
        return new Result(outcome.name(), null, null, paid, share, contractual, warnings);
    }

    private List<LineMatcher.OurLine> ourLines(long claimId) {
        return jdbc.sql("SELECT line_number, procedure_code FROM claim_line WHERE claim_id = :id ORDER BY line_number")
                .param("id", claimId).query(LineMatcher.OurLine.class).list();
    }

    private List<String> postLines(StoredClaim stored, OurClaim claim, List<Integer> lineNumbers) {
        List<String> warnings = new ArrayList<>();
        List<ServicePayment> lines = stored.payment().lines();
        for (int i = 0; i < lines.size(); i++) {
            ServicePayment line = lines.get(i);
            Integer lineNumber = lineNumbers.get(i);
            if (lineNumber == null) {
                warnings.add("Claim " + claim.claimNumber() + ": service line " + (i + 1) + " (" + line.procedureCode()
                        + ", paid " + dollars(cents(line.paymentAmount())) + ") matches none of our claim lines; its "
                        + "payment counts for the claim but was not posted to a line.");
                continue;
            }
            jdbc.sql("""
                    UPDATE claim_line SET paid_cents = :paid, allowed_cents = COALESCE(:allowed, allowed_cents),
                                          contractual_cents = :contractual, patient_resp_cents = :share
                    WHERE claim_id = :claim AND line_number = :line""")
                    .param("paid", cents(line.paymentAmount()))
                    .param("allowed", line.allowedAmount() == null ? null : cents(line.allowedAmount()))
                    .param("contractual", PostingRules.contractualCents(line))
                    .param("share", PostingRules.patientResponsibilityCents(line))
                    .param("claim", claim.id()).param("line", lineNumber).update();
            jdbc.sql("UPDATE remittance_line SET line_number = :line WHERE id = :id")
                    .param("line", lineNumber).param("id", stored.lineIds().get(i)).update();
        }
        return warnings;
    }

    private record Original(long id, long paidCents, long contractualCents) {
    }

    /**
     * CLP02 22 takes back an earlier payment of the claim: the one with the payer's claim number (CLP07, when sent)
     * whose payment is this reversal's negated CLP04. Its amounts come off the claim and its lines, and the claim
     * waits for the payer again.
     */
    private Result reverse(StoredClaim stored, OurClaim claim, boolean correctionFollows) {
        ClaimPayment clp = stored.payment();
        long reversed = -cents(clp.paymentAmount());
        String icn = clp.payerClaimControlNumber();
        Optional<Original> original = jdbc.sql("""
                SELECT id, paid_cents, COALESCE(contractual_cents, 0) AS contractual_cents FROM remittance_claim
                WHERE claim_id = :claim AND outcome IN ('PAID', 'DENIED') AND reversed_by IS NULL
                  AND paid_cents = :paid""" + (icn == null ? "" : " AND payer_claim_control = :icn")
                + " ORDER BY id DESC")
                .param("claim", claim.id()).param("paid", reversed)
                .params(icn == null ? Map.of() : Map.of("icn", icn))
                .query(Original.class).list().stream().findFirst();
        if (original.isEmpty()) {
            settle(stored.id(), claim.id(), "UNKNOWN_REVERSAL");
            return Result.refused("UNKNOWN_REVERSAL", ExceptionKind.UNKNOWN_REVERSAL, "The payer reverses (CLP02 22) a "
                    + "payment of " + dollars(reversed) + " on claim " + claim.claimNumber()
                    + (icn == null ? "" : " under its claim number " + icn) + ", but no such payment was posted to that "
                    + "claim. Nothing changed; ask the payer which payment it means.", cents(clp.paymentAmount()), null);
        }
        if (claim.status() != ClaimStatus.PAID && claim.status() != ClaimStatus.DENIED) {
            settle(stored.id(), claim.id(), "NOT_AWAITED");
            return Result.refused("NOT_AWAITED", ExceptionKind.NOT_AWAITED, "The payer reverses (CLP02 22) its payment "
                    + "of " + dollars(reversed) + " on claim " + claim.claimNumber() + ", but the claim is "
                    + claim.status() + " by now. Nothing changed; decide with the payer how to settle it.",
                    cents(clp.paymentAmount()), null);
        }
        if (claim.status() == ClaimStatus.DENIED && denialBeingWorked(claim.id())) {
            // Someone is correcting or appealing that denial; reversing under them would resubmit a paid claim.
            settle(stored.id(), claim.id(), "NOT_AWAITED");
            return Result.refused("NOT_AWAITED", ExceptionKind.NOT_AWAITED, "The payer reverses (CLP02 22) its denial "
                    + "of claim " + claim.claimNumber() + " while that denial is being worked. Nothing changed; finish "
                    + "or stop the denial work, then settle the reversal with the payer.", cents(clp.paymentAmount()), null);
        }
        takeBack(original.get(), claim);
        claims.transition(claim.id(), ClaimStatus.ACCEPTED);
        jdbc.sql("UPDATE remittance_claim SET reversed_by = :reversal WHERE id = :id")
                .param("reversal", stored.id()).param("id", original.get().id()).update();
        jdbc.sql("UPDATE remittance_claim SET claim_id = :claim, outcome = 'REVERSAL', contractual_cents = :contractual "
                + "WHERE id = :id").param("claim", claim.id()).param("contractual", -original.get().contractualCents())
                .param("id", stored.id()).update();
        Problem followUp = correctionFollows ? null : new Problem(ExceptionKind.PAYMENT_REVERSED, "The payer took back "
                + "its payment of " + dollars(reversed) + " on claim " + claim.claimNumber() + " (CLP02 22) and sent no "
                + "corrected payment with it. The claim is ACCEPTED again and waits for the payer's new answer; follow "
                + "up with the payer if none comes.", cents(clp.paymentAmount()), null);
        return new Result("REVERSAL", null, followUp, cents(clp.paymentAmount()),
                -PostingRules.patientShareCents(records.load(original.get().id()).payment()),
                -original.get().contractualCents(), List.of());
    }

    private boolean denialBeingWorked(long claimId) {
        return jdbc.sql("SELECT COUNT(*) FROM denial WHERE claim_id = :claim AND status IN ('OPEN', 'APPEALED')")
                .param("claim", claimId).query(Long.class).single() > 0;
    }

    /** Takes the original payment's amounts off the claim and off the lines it was posted to. */
    private void takeBack(Original original, OurClaim claim) {
        ClaimPayment paid = records.load(original.id()).payment();
        jdbc.sql("""
                UPDATE claim SET paid_cents = COALESCE(paid_cents, 0) - :paid,
                                 patient_resp_cents = COALESCE(patient_resp_cents, 0) - :share,
                                 contractual_cents = COALESCE(contractual_cents, 0) - :contractual
                WHERE id = :id""")
                .param("paid", original.paidCents()).param("share", PostingRules.patientShareCents(paid))
                .param("contractual", original.contractualCents()).param("id", claim.id()).update();
        Map<Integer, Integer> postedLines = jdbc.sql("""
                SELECT position, line_number FROM remittance_line
                WHERE remittance_claim_id = :id AND line_number IS NOT NULL""").param("id", original.id())
                .query((rs, n) -> Map.entry(rs.getInt(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        postedLines.forEach((position, lineNumber) -> {
            ServicePayment line = paid.lines().get(position - 1);
            jdbc.sql("""
                    UPDATE claim_line SET paid_cents = COALESCE(paid_cents, 0) - :paid,
                                          contractual_cents = COALESCE(contractual_cents, 0) - :contractual,
                                          patient_resp_cents = COALESCE(patient_resp_cents, 0) - :share
                    WHERE claim_id = :claim AND line_number = :line""")
                    .param("paid", cents(line.paymentAmount())).param("contractual", PostingRules.contractualCents(line))
                    .param("share", PostingRules.patientResponsibilityCents(line))
                    .param("claim", claim.id()).param("line", lineNumber).update();
        });
    }

    /** Records what became of a payment that was not posted to a claim. */
    private void settle(long remittanceClaimId, Long claimId, String outcome) {
        jdbc.sql("UPDATE remittance_claim SET claim_id = :claim, outcome = :outcome WHERE id = :id")
                .param("claim", claimId).param("outcome", outcome).param("id", remittanceClaimId).update();
    }
}
