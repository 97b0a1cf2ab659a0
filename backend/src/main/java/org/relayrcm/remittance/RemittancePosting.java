package org.relayrcm.remittance;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.relayrcm.edi.ClaimPayment;
import org.relayrcm.edi.Remittance835Reader;
import org.relayrcm.edi.RemittanceAdvice;
import org.relayrcm.edi.RemittanceFile;
import org.relayrcm.edi.X12FormatException;
import org.relayrcm.remittance.ClaimPoster.OurClaim;
import org.relayrcm.remittance.ClaimPoster.Problem;
import org.relayrcm.remittance.ClaimPoster.Result;
import org.relayrcm.remittance.PostingRules.Imbalance;
import org.relayrcm.remittance.RemittanceRecords.StoredClaim;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.Text;
import org.relayrcm.shared.ValidationError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Posts an 835: every claim payment to its claim and lines, or to the exception queue when it cannot be posted as
 * sent. The whole file posts in one transaction or not at all. Each 835 transaction is posted once: it is keyed on
 * payer, trace number, trace originator, amount and payment date, because real files repeat a trace number across
 * transactions, so a file delivered twice posts once and a transaction re-sent inside another file is skipped.
 */
@Service
public class RemittancePosting {

    private final Remittance835Reader reader = new Remittance835Reader();
    private final RemittanceRecords records;
    private final ClaimPoster poster;
    private final RemittanceExceptions exceptions;
    private final TransactionTemplate transaction;
    private final long maxFileBytes;

    /**
     * @param maxFileSize the largest 835 taken in one piece: a file posts in one transaction, and a 20 MB one held
     *        the request past 30 s; payers split larger remittances into several files anyway
     */
    RemittancePosting(RemittanceRecords records, ClaimPoster poster, RemittanceExceptions exceptions,
            PlatformTransactionManager transactions,
            @Value("${relay.remittance.max-file-size:16MB}") DataSize maxFileSize) {
        this.maxFileBytes = maxFileSize.toBytes();
        this.records = records;
        this.poster = poster;
        this.exceptions = exceptions;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Posts a whole 835 file in one transaction. The same file posted twice at the same moment collides on the
     * idempotency key: the loser waits for the winner's commit, fails on the unique key, and is retried once, when it
     * finds the transactions already posted.
     *
     * @throws ApiException 400 naming the segment when the file cannot be read, 413 when it is larger than the limit;
     *         nothing is posted then
     */
    public RemittanceSummary post(byte[] x12) {
        if (x12.length > maxFileBytes) {
            String detail = "The 835 is larger than " + maxFileBytes / (1024 * 1024) + " MB; nothing was posted. Ask the "
                    + "payer or clearinghouse to send it in smaller files.";
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "File too large", detail,
                    List.of(ValidationError.error("X12-835-TOO-LARGE", null, detail)));
        }
        RemittanceFile file;
        try {
            file = reader.read(new ByteArrayInputStream(x12));
        } catch (X12FormatException e) {
            throw ApiException.badRequest("The 835 could not be read; nothing was posted. " + e.getMessage(),
                    List.of(ValidationError.error("X12-835-FORMAT", segmentField(e), e.getMessage())));
        }
        try {
            return transaction.execute(status -> postAll(file));
        } catch (DuplicateKeyException concurrentTwin) {
            return transaction.execute(status -> postAll(file));
        }
    }

    private RemittanceSummary postAll(RemittanceFile file) {
        Tally tally = new Tally();
        try {
            for (RemittanceAdvice advice : file.advices()) {
                postTransaction(advice, tally);
            }
        } catch (ArithmeticException e) {
            // The reader refuses fractions of a cent already; an amount too large for cents ends here.
            throw ApiException.badRequest("The 835 has an amount that cannot be posted in cents; nothing was posted.",
                    List.of(ValidationError.error("X12-835-AMOUNT", null, "Amounts must have at most two decimals.")));
        }
        return tally.summary(file);
    }

