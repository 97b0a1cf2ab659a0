package org.relayrcm.claims;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.relayrcm.claims.scrub.ClaimScrubber;
import org.relayrcm.claims.scrub.ScrubFinding;
import org.relayrcm.edi.Address;
import org.relayrcm.edi.AttendingProvider;
import org.relayrcm.edi.BillingProvider;
import org.relayrcm.edi.Claim837IWriter;
import org.relayrcm.edi.Claim837PWriter;
import org.relayrcm.edi.ClaimDetails;
import org.relayrcm.edi.ClaimFileValidator;
import org.relayrcm.edi.ClaimFrequency;
import org.relayrcm.edi.InstitutionalClaim;
import org.relayrcm.edi.InstitutionalClaimDetails;
import org.relayrcm.edi.InstitutionalServiceLine;
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
import org.relayrcm.edi.X12Error;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.ListColumns;
import org.relayrcm.shared.Money;
import org.relayrcm.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a claim: writes its next 837P or 837I, checks it against the implementation guide and records the
 * submission with its file, which {@link ClaimFileRelay} hands to the clearinghouse once this transaction commits.
 * Exactly once per (claim, sequence): the unique (claim_id, sequence) row is written in the job's transaction (a job
 * that rolls back leaves no row and no file), the file name is derived from both and from the token the claim got
 * when it was scrubbed (a claim number reused after a database reset cannot collide), and the clearinghouse keeps
 * the first file of a name, so delivering a row twice after a crash sends it once.
 */
@Service
public class ClaimSubmissions {

    private final JdbcClient jdbc;
    private final ClaimService claims;
    private final ClaimScrubber scrubber;
    private final ApplicationEventPublisher events;
    private final BillingProviderSettings provider;
    private final ClearinghouseSettings interchange;
    private final DataFieldMaxValueIncrementer controlNumbers;
    private final Claim837PWriter professionalWriter = new Claim837PWriter(true);
    private final Claim837IWriter institutionalWriter = new Claim837IWriter(true);
    private final ClaimFileValidator validator = new ClaimFileValidator();

