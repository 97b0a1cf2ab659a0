package org.relayrcm.claims;

import org.relayrcm.shared.ListColumns;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.relayrcm.clearinghouse.Clearinghouse;
import org.relayrcm.edi.Address;
import org.relayrcm.edi.BillingProvider;
import org.relayrcm.edi.Claim837PWriter;
import org.relayrcm.edi.ClaimDetails;
import org.relayrcm.edi.ClaimFrequency;
import org.relayrcm.edi.InterchangeEnvelope;
import org.relayrcm.edi.Payer;
import org.relayrcm.edi.ProfessionalClaim;
import org.relayrcm.edi.Receiver;
import org.relayrcm.edi.RenderingProvider;
import org.relayrcm.edi.ServiceLine;
import org.relayrcm.edi.Sex;
import org.relayrcm.edi.Submitter;
import org.relayrcm.edi.Subscriber;
import org.relayrcm.edi.UsageIndicator;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a claim: writes its next 837P, hands it to the clearinghouse and records the submission.
 * Exactly once per (claim, sequence): the file name is derived from both and from the token the claim
 * got when it became ready (so a retried job writes the same name, and a claim number reused after a
 * database reset does not), the clearinghouse keeps the first file of a name, and the unique
 * (claim_id, sequence) row is written in the job's transaction.
 */
@Service
public class ClaimSubmissions {

    private final JdbcClient jdbc;
    private final ClaimService claims;
    private final Clearinghouse clearinghouse;
    private final BillingProviderSettings provider;
    private final ClearinghouseSettings interchange;
    private final DataFieldMaxValueIncrementer controlNumbers;
    private final Claim837PWriter writer = new Claim837PWriter(true);

