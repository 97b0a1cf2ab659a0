package org.relayrcm.clearinghouse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.relayrcm.claims.ClaimAcknowledgements;
import org.relayrcm.edi.ClaimAcknowledgement;
import org.relayrcm.edi.ClaimAcknowledgement277Reader;
import org.relayrcm.edi.FunctionalAcknowledgement;
import org.relayrcm.edi.FunctionalAcknowledgement999Reader;
import org.relayrcm.edi.ReceivedGroup;
import org.relayrcm.edi.X12FormatException;
import org.relayrcm.remittance.RemittancePosting;
import org.relayrcm.remittance.RemittanceSummary;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.ValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives what the clearinghouse sends back, whichever way it came (inbox folder, upload): reads the file by its
 * ST01, hands 999s and 277CAs to {@link ClaimAcknowledgements} and 835s to {@link RemittancePosting}, and records
 * the file once. A file that cannot be read changes nothing and is refused with a problem naming the segment.
 *
 * <p>Exactly once: a 999 or 277CA is recorded and applied in one transaction whose first write is the file's row
 * under a unique content hash, so a second delivery of the same file, even at the same moment, waits for the first,
 * finds its row and is reported as a duplicate without reaching the port. An 835 is posted first (posting has its own
 * idempotency per payment, which also catches the same payment re-sent in a different file) and recorded after.
 */
@Service
public class InboundFiles {

    private static final Logger log = LoggerFactory.getLogger(InboundFiles.class);
    private static final Pattern BARE_ST = Pattern.compile("^ST([^A-Za-z0-9\\s])(\\d{3})\\1");

    /** How the file reached us. */
    public enum Channel { INBOX, UPLOAD }

    /** What we receive: ST01 as stored in {@code inbound_file}, and the name summaries give it. */
    private enum Kind {
        FUNCTIONAL_ACK("999", "999"), CLAIM_ACK("277", "277CA"), REMITTANCE("835", "835");

        final String transactionSet;
        final String label;

        Kind(String transactionSet, String label) {
            this.transactionSet = transactionSet;
            this.label = label;
        }