    ClaimSubmissions(JdbcClient jdbc, ClaimService claims, ClaimScrubber scrubber, ApplicationEventPublisher events,
            BillingProviderSettings provider, ClearinghouseSettings interchange, DataSource dataSource) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.scrubber = scrubber;
        this.events = events;
        this.provider = provider;
        this.interchange = interchange;
        this.controlNumbers = ClaimNumbers.Sequences.incrementer(dataSource, "x12_control_number");
    }

    /** What became of a send: out of the door, or refused by our own implementation-guide check. */
    public sealed interface Outcome {
        record Sent(String fileName) implements Outcome {
        }

        /** Nothing left; the guide breaches are the claim's findings now, for the biller to fix. */
        record Refused(List<X12Error> errors) implements Outcome {
        }
    }

    private record ClaimRow(long id, String claimNumber, String status, String claimType, String frequencyCode,
            String submissionToken,
            int submissionCount, LocalDate dateOfService, String placeOfService, String payerClaimControl,
            String payerCode, String payerName, String filingIndicator, String memberId, String firstName,
            String lastName, LocalDate birthDate, String sex, String addressLine, String city, String state,
            String postalCode, String renderingNpi, String renderingLastName, String renderingFirstName,
            String renderingTaxonomy, String facilityTypeCode, String admissionType, String admissionSource,
            String patientStatus, LocalDate dischargeDate) {

        boolean institutional() {
            return "INSTITUTIONAL".equals(claimType);
        }
    }

    /**
     * Sends the claim's next submission. A file that breaks the implementation guide is not sent: its errors replace
     * the claim's findings and the outcome says so, so that the process can hand the claim to a biller. (No
     * exception: the caller's transaction must commit the findings.)
     */
    @Transactional
    public Outcome submit(String claimNumber) {
        ClaimRow claim = load(claimNumber);
        if (claim.submissionToken() == null) {
            throw new IllegalStateException("Claim " + claimNumber + " was never made ready to send");
        }
        if (claim.payerCode() == null) {
            throw new IllegalStateException("Claim " + claimNumber + " has no payer: self-pay claims are billed to the patient");
        }
        int sequence = claim.submissionCount() + 1;
        long control = controlNumbers.nextLongValue();
        byte[] file = render(claim, sequence, control).getBytes(StandardCharsets.UTF_8);
        List<X12Error> errors = validator.validate(file);
        if (!errors.isEmpty()) {
            scrubber.replaceFindings(claimNumber, errors.stream().map(ClaimSubmissions::finding).toList());
            claims.transition(claim.id(), ClaimStatus.DRAFT);
            return new Outcome.Refused(errors);
        }
        String fileName = claimNumber + "-" + sequence + "-" + claim.submissionToken().substring(0, 8) + ".837";
        claims.transition(claim.id(), ClaimStatus.SUBMITTED);
        jdbc.sql("UPDATE claim SET submission_count = :sequence, frequency_code = :frequency WHERE id = :id")
                .param("sequence", sequence).param("frequency", frequency(claim, sequence).code())
                .param("id", claim.id()).update();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO claim_submission (claim_id, sequence, interchange_control_number, file_name, payload, submitted_at)
                VALUES (:claim, :sequence, :control, :file, :payload, :now)""")
                .param("claim", claim.id()).param("sequence", sequence).param("control", control)
                .param("file", fileName)
                .param("payload", new String(file, StandardCharsets.UTF_8))
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        // The file goes to the clearinghouse once this transaction commits (ClaimFileRelay), never before.
        events.publishEvent(new ClaimFileRelay.SubmissionRecorded(key.getKeyAs(Long.class)));
        return new Outcome.Sent(fileName);
    }

    /**
     * The 837 the claim's next submission would send, read from the database as {@link #submit} reads it, without
     * consuming a control number or sending anything (the envelope's control numbers are 1).
     */
    @Transactional(readOnly = true)
    public String preview(String claimNumber) {
        ClaimRow claim = load(claimNumber);
        return render(claim, claim.submissionCount() + 1, 1);
    }

    @Transactional(readOnly = true)
    public Optional<String> latestPayload(long claimId) {
        return jdbc.sql("SELECT payload FROM claim_submission WHERE claim_id = :id ORDER BY sequence DESC LIMIT 1")
                .param("id", claimId).query(String.class).optional();
    }

    private ClaimRow load(String claimNumber) {
        return jdbc.sql("""
                SELECT cl.id, cl.claim_number, cl.status, cl.claim_type, cl.frequency_code, cl.submission_token,
                       cl.submission_count,
                       cl.date_of_service, cl.place_of_service, cl.payer_claim_control, py.payer_code,
                       py.name AS payer_name, py.claim_filing_indicator AS filing_indicator, cv.member_id,
                       p.first_name, p.last_name, p.birth_date, p.sex, p.address_line, p.city, p.state, p.postal_code,
                       rp.npi AS rendering_npi, rp.last_name AS rendering_last_name,
                       rp.first_name AS rendering_first_name, rp.taxonomy_code AS rendering_taxonomy,
                       e.facility_type_code, e.admission_type, e.admission_source, e.patient_status, e.discharge_date
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

    private String render(ClaimRow claim, int sequence, long control) {
        return claim.institutional()
                ? institutionalWriter.writeToString(institutional(claim, sequence, control))
                : professionalWriter.writeToString(professional(claim, sequence, control));
    }

    /**
     * A void asked for by the biller; else a resubmission after the payer adjudicated the claim (it gave us its
     * number) replaces it; else the claim is sent as an original.
     */
    private static ClaimFrequency frequency(ClaimRow claim, int sequence) {
        if (ClaimFrequency.VOID.code().equals(claim.frequencyCode())) {
            return ClaimFrequency.VOID;
        }
        return sequence > 1 && claim.payerClaimControl() != null ? ClaimFrequency.REPLACEMENT : ClaimFrequency.ORIGINAL;
    }

    private record LineRow(String procedureCode, String modifiers, int units, long chargeCents, String pointers,
            String revenueCode) {
    }

    private List<LineRow> lines(ClaimRow claim) {
        return jdbc.sql("""
                SELECT procedure_code, modifiers, units, charge_cents, diagnosis_pointers AS pointers, revenue_code
                FROM claim_line WHERE claim_id = :id ORDER BY line_number""")
                .param("id", claim.id()).query(LineRow.class).list();
    }

    private List<String> diagnoses(ClaimRow claim) {
        return jdbc.sql("SELECT code FROM claim_diagnosis WHERE claim_id = :id ORDER BY position")
                .param("id", claim.id()).query(String.class).list();
    }

    private ProfessionalClaim professional(ClaimRow claim, int sequence, long control) {
        List<ServiceLine> lines = lines(claim).stream()
                .map(l -> new ServiceLine(l.procedureCode(), ListColumns.split(l.modifiers()),
                        Money.toDollars(l.chargeCents()), BigDecimal.valueOf(l.units()), ListColumns.integers(l.pointers()),
                        claim.dateOfService()))
                .toList();
        BigDecimal total = lines.stream().map(ServiceLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
        ClaimFrequency frequency = frequency(claim, sequence);
        ClaimDetails details = new ClaimDetails(claim.claimNumber(), total, claim.placeOfService(), frequency,
                frequency.refersToPriorClaim() ? claim.payerClaimControl() : null, claim.dateOfService(),
                diagnoses(claim), lines,
                claim.renderingNpi() == null ? null : new RenderingProvider(claim.renderingLastName(),
                        claim.renderingFirstName(), claim.renderingNpi(), claim.renderingTaxonomy()));
        return new ProfessionalClaim(envelope(control), submitter(), receiver(), billingProvider(), subscriber(claim),
                payer(claim), details);
    }

    private InstitutionalClaim institutional(ClaimRow claim, int sequence, long control) {
        if (claim.renderingNpi() == null) {
            throw new IllegalStateException("Institutional claim " + claim.claimNumber() + " has no attending provider");
        }
        List<InstitutionalServiceLine> lines = lines(claim).stream()
                .map(l -> new InstitutionalServiceLine(l.revenueCode(), l.procedureCode(), ListColumns.split(l.modifiers()),
                        Money.toDollars(l.chargeCents()), BigDecimal.valueOf(l.units()), claim.dateOfService()))
                .toList();
        BigDecimal total = lines.stream().map(InstitutionalServiceLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
        ClaimFrequency frequency = frequency(claim, sequence);
        LocalDate through = claim.dischargeDate() != null ? claim.dischargeDate() : claim.dateOfService();
        InstitutionalClaimDetails details = new InstitutionalClaimDetails(claim.claimNumber(), total,
                claim.facilityTypeCode(), frequency, frequency.refersToPriorClaim() ? claim.payerClaimControl() : null,
                claim.dateOfService(), through, null, claim.admissionType(), claim.admissionSource(),
                claim.patientStatus(), diagnoses(claim),
                new AttendingProvider(claim.renderingLastName(), claim.renderingFirstName(), claim.renderingNpi(),
                        claim.renderingTaxonomy()),
                lines);
        return new InstitutionalClaim(envelope(control), submitter(), receiver(), billingProvider(), subscriber(claim),
                payer(claim), details);
    }

    private InterchangeEnvelope envelope(long control) {
        return new InterchangeEnvelope("ZZ", interchange.senderId(), "ZZ", interchange.receiverId(), control, control, 1,
                LocalDateTime.now(ZoneOffset.UTC),
                "P".equals(interchange.usageIndicator()) ? UsageIndicator.PRODUCTION : UsageIndicator.TEST);
    }

    private Submitter submitter() {
        return new Submitter(provider.name(), interchange.senderId(), provider.contactName(), provider.contactPhone(), null);
    }

    private Receiver receiver() {
        return new Receiver(interchange.receiverName() == null ? interchange.receiverId() : interchange.receiverName(),
                interchange.receiverId());
    }

    private BillingProvider billingProvider() {
        return new BillingProvider(provider.name(), provider.npi(), provider.taxId(), provider.taxonomy(),
                new Address(provider.addressLine(), provider.city(), provider.state(), provider.postalCode()));
    }

    private static Subscriber subscriber(ClaimRow claim) {
        return new Subscriber(claim.lastName(), claim.firstName(), claim.memberId(), claim.birthDate(), sex(claim.sex()),
                new Address(claim.addressLine(), claim.city(), claim.state(), claim.postalCode()));
    }

    private static Payer payer(ClaimRow claim) {
        return new Payer(claim.payerName(), claim.payerCode(), claim.filingIndicator());
    }

    /** A guide breach in the words of the claim's findings: the 999 code a payer would send, and where. */
    private static ScrubFinding finding(X12Error error) {
        return new ScrubFinding("X12-" + error.code(), ScrubFinding.Severity.ERROR,
                Text.truncate("The 837 breaks the implementation guide at " + error.reference() + " (segment "
                        + error.segmentPosition() + (error.loop() == null ? "" : ", loop " + error.loop()) + "): "
                        + error.message(), 500),
                "Correct the claim data behind " + error.reference() + "; if it looks right, report it to support.",
                null);
    }

    private static Sex sex(String code) {
        return switch (code) {
            case "F" -> Sex.FEMALE;
            case "M" -> Sex.MALE;
            default -> Sex.UNKNOWN;
        };
    }
}
