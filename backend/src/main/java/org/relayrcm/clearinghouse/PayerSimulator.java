package org.relayrcm.clearinghouse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.relayrcm.edi.Address;
import org.relayrcm.edi.Adjustment;
import org.relayrcm.edi.BillingProvider;
import org.relayrcm.edi.Claim837IReader;
import org.relayrcm.edi.Claim837PReader;
import org.relayrcm.edi.ClaimAcknowledgement;
import org.relayrcm.edi.ClaimFrequency;
import org.relayrcm.edi.ClaimAcknowledgement277Writer;
import org.relayrcm.edi.ClaimPayment;
import org.relayrcm.edi.EnvelopeIds;
import org.relayrcm.edi.FunctionalAcknowledgement;
import org.relayrcm.edi.FunctionalAcknowledgement999Writer;
import org.relayrcm.edi.InstitutionalClaim;
import org.relayrcm.edi.InterchangeEnvelope;
import org.relayrcm.edi.Payer;
import org.relayrcm.edi.ProfessionalClaim;
import org.relayrcm.edi.ReceivedGroup;
import org.relayrcm.edi.Remittance835Writer;
import org.relayrcm.edi.RemitParty;
import org.relayrcm.edi.RemitPatient;
import org.relayrcm.edi.RemittanceAdvice;
import org.relayrcm.edi.ServicePayment;
import org.relayrcm.edi.Submitter;
import org.relayrcm.edi.Subscriber;
import org.relayrcm.edi.UsageIndicator;
import org.relayrcm.edi.X12FormatException;
import org.relayrcm.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.event.TransactionalEventListener;

import jakarta.annotation.PreDestroy;

/**
 * A clearinghouse and payer for the demo and the tests. After a claim file is committed to the outbox it reads the
 * 837 there, as a payer's front end would, and answers in rungs, each a file dropped into the inbox and received
 * through {@link InboxFolder} exactly as a real clearinghouse's files are: a 999 (the group rejected when the file
 * cannot be read, and nothing more), then a 277CA accepting or rejecting each claim, then an 835 adjudicating the
 * accepted ones, all by {@link PayerSimulatorSettings}.
 */
@Component
@ConditionalOnProperty(name = "relay.payer-simulator.enabled", havingValue = "true")
class PayerSimulator {

    /** A database outage (a failover, a restart) is waited out this many times, this far apart. */
    private static final int DATABASE_ATTEMPTS = 6;
    private static final Duration DATABASE_RETRY_DELAY = Duration.ofSeconds(5);