        static Optional<Kind> of(String transactionSet) {
            for (Kind kind : values()) {
                if (kind.transactionSet.equals(transactionSet)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    private final JdbcClient jdbc;
    private final ClaimAcknowledgements acknowledgements;
    private final RemittancePosting remittances;
    private final TransactionTemplate transaction;
    private final long maxFileBytes;

    /**
     * @param maxFileSize the largest answer file taken: a clearinghouse's 999, 277CA or 835 is kilobytes to a few
     *                    megabytes, and reading a far larger one would hold the request for minutes
     */
    InboundFiles(JdbcClient jdbc, ClaimAcknowledgements acknowledgements, RemittancePosting remittances,
            PlatformTransactionManager transactions,
            @Value("${relay.clearinghouse.max-file-size:16MB}") DataSize maxFileSize) {
        this.maxFileBytes = maxFileSize.toBytes();
        this.jdbc = jdbc;
        this.acknowledgements = acknowledgements;
        this.remittances = remittances;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param fileName where it came from, for the record; may be {@code null}
     * @throws ApiException 400 when the file is empty, not X12, of a type we do not receive, or unreadable; 413 when
     *         it is larger than the limit
     */
    public InboundSummary receive(byte[] content, Channel channel, String fileName) {
        if (content.length > maxFileBytes) {
            String detail = "The file is larger than " + maxFileBytes / (1024 * 1024) + " MB; nothing was received. Ask "
                    + "the clearinghouse to send it in smaller files.";
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "File too large", detail,
                    List.of(ValidationError.error("X12-FILE-TOO-LARGE", null, detail)));
        }
        String type = transactionSet(content);
        Kind kind = Kind.of(type).orElseThrow(() -> notReceivable(type));
        String hash = contentHash(content);
        Optional<InboundSummary> earlier = recorded(hash);
        if (earlier.isPresent()) {
            return logged(earlier.get(), channel);
        }
        Optional<ReceivedGroup> envelope = ReceivedGroup.scan(content);
        InboundSummary summary = switch (kind) {
            case FUNCTIONAL_ACK -> applyOnce(read999(content), hash, channel, fileName, envelope);
            case CLAIM_ACK -> applyOnce(read277(content), hash, channel, fileName, envelope);
            case REMITTANCE -> post835(content, hash, channel, fileName, envelope);
        };
        return logged(summary, channel);
    }

    /** Counts and ids only: claim numbers are ours, but the log has no need of them. */
    private static InboundSummary logged(InboundSummary summary, Channel channel) {
        log.info("Received {} file {} ({}): {} applied, {} unchanged, {} unmatched{}", summary.type(), summary.fileId(),
                channel, summary.claimsApplied().size(), summary.claimsUnchanged().size(),
                summary.claimsUnmatched().size(), summary.duplicate() ? ", a duplicate of an earlier delivery" : "");
        return summary;
    }

    /** A read 999 ({@code functional}) or 277CA ({@code claims}). */
    private record Parsed(Kind kind, List<FunctionalAcknowledgement> functional, List<ClaimAcknowledgement> claims,
            List<String> warnings) {
    }

    private InboundSummary applyOnce(Parsed parsed, String hash, Channel channel, String fileName,
            Optional<ReceivedGroup> envelope) {
        try {
            return transaction.execute(status -> apply(parsed, hash, channel, fileName, envelope));
        } catch (DuplicateKeyException twin) {
            // The same file arrived at the same moment and its twin committed first: report that one.
            return recorded(hash).orElseThrow(() -> twin);
        }
    }

    private InboundSummary apply(Parsed parsed, String hash, Channel channel, String fileName,
            Optional<ReceivedGroup> envelope) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id = insert(hash, parsed.kind(), channel, fileName, envelope, now);
        List<String> applied = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        if (parsed.functional() != null) {
            for (FunctionalAcknowledgement ack : parsed.functional()) {
                add(acknowledgements.functionalAcknowledgement(ack), applied, unchanged, unmatched);
                for (FunctionalAcknowledgement.TransactionResult t : ack.transactions()) {
                    if (t.accepted()) {
                        accepted++;
                    } else {
                        rejected++;
                    }
                }
            }
        } else {
            for (ClaimAcknowledgement ack : parsed.claims()) {
                add(acknowledgements.claimAcknowledgement(ack), applied, unchanged, unmatched);
                for (ClaimAcknowledgement.ClaimResult claim : ack.claims()) {
                    if (claim.accepted()) {
                        accepted++;
                    } else {
                        rejected++;
                    }
                }
            }
        }
        jdbc.sql("""
                UPDATE inbound_file SET claims_applied = :applied, claims_unchanged = :unchanged,
                                        claims_unmatched = :unmatched WHERE id = :id""")
                .param("applied", applied.size()).param("unchanged", unchanged.size())
                .param("unmatched", unmatched.size()).param("id", id).update();
        return new InboundSummary(parsed.kind().label, id, false, now, accepted, rejected,
                applied, unchanged, unmatched, null, parsed.warnings());
    }

    private static void add(ClaimAcknowledgements.Outcome outcome, List<String> applied, List<String> unchanged,
            List<String> unmatched) {
        if (outcome == null) {
            return;
        }
        applied.addAll(outcome.applied() == null ? List.of() : outcome.applied());
        unchanged.addAll(outcome.unchanged() == null ? List.of() : outcome.unchanged());
        unmatched.addAll(outcome.unmatched() == null ? List.of() : outcome.unmatched());
    }

    private InboundSummary post835(byte[] content, String hash, Channel channel, String fileName,
            Optional<ReceivedGroup> envelope) {
        RemittanceSummary posted = remittances.post(content);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id;
        try {
            id = transaction.execute(status -> insert(hash, Kind.REMITTANCE, channel, fileName, envelope, now));
        } catch (DuplicateKeyException twin) {
            // Posting already made the twin a no-op; the row that won keeps the record.
            return recorded(hash).orElseThrow(() -> twin);
        }
        List<String> matched = posted.claims().stream().filter(c -> !"UNMATCHED".equals(c.outcome()))
                .map(RemittanceSummary.ClaimResult::claimNumber).toList();
        List<String> unmatched = posted.claims().stream().filter(c -> "UNMATCHED".equals(c.outcome()))
                .map(RemittanceSummary.ClaimResult::claimNumber).toList();
        jdbc.sql("UPDATE inbound_file SET claims_applied = :applied, claims_unmatched = :unmatched WHERE id = :id")
                .param("applied", matched.size()).param("unmatched", unmatched.size()).param("id", id).update();
        return new InboundSummary(Kind.REMITTANCE.label, id, false, now, posted.claimsPaid(), posted.claimsDenied(), matched, List.of(),
                unmatched, posted, posted.warnings());
    }

    private long insert(String hash, Kind kind, Channel channel, String fileName, Optional<ReceivedGroup> envelope,
            OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        String[] isa = isa(envelope);
        jdbc.sql("""
                INSERT INTO inbound_file (content_hash, transaction_set, sender_id, interchange_control_number, channel,
                                          file_name, received_at)
                VALUES (:hash, :type, :sender, :icn, :channel, :file, :now)""")
                .param("hash", hash).param("type", kind.transactionSet).param("sender", isa[0]).param("icn", isa[1])
                .param("channel", channel.name())
                .param("file", fileName == null ? null : fileName.length() > 255 ? fileName.substring(0, 255) : fileName)
                .param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    private static String[] isa(Optional<ReceivedGroup> envelope) {
        return envelope.map(g -> new String[] {truncate(g.senderId(), 15), truncate(g.interchangeControlNumber(), 9)})
                .orElse(new String[] {null, null});
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private record Row(long id, String transactionSet, OffsetDateTime receivedAt) {
    }

    private Optional<InboundSummary> recorded(String hash) {
        return jdbc.sql("SELECT id, transaction_set, received_at FROM inbound_file WHERE content_hash = :hash")
                .param("hash", hash).query(Row.class).optional()
                .map(row -> new InboundSummary(Kind.of(row.transactionSet()).map(k -> k.label)
                        .orElse(row.transactionSet()), row.id(), true, row.receivedAt(), 0, 0, List.of(), List.of(), List.of(), null, List.of()));
    }

    private static Parsed read999(byte[] content) {
        try {
            FunctionalAcknowledgement999Reader.Result result = new FunctionalAcknowledgement999Reader()
                    .read(new ByteArrayInputStream(content));
            return new Parsed(Kind.FUNCTIONAL_ACK, result.acknowledgements(), null, result.warnings());
        } catch (X12FormatException e) {
            throw unreadable("999", "X12-999-FORMAT", e);
        }
    }

    private static Parsed read277(byte[] content) {
        try {
            ClaimAcknowledgement277Reader.Result result = new ClaimAcknowledgement277Reader()
                    .read(new ByteArrayInputStream(content));
            return new Parsed(Kind.CLAIM_ACK, null, result.acknowledgements(), result.warnings());
        } catch (X12FormatException e) {
            throw unreadable("277CA", "X12-277CA-FORMAT", e);
        }
    }

    private static ApiException unreadable(String what, String rule, X12FormatException e) {
        String field = e.segmentId() == null ? null : e.segmentId() + " (segment " + e.segmentNumber() + ")";
        return ApiException.badRequest("The " + what + " could not be read; nothing was applied. " + e.getMessage(),
                List.of(ValidationError.error(rule, field, e.getMessage())));
    }

    private static ApiException notReceivable(String type) {
        String detail = "This file holds a " + type + " transaction; only 999, 277CA and 835 files are received here.";
        return ApiException.badRequest(detail, List.of(ValidationError.error("X12-TRANSACTION-TYPE", "ST01", detail)));
    }

    /** ST01 of the first transaction: the envelope scan for a file with ISA, the bare ST otherwise. */
    static String transactionSet(byte[] content) {
        Optional<ReceivedGroup> group = ReceivedGroup.scan(content);
        if (group.isPresent() && !group.get().transactions().isEmpty()) {
            return group.get().transactions().get(0).id().trim();
        }
        String start = new String(content, 0, Math.min(content.length, 64), StandardCharsets.ISO_8859_1)
                .replaceFirst("^\u00EF\u00BB\u00BF", "").stripLeading();
        Matcher bare = BARE_ST.matcher(start);
        if (bare.find()) {
            return bare.group(2);
        }
        String detail = start.isEmpty() ? "The file is empty."
                : "This is not an X12 999, 277CA or 835 file: it must start with an ISA segment followed by a GS and "
                        + "an ST. Check that the clearinghouse's file itself was sent.";
        throw ApiException.badRequest(detail, List.of(ValidationError.error("X12-FORMAT", null, detail)));
    }

    /**
     * SHA-256 of the content without a byte order mark, line breaks and the indentation after them: the same
     * interchange pretty-printed or on one line is the same file.
     */
    static String contentHash(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1).replaceFirst("^\u00EF\u00BB\u00BF", "")
                .replaceAll("[\\r\\n]+[ \\t]*", "").strip();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
