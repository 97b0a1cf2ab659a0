package org.relayrcm.clearinghouse;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.relayrcm.edi.Address;
import org.relayrcm.edi.Adjustment;
import org.relayrcm.edi.Claim837PReader;
import org.relayrcm.edi.ClaimPayment;
import org.relayrcm.edi.EnvelopeIds;
import org.relayrcm.edi.InterchangeEnvelope;
import org.relayrcm.edi.ProfessionalClaim;
import org.relayrcm.edi.Remittance835Writer;
import org.relayrcm.edi.RemitParty;
import org.relayrcm.edi.RemitPatient;
import org.relayrcm.edi.RemittanceAdvice;
import org.relayrcm.edi.ServiceLine;
import org.relayrcm.edi.ServicePayment;
import org.relayrcm.remittance.RemittancePosting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import jakarta.annotation.PreDestroy;

/**
 * A payer for the demo and the tests. After a claim file is committed to the outbox it reads the 837
 * there, as a payer would, adjudicates it by {@link PayerSimulatorSettings}, and posts its 835 through
 * exactly the code path of {@code POST /api/remittances}.
 */
@Component
@ConditionalOnProperty(name = "relay.payer-simulator.enabled", havingValue = "true")
class PayerSimulator {

    private static final Logger log = LoggerFactory.getLogger(PayerSimulator.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PayerSimulatorSettings settings;
    private final OutboxFolderClearinghouse outbox;
    private final RemittancePosting posting;
    private final Path inbox;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "payer-simulator");
        t.setDaemon(true);
        return t;
    });

    PayerSimulator(PayerSimulatorSettings settings, OutboxFolderClearinghouse outbox, RemittancePosting posting,
            @Value("${relay.clearinghouse.outbox}") Path outboxFolder) throws IOException {
        this.settings = settings;
        this.outbox = outbox;
        this.posting = posting;
        this.inbox = Files.createDirectories(outboxFolder.toAbsolutePath().normalize().resolveSibling("inbox"));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onDelivered(OutboxFolderClearinghouse.FileDelivered delivered) {
        worker.schedule(() -> answer(delivered.fileName()), settings.delay().toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void answer(String fileName) {
        try {
            List<ProfessionalClaim> claims;
            try (InputStream in = Files.newInputStream(outbox.resolve(fileName))) {
                claims = new Claim837PReader().read(in).stream()
                        .filter(c -> settings.answersFor(c.payer().payerId())).toList();
            }
            if (claims.isEmpty()) {
                return;
            }
            List<RemittanceAdvice> advices = claims.stream().map(this::adjudicate).toList();
            ProfessionalClaim first = claims.get(0);
            InterchangeEnvelope envelope = new InterchangeEnvelope("ZZ", settings.interchangeId(),
                    first.envelope().senderQualifier(), first.envelope().senderId(),
                    first.envelope().interchangeControlNumber(), first.envelope().interchangeControlNumber(), 1,
                    LocalDateTime.now(ZoneOffset.UTC), first.envelope().usage());
            String x835 = new Remittance835Writer(true).writeToString(envelope, advices);
            Files.writeString(inbox.resolve(fileName.replaceFirst("\\.837$", "") + ".835"), x835);
            posting.post(x835.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            // Messages may quote file content (PHI): the log gets the file name and the failure's type only.
            log.error("Payer simulator could not answer {}: {}", fileName, e.getClass().getName());
        }
    }

    RemittanceAdvice adjudicate(ProfessionalClaim claim) {
        boolean deny = claim.claim().lines().stream().anyMatch(l -> settings.modifierRequiredCodes().contains(l.procedureCode())
                && l.modifiers().isEmpty());
        List<ServicePayment> lines = new ArrayList<>();
        BigDecimal paid = BigDecimal.ZERO;
        for (ServiceLine line : claim.claim().lines()) {
            BigDecimal linePaid = deny ? BigDecimal.ZERO
                    : line.charge().multiply(BigDecimal.valueOf(settings.allowedPercent()))
                            .divide(HUNDRED, 2, RoundingMode.HALF_UP);
            BigDecimal adjusted = line.charge().subtract(linePaid);
            List<Adjustment> adjustments = adjusted.signum() == 0 ? List.of()
                    : List.of(new Adjustment("CO", deny ? "4" : "45", adjusted, null));
            lines.add(new ServicePayment("HC", line.procedureCode(), line.modifiers(), line.charge(), linePaid,
                    line.units(), line.serviceDate() == null ? claim.claim().dateOfService() : line.serviceDate(), null,
                    adjustments, deny ? List.of("M20") : List.of()));
            paid = paid.add(linePaid);
        }
        String icn = claim.envelope().interchangeControlNumber() + "";
        ClaimPayment payment = new ClaimPayment(claim.claim().claimNumber(), deny ? "4" : "1", claim.claim().totalCharge(),
                paid, BigDecimal.ZERO, claim.payer().claimFilingIndicator(), "SIM" + icn + "01",
                new RemitPatient(claim.subscriber().lastName(), claim.subscriber().firstName(), "MI",
                        claim.subscriber().memberId()),
                claim.claim().dateOfService(), List.of(), List.of(), lines);
        Address payerAddress = new Address("1 Payer Plaza", "Springfield", "IL", "62701");
        return new RemittanceAdvice(new EnvelopeIds(settings.interchangeId(), claim.envelope().senderId(), icn, icn, "0001"),
                paid.signum() > 0 ? "C" : "H", paid, "C", paid.signum() > 0 ? "CHK" : "NON", LocalDate.now(),
                "SIM" + icn, "1999999999", LocalDate.now(),
                new RemitParty(claim.payer().name(), "XV", claim.payer().payerId(), payerAddress, null),
                new RemitParty(claim.billingProvider().organizationName(), "XX", claim.billingProvider().npi(),
                        claim.billingProvider().address(), claim.billingProvider().taxId()),
                List.of(payment), List.of());
    }
}