    private void postTransaction(RemittanceAdvice advice, Tally tally) {
        tally.claimsInFile += advice.claims().size();
        String key = idempotencyKey(advice);
        if (records.alreadyPosted(key)) {
            tally.duplicates++;
            return;
        }
        Optional<Imbalance> imbalance = PostingRules.paymentImbalance(advice);
        long remittanceId = records.insertTransaction(advice, key, imbalance.isEmpty());
        tally.paymentCents += PostingRules.cents(advice.totalPayment());
        tally.providerAdjustmentCents += PostingRules.cents(advice.providerAdjustmentTotal());
        List<ClaimPayment> payments = advice.claims();
        for (int i = 0; i < payments.size(); i++) {
            ClaimPayment clp = payments.get(i);
            StoredClaim stored = records.insertClaim(remittanceId, i + 1, clp);
            Optional<OurClaim> claim = poster.find(clp.patientControlNumber());
            Result result = claim.isEmpty() ? poster.notFound(stored)
                    : poster.post(stored, claim.get(), correctionFollows(payments, i));
            Long exceptionId = null;
            if (result.refusal() != null) {
                exceptionId = exceptions.open(remittanceId, stored.id(), claim.orElse(null), result.refusal());
                tally.exception(result.refusal().kind());
            }
            if (result.followUp() != null) {
                exceptionId = exceptions.open(remittanceId, stored.id(), claim.orElse(null), result.followUp());
                tally.exception(result.followUp().kind());
            }
            tally.claim(clp, claim.isPresent(), result, exceptionId);
        }
        imbalance.ifPresent(i -> {
            exceptions.open(remittanceId, null, null,
                    new Problem(ExceptionKind.UNBALANCED_PAYMENT, i.message(), i.amountCents(), i.differenceCents()));
            tally.exception(ExceptionKind.UNBALANCED_PAYMENT);
        });
    }

    /** Payers send a reversal and the corrected payment as two claim payments in a row of one transaction. */
    private static boolean correctionFollows(List<ClaimPayment> payments, int reversal) {
        String claimNumber = payments.get(reversal).patientControlNumber();
        return payments.subList(reversal + 1, payments.size()).stream()
                .anyMatch(p -> p.patientControlNumber().equals(claimNumber)
                        && PostingRules.status(p) != PostingRules.Status.REVERSAL);
    }

    /** Payer id + TRN02 + TRN03 + BPR02 + BPR16: the trace number alone repeats across transactions in real files. */
    static String idempotencyKey(RemittanceAdvice advice) {
        String key = String.join("|", advice.payer() == null ? "" : nullToEmpty(advice.payer().id()),
                nullToEmpty(advice.traceNumber()), nullToEmpty(advice.traceOriginatorId()),
                advice.totalPayment().stripTrailingZeros().toPlainString(),
                advice.paymentDate() == null ? "" : advice.paymentDate().toString());
        return Text.truncate(key, 300);
    }

    private static String segmentField(X12FormatException e) {
        return e.segmentId() == null ? null : e.segmentId() + " (segment " + e.segmentNumber() + ")";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static final class Tally {
        int duplicates;
        int claimsInFile;
        int matched;
        int paid;
        int denied;
        int reversed;
        int sentToExceptions;
        long paymentCents;
        long paidCents;
        long patientShareCents;
        long contractualCents;
        long providerAdjustmentCents;
        final Map<ExceptionKind, Integer> exceptions = new EnumMap<>(ExceptionKind.class);
        final List<RemittanceSummary.ClaimResult> results = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        void exception(ExceptionKind kind) {
            exceptions.merge(kind, 1, Integer::sum);
        }

        void claim(ClaimPayment clp, boolean matchedClaim, Result result, Long exceptionId) {
            if (matchedClaim) {
                matched++;
            }
            switch (result.outcome()) {
                case "PAID" -> paid++;
                case "DENIED" -> denied++;
                case "REVERSAL" -> reversed++;
                default -> sentToExceptions++;
            }
            if (result.posted()) {
                paidCents += result.paidCents();
                patientShareCents += result.patientShareCents();
                contractualCents += result.contractualCents();
            }
            warnings.addAll(result.warnings());
            ExceptionKind kind = result.refusal() != null ? result.refusal().kind()
                    : result.followUp() != null ? result.followUp().kind() : null;
            results.add(new RemittanceSummary.ClaimResult(clp.patientControlNumber(), clp.statusCode(),
                    result.outcome(), PostingRules.cents(clp.paymentAmount()), kind, exceptionId));
        }

        RemittanceSummary summary(RemittanceFile file) {
            List<String> allWarnings = new ArrayList<>(file.warnings());
            allWarnings.addAll(warnings);
            return new RemittanceSummary(file.advices().size(), duplicates, claimsInFile, matched, paid, denied,
                    reversed, sentToExceptions, exceptions, paymentCents, paidCents, patientShareCents,
                    contractualCents, providerAdjustmentCents, results, allWarnings);
        }
    }
}