    ClaimSubmissions(JdbcClient jdbc, ClaimService claims, Clearinghouse clearinghouse, BillingProviderSettings provider,
            ClearinghouseSettings interchange, DataSource dataSource) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.clearinghouse = clearinghouse;
        this.provider = provider;
        this.interchange = interchange;
        this.controlNumbers = ClaimNumbers.Sequences.incrementer(dataSource, "x12_control_number");
    }

    private record ClaimRow(long id, String claimNumber, String status, String submissionToken, int submissionCount,
            LocalDate dateOfService,
            String placeOfService, String payerClaimControl, String payerCode, String payerName, String filingIndicator,
            String memberId, String firstName, String lastName, LocalDate birthDate, String sex, String addressLine,
            String city, String state, String postalCode, String renderingNpi, String renderingLastName,
            String renderingFirstName, String renderingTaxonomy) {
    }

    @Transactional
    public void submit(String claimNumber) {
        ClaimRow claim = load(claimNumber);
        if (claim.submissionToken() == null) {
            throw new IllegalStateException("Claim " + claimNumber + " was never made ready to send");
        }
        if (claim.payerCode() == null) {
            throw new IllegalStateException("Claim " + claimNumber + " has no payer: self-pay claims are billed to the patient");
        }
        int sequence = claim.submissionCount() + 1;
        long control = controlNumbers.nextLongValue();
        ProfessionalClaim x12 = toX12(claim, sequence, control);
        String fileName = claimNumber + "-" + sequence + "-" + claim.submissionToken().substring(0, 8) + ".837";
        Clearinghouse.Delivery delivery = clearinghouse.deliver(fileName,
                writer.writeToString(x12).getBytes(StandardCharsets.UTF_8));
        claims.transition(claim.id(), ClaimStatus.SUBMITTED);
        jdbc.sql("UPDATE claim SET submission_count = :sequence WHERE id = :id")
                .param("sequence", sequence).param("id", claim.id()).update();
        jdbc.sql("""
                INSERT INTO claim_submission (claim_id, sequence, interchange_control_number, file_name, payload, submitted_at)
                VALUES (:claim, :sequence, :control, :file, :payload, :now)""")
                .param("claim", claim.id()).param("sequence", sequence).param("control", control)
                .param("file", fileName)
                .param("payload", new String(delivery.deliveredContent(), StandardCharsets.UTF_8))
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    /**
     * The 837 the claim's next submission would send, read from the database as {@link #submit} reads it, without
     * consuming a control number or sending anything (the envelope's control numbers are 1).
     */
    @Transactional(readOnly = true)
    public String preview(String claimNumber) {
        ClaimRow claim = load(claimNumber);
        return writer.writeToString(toX12(claim, claim.submissionCount() + 1, 1));
    }

    private ClaimRow load(String claimNumber) {
        return jdbc.sql("""
                SELECT cl.id, cl.claim_number, cl.status, cl.submission_token, cl.submission_count, cl.date_of_service, cl.place_of_service,
                       cl.payer_claim_control, py.payer_code, py.name AS payer_name,
                       py.claim_filing_indicator AS filing_indicator, cv.member_id,
                       p.first_name, p.last_name, p.birth_date, p.sex, p.address_line, p.city, p.state, p.postal_code,
                       rp.npi AS rendering_npi, rp.last_name AS rendering_last_name,
                       rp.first_name AS rendering_first_name, rp.taxonomy_code AS rendering_taxonomy
                FROM claim cl
                JOIN encounter e ON e.id = cl.encounter_id
                JOIN patient p ON p.id = e.patient_id
                LEFT JOIN coverage cv ON cv.id = cl.coverage_id
                LEFT JOIN payer py ON py.id = cl.payer_id
                LEFT JOIN provider rp ON rp.id = cl.rendering_provider_id
                WHERE cl.claim_number = :number""")
                .param("number", claimNumber).query(ClaimRow.class).optional()
                .orElseThrow(() -> ApiException.notFound("Claim " + claimNumber));
    }

    @Transactional(readOnly = true)
    public Optional<String> latestPayload(long claimId) {
        return jdbc.sql("SELECT payload FROM claim_submission WHERE claim_id = :id ORDER BY sequence DESC LIMIT 1")
                .param("id", claimId).query(String.class).optional();
    }

    private ProfessionalClaim toX12(ClaimRow claim, int sequence, long control) {
        List<String> diagnoses = jdbc.sql("SELECT code FROM claim_diagnosis WHERE claim_id = :id ORDER BY position")
                .param("id", claim.id()).query(String.class).list();
        List<ServiceLine> lines = jdbc.sql("""
                SELECT procedure_code, modifiers, units, charge_cents, diagnosis_pointers
                FROM claim_line WHERE claim_id = :id ORDER BY line_number""")
                .param("id", claim.id())
                .query((rs, n) -> new ServiceLine(rs.getString(1), ListColumns.split(rs.getString(2)),
                        Money.toDollars(rs.getLong(4)), BigDecimal.valueOf(rs.getInt(3)),
                        ListColumns.integers(rs.getString(5)),
                        claim.dateOfService()))
                .list();
        BigDecimal total = lines.stream().map(ServiceLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
        // A resubmission after a denial replaces the adjudicated claim when the payer gave us its number.
        boolean replacement = sequence > 1 && claim.payerClaimControl() != null;
        ClaimDetails details = new ClaimDetails(claim.claimNumber(), total, claim.placeOfService(),
                replacement ? ClaimFrequency.REPLACEMENT : ClaimFrequency.ORIGINAL,
                replacement ? claim.payerClaimControl() : null, claim.dateOfService(), diagnoses, lines,
                claim.renderingNpi() == null ? null : new RenderingProvider(claim.renderingLastName(),
                        claim.renderingFirstName(), claim.renderingNpi(), claim.renderingTaxonomy()));
        InterchangeEnvelope envelope = new InterchangeEnvelope("ZZ", interchange.senderId(), "ZZ",
                interchange.receiverId(), control, control, 1, LocalDateTime.now(ZoneOffset.UTC),
                "P".equals(interchange.usageIndicator()) ? UsageIndicator.PRODUCTION : UsageIndicator.TEST);
        Address billingAddress = new Address(provider.addressLine(), provider.city(), provider.state(), provider.postalCode());
        return new ProfessionalClaim(envelope,
                new Submitter(provider.name(), interchange.senderId(), provider.contactName(), provider.contactPhone(), null),
                new Receiver(interchange.receiverName() == null ? interchange.receiverId() : interchange.receiverName(),
                        interchange.receiverId()),
                new BillingProvider(provider.name(), provider.npi(), provider.taxId(), provider.taxonomy(), billingAddress),
                new Subscriber(claim.lastName(), claim.firstName(), claim.memberId(), claim.birthDate(), sex(claim.sex()),
                        new Address(claim.addressLine(), claim.city(), claim.state(), claim.postalCode())),
                new Payer(claim.payerName(), claim.payerCode(), claim.filingIndicator()),
                details);
    }

    private static Sex sex(String code) {
        return switch (code) {
            case "F" -> Sex.FEMALE;
            case "M" -> Sex.MALE;
            default -> Sex.UNKNOWN;
        };
    }
}