    private static final Logger log = LoggerFactory.getLogger(PayerSimulator.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PayerSimulatorSettings settings;
    private final OutboxFolderClearinghouse outbox;
    private final InboxFolder inbox;
    private final JdbcClient jdbc;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "payer-simulator");
        t.setDaemon(true);
        return t;
    });

    PayerSimulator(PayerSimulatorSettings settings, OutboxFolderClearinghouse outbox, InboxFolder inbox,
            JdbcClient jdbc) {
        this.settings = settings;
        this.outbox = outbox;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    /**
     * A payer answers files it received before our application crashed, too: each claim's latest file (claim number,
     * then submission sequence, in its name) without its 835 is answered again from the first rung. Answers that were
     * already received change nothing (the intake and the claims record each once per submission), so the ones a crash
     * cut short are completed; an earlier submission's file is never answered again.
     */
    @EventListener(ApplicationReadyEvent.class)
    void answerFilesLeftUnanswered() {
        Path processed = inbox.folder().resolve("processed");
        java.util.Map<String, String> latest = new java.util.HashMap<>();
        for (String name : outbox.fileNames()) {
            String[] parts = name.split("-");
            if (name.endsWith(".837") && parts.length >= 3 && parts[1].matches("\\d{1,6}")) {
                latest.merge(parts[0], name, (a, b) -> sequence(a) >= sequence(b) ? a : b);
            }
        }
        for (String name : latest.values()) {
            String answer = base(name) + ".835";
            if (!Files.exists(processed.resolve(answer)) && !Files.exists(inbox.folder().resolve(answer))) {
                answer(name);
            }
        }
    }

    private static int sequence(String fileName) {
        return Integer.parseInt(fileName.split("-")[1]);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onDelivered(OutboxFolderClearinghouse.FileDelivered delivered) {
        answer(delivered.fileName());
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** What the simulator has answered so far for one claim file. */
    record Answers(String fileName, List<InboxFolder.Result> received, List<SubmittedClaim> accepted) {
    }

    /** What the simulator adjudicates of a claim, whether it came as an 837P or an 837I. */
    record SubmittedClaim(InterchangeEnvelope envelope, Submitter submitter, BillingProvider billingProvider,
            Subscriber subscriber, Payer payer, String claimNumber, ClaimFrequency frequency, BigDecimal totalCharge,
            LocalDate dateOfService, List<Line> lines) {

        /** Qualifier HC with a HCPCS/CPT code; an institutional line without one is identified by its revenue code (NU). */
        record Line(String qualifier, String code, List<String> modifiers, BigDecimal charge, BigDecimal units,
                LocalDate serviceDate) {
        }

        static SubmittedClaim of(ProfessionalClaim c) {
            return new SubmittedClaim(c.envelope(), c.submitter(), c.billingProvider(), c.subscriber(), c.payer(),
                    c.claim().claimNumber(), c.claim().frequency(), c.claim().totalCharge(), c.claim().dateOfService(),
                    c.claim().lines().stream().map(l -> new Line("HC", l.procedureCode(), l.modifiers(), l.charge(),
                            l.units(), l.serviceDate() == null ? c.claim().dateOfService() : l.serviceDate())).toList());
        }

        static SubmittedClaim of(InstitutionalClaim c) {
            return new SubmittedClaim(c.envelope(), c.submitter(), c.billingProvider(), c.subscriber(), c.payer(),
                    c.claim().claimNumber(), c.claim().frequency(), c.claim().totalCharge(), c.claim().statementFrom(),
                    c.claim().lines().stream().map(l -> new Line(l.procedureCode() == null ? "NU" : "HC",
                            l.procedureCode() == null ? l.revenueCode() : l.procedureCode(), l.modifiers(), l.charge(),
                            l.units(), l.serviceDate() == null ? c.claim().statementFrom() : l.serviceDate())).toList());
        }
    }

    /** Answers the outbox file in rungs; completes after the last rung was received (or the answer stopped). */
    CompletableFuture<Answers> answer(String fileName) {
        return answer(fileName, 1);
    }

    private CompletableFuture<Answers> answer(String fileName, int attempt) {
        return CompletableFuture.supplyAsync(() -> acknowledgeFile(fileName), after(settings.delay()))
                .thenApplyAsync(this::acknowledgeClaims, after(settings.rungDelay()))
                .thenApplyAsync(this::adjudicate, after(settings.rungDelay()))
                .handle((answers, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(answers);
                    }
                    // Messages may quote file content (PHI): the log gets the file name and the failure's type only.
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    if (cause instanceof DataAccessException && attempt < DATABASE_ATTEMPTS) {
                        // The database went away mid-answer; rungs already received change nothing when sent again.
                        log.warn("Payer simulator will answer {} again: {}", fileName, cause.getClass().getName());
                        return CompletableFuture.supplyAsync(() -> fileName, after(DATABASE_RETRY_DELAY))
                                .thenCompose(name -> answer(name, attempt + 1));
                    }
                    log.error("Payer simulator could not answer {}: {}", fileName, cause.getClass().getName());
                    return CompletableFuture.<Answers>completedFuture(null);
                })
                .thenCompose(next -> next);
    }

    private Executor after(Duration delay) {
        return CompletableFuture.delayedExecutor(Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS, worker);
    }

    /** Rung 1: the 999. Null stops the answer (not our payer, or the file was rejected). */
    private Answers acknowledgeFile(String fileName) {
        byte[] file;
        try {
            file = Files.readAllBytes(outbox.resolve(fileName));
        } catch (IOException e) {
            throw new IllegalStateException("outbox file unreadable", e);
        }
        Optional<ReceivedGroup> group = ReceivedGroup.scan(file);
        if (group.isEmpty()) {
            // Without ISA and GS there is nothing a 999 could point at; a real front end sends a TA1 we do not read.
            log.warn("Payer simulator found no ISA/GS in {} and cannot acknowledge it", fileName);
            return null;
        }
        List<SubmittedClaim> claims;
        X12FormatException problem = null;
        try {
            claims = read(group.get(), file).stream().filter(c -> settings.answersFor(c.payer().payerId())).toList();
            if (claims.isEmpty()) {
                return null;
            }
        } catch (X12FormatException e) {
            problem = e;
            claims = List.of();
        }
        FunctionalAcknowledgement ack = group.get().acknowledgement(settings.interchangeId(), problem);
        String x999 = new FunctionalAcknowledgement999Writer(true).writeToString(
                envelope(group.get(), 1), ack, group.get().version());
        List<InboxFolder.Result> received = new ArrayList<>();
        received.add(deliver(base(fileName) + ".999", x999));
        return problem == null ? new Answers(fileName, received, claims) : null;
    }

    /** The claims of the file, by the guide its group names (GS08): X223 is institutional, anything else professional. */
    private static List<SubmittedClaim> read(ReceivedGroup group, byte[] file) {
        if (group.version() != null && group.version().contains("X223")) {
            return new Claim837IReader().read(new ByteArrayInputStream(file)).stream().map(SubmittedClaim::of).toList();
        }
        return new Claim837PReader().read(new ByteArrayInputStream(file)).stream().map(SubmittedClaim::of).toList();
    }

    /** Rung 2: the 277CA, per claim accepted or rejected by the front-end rules. */
    private Answers acknowledgeClaims(Answers answers) {
        if (answers == null) {
            return null;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<ClaimAcknowledgement277Writer.Claim> results = new ArrayList<>();
        List<SubmittedClaim> accepted = new ArrayList<>();
        int index = 0;
        for (SubmittedClaim claim : answers.accepted()) {
            index++;
            Optional<PayerSimulatorSettings.Rejection> rejection = settings.frontEndRejection(claim.payer().payerId(),
                    claim.subscriber().memberId());
            ClaimAcknowledgement.Status status = rejection
                    .map(r -> new ClaimAcknowledgement.Status(r.category(), r.status(), r.entity(), today, "U", r.text()))
                    .orElse(new ClaimAcknowledgement.Status("A2", "20", null, today, "WQ", null));
            if (rejection.isEmpty()) {
                accepted.add(claim);
            }
            List<LocalDate> dates = claim.lines().stream().map(SubmittedClaim.Line::serviceDate).sorted().toList();
            results.add(new ClaimAcknowledgement277Writer.Claim(new ClaimAcknowledgement.ClaimResult(
                    claim.claimNumber(), rejection.isEmpty() ? payerClaimNumber(claim, index) : null,
                    List.of(status), claim.totalCharge()),
                    claim.billingProvider().organizationName(), claim.billingProvider().npi(),
                    claim.subscriber().lastName(), claim.subscriber().firstName(), claim.subscriber().memberId(),
                    dates.get(0), dates.get(dates.size() - 1)));
        }
        SubmittedClaim first = answers.accepted().get(0);
        ClaimAcknowledgement277Writer.Header header = new ClaimAcknowledgement277Writer.Header(first.payer().name(),
                first.payer().payerId(), first.submitter().name(), first.submitter().id(),
                Long.toString(first.envelope().groupControlNumber()), today, today);
        String x277 = new ClaimAcknowledgement277Writer(true).writeToString(envelope(first, 2), header, results);
        answers.received().add(deliver(base(answers.fileName()) + ".277", x277));
        return accepted.isEmpty() ? null : new Answers(answers.fileName(), answers.received(), accepted);
    }

    /**
     * Rung 3: the 835 for the claims the 277CA accepted. A void gets none here: a payer answers it with a reversal of
     * the original payment (CLP02 22), which this simulator does not write.
     */
    private Answers adjudicate(Answers answers) {
        if (answers == null) {
            return null;
        }
        List<RemittanceAdvice> advices = new ArrayList<>();
        int index = 0;
        for (SubmittedClaim claim : answers.accepted()) {
            index++;
            if (claim.frequency() != ClaimFrequency.VOID) {
                advices.add(adjudicate(claim, index));
            }
        }
        if (advices.isEmpty()) {
            return answers;
        }
        String x835 = new Remittance835Writer(true).writeToString(envelope(answers.accepted().get(0), 3), advices);
        answers.received().add(deliver(base(answers.fileName()) + ".835", x835));
        return answers;
    }

    /**
     * Drops the answer into the inbox and receives it at once, before the next rung is written. Should another
     * instance's poller take it first, that poller has received it by the time {@code process} returns (receiving is
     * serialized), so the rungs still arrive in order.
     */
    private InboxFolder.Result deliver(String name, String x12) {
        Path dropped = inbox.drop(name, x12.getBytes(StandardCharsets.UTF_8));
        return inbox.process(dropped).orElse(new InboxFolder.Result(name, null, null, "received by another poller"));
    }

    RemittanceAdvice adjudicate(SubmittedClaim claim, int index) {
        boolean codingDenial = claim.lines().stream().anyMatch(l -> settings.modifierRequiredCodes().contains(l.code())
                && l.modifiers().isEmpty());
        boolean coverageEnded = settings.terminatedMemberIds().contains(claim.subscriber().memberId());
        boolean deny = codingDenial || coverageEnded;
        List<ServicePayment> lines = new ArrayList<>();
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal patientShare = BigDecimal.ZERO;
        for (SubmittedClaim.Line line : claim.lines()) {
            List<Adjustment> adjustments = new ArrayList<>();
            BigDecimal linePaid = BigDecimal.ZERO;
            if (deny) {
                adjustments.add(new Adjustment("CO", coverageEnded ? "27" : "4", line.charge(), null));
            } else {
                BigDecimal allowed = allowed(claim.payer().payerId(), line);
                BigDecimal coinsurance = allowed.multiply(BigDecimal.valueOf(settings.coinsurancePercent()))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                linePaid = allowed.subtract(coinsurance);
                if (line.charge().compareTo(allowed) > 0) {
                    adjustments.add(new Adjustment("CO", "45", line.charge().subtract(allowed), null));
                }
                if (coinsurance.signum() > 0) {
                    adjustments.add(new Adjustment("PR", "2", coinsurance, null));
                }
                patientShare = patientShare.add(coinsurance);
            }
            lines.add(new ServicePayment(line.qualifier(), line.code(), line.modifiers(), line.charge(), linePaid,
                    line.units(), line.serviceDate(), null, adjustments,
                    !deny ? List.of() : coverageEnded ? List.of("N30") : List.of("M20")));
            paid = paid.add(linePaid);
        }
        String icn = claim.envelope().interchangeControlNumber() + "";
        ClaimPayment payment = new ClaimPayment(claim.claimNumber(), deny ? "4" : "1", claim.totalCharge(),
                paid, patientShare, claim.payer().claimFilingIndicator(), payerClaimNumber(claim, index),
                new RemitPatient(claim.subscriber().lastName(), claim.subscriber().firstName(), "MI",
                        claim.subscriber().memberId()),
                claim.dateOfService(), List.of(), List.of(), lines);
        Address payerAddress = new Address("1 Payer Plaza", "Springfield", "IL", "62701");
        return new RemittanceAdvice(new EnvelopeIds(settings.interchangeId(), claim.envelope().senderId(), icn, icn, "0001"),
                paid.signum() > 0 ? "C" : "H", paid, "C", paid.signum() > 0 ? "CHK" : "NON", LocalDate.now(),
                "SIM" + icn, "1999999999", LocalDate.now(),
                new RemitParty(claim.payer().name(), "XV", claim.payer().payerId(), payerAddress, null),
                new RemitParty(claim.billingProvider().organizationName(), "XX", claim.billingProvider().npi(),
                        claim.billingProvider().address(), claim.billingProvider().taxId()),
                List.of(payment), List.of());
    }

    /**
     * What the payer allows for the line: the contract amount per unit from {@code payer_fee_schedule} (the row for
     * the line's first modifier before the row without one), never more than was charged; else the allowed percent.
     */
    private BigDecimal allowed(String payerId, SubmittedClaim.Line line) {
        String modifier = line.modifiers().isEmpty() ? "" : line.modifiers().get(0);
        Optional<Long> contract = jdbc.sql("""
                SELECT f.allowed_cents FROM payer_fee_schedule f JOIN payer p ON p.id = f.payer_id
                WHERE p.payer_code = :payer AND f.procedure_code = :code AND f.modifier IN (:modifier, '')
                ORDER BY f.modifier DESC""")
                .param("payer", payerId).param("code", line.code()).param("modifier", modifier)
                .query(Long.class).list().stream().findFirst();
        if (contract.isPresent()) {
            BigDecimal units = line.units() == null ? BigDecimal.ONE : line.units();
            return Money.toDollars(contract.get()).multiply(units).min(line.charge()).setScale(2, RoundingMode.HALF_UP);
        }
        return line.charge().multiply(BigDecimal.valueOf(settings.allowedPercent())).divide(HUNDRED, 2,
                RoundingMode.HALF_UP);
    }

    /** REF*1K in the 277CA and CLP07 in the 835: the payer's number for the claim. */
    private static String payerClaimNumber(SubmittedClaim claim, int index) {
        return "SIM" + claim.envelope().interchangeControlNumber() + String.format("%02d", index);
    }

    /**
     * The answer's envelope: from the simulator to whoever sent the claim file, with an interchange number per claim
     * file and rung (1 = 999, 2 = 277CA, 3 = 835) so no two answers share an ISA13.
     */
    private InterchangeEnvelope envelope(SubmittedClaim claim, int rung) {
        return envelope(claim.envelope().senderQualifier(), claim.envelope().senderId(),
                claim.envelope().interchangeControlNumber(), claim.envelope().usage(), rung);
    }

    private InterchangeEnvelope envelope(ReceivedGroup group, int rung) {
        long icn;
        try {
            icn = Long.parseLong(group.interchangeControlNumber());
        } catch (NumberFormatException notNumeric) {
            icn = 1;
        }
        String qualifier = group.senderQualifier() != null && group.senderQualifier().length() == 2
                ? group.senderQualifier() : "ZZ";
        return envelope(qualifier, group.senderId(), icn,
                "P".equals(group.usageIndicator()) ? UsageIndicator.PRODUCTION : UsageIndicator.TEST, rung);
    }

    private InterchangeEnvelope envelope(String receiverQualifier, String receiverId, long claimIcn,
            UsageIndicator usage, int rung) {
        long control = (claimIcn % 300_000_000L) * 3 + rung;
        return new InterchangeEnvelope("ZZ", settings.interchangeId(), receiverQualifier, receiverId, control, control,
                1, LocalDateTime.now(ZoneOffset.UTC), usage);
    }

    private static String base(String fileName) {
        return fileName.replaceFirst("\\.837$", "");
    }
}
