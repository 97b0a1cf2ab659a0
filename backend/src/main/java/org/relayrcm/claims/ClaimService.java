package org.relayrcm.claims;

import org.relayrcm.shared.ListColumns;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.relayrcm.claims.scrub.ClaimScrubber;
import org.relayrcm.claims.scrub.ScrubFinding;
import org.relayrcm.claims.scrub.ScrubReport;
import org.relayrcm.codesets.CodeEntry;
import org.relayrcm.codesets.CodeSets;
import org.relayrcm.codesets.CodeSystem;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.PageRequestParams;
import org.relayrcm.shared.PageResponse;
import org.relayrcm.shared.ValidationError;
import org.relayrcm.security.CurrentUser;
import org.relayrcm.tasks.TaskList;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The claim aggregate's service: builds claims from final codes and guards every status change. */
@Service
public class ClaimService {

    static final String FIX_TASK = "Task_FixClaim";
    static final String TIMELY_FILING_TASK = "Task_TimelyFilingRisk";
    /** The biller's chase tasks, one per missing answer: the 999, the 277CA, the 835. */
    static final List<String> CHASE_TASKS = List.of("Task_ChaseFunctionalAck", "Task_ChaseClaimAck", "Task_FollowUpClaim");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
    private static final Pattern CPT_CODE = Pattern.compile("[0-9]{4}[0-9FTU]");
    private static final Pattern HCPCS_CODE = Pattern.compile("[A-V][0-9]{4}");

    private final JdbcClient jdbc;
    private final CodeSets codeSets;
    private final TaskList tasks;
    private final ClaimNumbers claimNumbers;
    private final ClaimScrubber scrubber;
    private final ClaimWorkflow workflow;
    private final CurrentUser user;

    ClaimService(JdbcClient jdbc, CodeSets codeSets, TaskList tasks, ClaimNumbers claimNumbers, ClaimScrubber scrubber,
            ClaimWorkflow workflow, CurrentUser user) {
        this.user = user;
        this.jdbc = jdbc;
        this.codeSets = codeSets;
        this.tasks = tasks;
        this.claimNumbers = claimNumbers;
        this.scrubber = scrubber;
        this.workflow = workflow;
    }

    /**
     * Runs the scrubber on a draft claim; a clean one becomes SCRUBBED, ready to go out with no human touch, one with
     * errors stays a draft for the biller. Returns whether it was clean.
     */
    @Transactional
    public boolean scrub(String claimNumber) {
        ScrubReport report = scrubber.scrub(claimNumber);
        if (report.clean()) {
            long id = jdbc.sql("SELECT id FROM claim WHERE claim_number = :number").param("number", claimNumber)
                    .query(Long.class).single();
            transition(id, ClaimStatus.SCRUBBED);
        }
        return report.clean();
    }

    /**
     * Builds the encounter's claim from its final codes; a self-pay encounter gets none. Safe to
     * repeat: a retried job finds the claim it built before instead of building a second one.
     */
    @Transactional
    public List<String> buildClaims(long encounterId) {
        List<String> existing = claimNumbersOf(encounterId);
        if (!existing.isEmpty()) {
            return existing;
        }
        record Source(long codingCaseId, String status, java.time.LocalDate dateOfService, String placeOfService,
                Long coverageId, Long payerId, String claimType, Long renderingProviderId) {
        }
        Source source = jdbc.sql("""
                SELECT cc.id AS coding_case_id, cc.status, e.date_of_service, e.place_of_service,
                       e.coverage_id, c.payer_id, py.claim_type, e.rendering_provider_id
                FROM encounter e JOIN coding_case cc ON cc.encounter_id = e.id
                LEFT JOIN coverage c ON c.id = e.coverage_id
                LEFT JOIN payer py ON py.id = c.payer_id
                WHERE e.id = :id""")
                .param("id", encounterId).query(Source.class).optional()
                .orElseThrow(() -> new IllegalStateException("No encounter " + encounterId));
        if (!"CODED".equals(source.status())) {
            throw new IllegalStateException("Encounter " + encounterId + " is not coded yet");
        }
        if (source.payerId() == null) {
            // Self-pay: nothing goes to a payer; the patient is billed directly (patient statements).
            return List.of();
        }
        String number = claimNumbers.next();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO claim (claim_number, encounter_id, payer_id, coverage_id, status, total_charge_cents,
                                   date_of_service, place_of_service, created_at, updated_at, claim_type,
                                   rendering_provider_id)
                VALUES (:number, :encounter, :payer, :coverage, 'DRAFT', 0, :dos, :pos, :now, :now, :type, :rendering)""")
                .paramSource(new MapSqlParameterSource()
                        .addValue("number", number).addValue("encounter", encounterId)
                        .addValue("payer", source.payerId()).addValue("coverage", source.coverageId())
                        .addValue("dos", source.dateOfService()).addValue("pos", source.placeOfService())
                        .addValue("now", now).addValue("type", source.claimType())
                        .addValue("rendering", source.renderingProviderId()))
                .update(keys, "id");
        long claimId = keys.getKeyAs(Long.class);
        jdbc.sql("""
                INSERT INTO claim_diagnosis (claim_id, position, code)
                SELECT :claim, position, code FROM coded_diagnosis WHERE coding_case_id = :case AND stage = 'FINAL'""")
                .param("claim", claimId).param("case", source.codingCaseId()).update();
        // Charge = chargemaster amount for the code (a modifier-specific price wins) times units; the payer's contract
        // says what it should allow, the same way; the chargemaster's revenue code goes on institutional lines.
        int lines = jdbc.sql("""
                INSERT INTO claim_line (claim_id, line_number, procedure_code, modifiers, units, charge_cents,
                                        diagnosis_pointers, revenue_code, allowed_cents)
                SELECT :claim, p.position, p.code, p.modifiers, p.units,
                       p.units * COALESCE(
                           (SELECT f.amount_cents FROM fee_schedule f WHERE f.procedure_code = p.code
                                AND p.modifiers <> '' AND f.modifier = SUBSTRING(p.modifiers, 1, 2)),
                           (SELECT f.amount_cents FROM fee_schedule f WHERE f.procedure_code = p.code AND f.modifier = '')),
                       p.diagnosis_pointers,
                       (SELECT f.revenue_code FROM fee_schedule f WHERE f.procedure_code = p.code AND f.modifier = ''),
                       p.units * COALESCE(
                           (SELECT a.allowed_cents FROM payer_fee_schedule a WHERE a.payer_id = :payer
                                AND a.procedure_code = p.code AND p.modifiers <> '' AND a.modifier = SUBSTRING(p.modifiers, 1, 2)),
                           (SELECT a.allowed_cents FROM payer_fee_schedule a WHERE a.payer_id = :payer
                                AND a.procedure_code = p.code AND a.modifier = ''))
                FROM coded_procedure p WHERE p.coding_case_id = :case AND p.stage = 'FINAL'""")
                .param("claim", claimId).param("case", source.codingCaseId()).param("payer", source.payerId()).update();
        if (lines == 0) {
            throw new IllegalStateException("Encounter " + encounterId + " has no final procedures");
        }
        jdbc.sql("""
                UPDATE claim SET total_charge_cents = (SELECT SUM(charge_cents) FROM claim_line WHERE claim_id = :id)
                WHERE id = :id""").param("id", claimId).update();
        return List.of(number);
    }

    @Transactional(readOnly = true)
    public List<String> claimNumbersOf(long encounterId) {
        return jdbc.sql("SELECT claim_number FROM claim WHERE encounter_id = :id ORDER BY id")
                .param("id", encounterId).query(String.class).list();
    }

    @Transactional(readOnly = true)
    public PageResponse<ClaimView.Summary> list(ClaimStatus status, PageRequestParams paging) {
        String where = status == null ? "" : "WHERE cl.status = :status";
        List<ClaimView.Summary> rows = jdbc.sql("""
                SELECT cl.id, cl.claim_number, e.encounter_number, p.first_name || ' ' || p.last_name AS patient_name,
                       py.name AS payer_name, cl.status, cl.total_charge_cents, cl.paid_cents, cl.date_of_service
                FROM claim cl
                JOIN encounter e ON e.id = cl.encounter_id
                JOIN patient p ON p.id = e.patient_id
                LEFT JOIN payer py ON py.id = cl.payer_id
                """ + where + " ORDER BY cl.id DESC LIMIT :limit OFFSET :offset")
                .param("status", status == null ? null : status.name())
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(ClaimView.Summary.class).list();
        Long total = jdbc.sql("SELECT COUNT(*) FROM claim cl " + where)
                .param("status", status == null ? null : status.name()).query(Long.class).single();
        return new PageResponse<>(rows, paging.page(), paging.size(), total);
    }

    @Transactional(readOnly = true)
    public ClaimView get(long claimId) {
        ClaimView.Summary s = jdbc.sql("""
                SELECT cl.id, cl.claim_number, e.encounter_number, p.first_name || ' ' || p.last_name AS patient_name,
                       py.name AS payer_name, cl.status, cl.total_charge_cents, cl.paid_cents, cl.date_of_service
                FROM claim cl
                JOIN encounter e ON e.id = cl.encounter_id
                JOIN patient p ON p.id = e.patient_id
                LEFT JOIN payer py ON py.id = cl.payer_id
                WHERE cl.id = :id""")
                .param("id", claimId).query(ClaimView.Summary.class).optional()
                .orElseThrow(() -> ApiException.notFound("Claim " + claimId));
        record Kind(String placeOfService, String claimType) {
        }
        Kind kind = jdbc.sql("SELECT place_of_service, claim_type FROM claim WHERE id = :id").param("id", claimId)
                .query(Kind.class).single();
        List<String> dx = jdbc.sql("SELECT code FROM claim_diagnosis WHERE claim_id = :id ORDER BY position")
                .param("id", claimId).query(String.class).list();
        Map<String, CodeEntry> titles = codeSets.find(CodeSystem.ICD10CM, dx);
        List<ClaimView.Line> lines = jdbc.sql("""
                SELECT line_number, procedure_code, modifiers, units, charge_cents, diagnosis_pointers, paid_cents
                FROM claim_line WHERE claim_id = :id ORDER BY line_number""")
                .param("id", claimId)
                .query((rs, n) -> new ClaimView.Line(rs.getInt(1), rs.getString(2), ListColumns.split(rs.getString(3)), rs.getInt(4),
                        rs.getLong(5), ListColumns.integers(rs.getString(6)),
                        (Long) rs.getObject(7, Long.class)))
                .list();
        List<ClaimView.Submission> submissions = jdbc.sql("""
                SELECT sequence, submitted_at, file_name FROM claim_submission WHERE claim_id = :id ORDER BY sequence""")
                .param("id", claimId)
                .query((rs, n) -> new ClaimView.Submission(rs.getInt(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)))
                .list();
        List<ClaimView.Denial> denials = jdbc.sql("""
                SELECT id, group_code, reason_code, amount_cents, status FROM denial WHERE claim_id = :id ORDER BY id""")
                .param("id", claimId)
                .query((rs, n) -> new ClaimView.Denial(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ReasonCodes.describe(rs.getString(3)), rs.getLong(4), rs.getString(5)))
                .list();
        List<ClaimView.Acknowledgement> acknowledgements = jdbc.sql("""
                SELECT sequence, kind, accepted, status_codes, message, received_at
                FROM claim_acknowledgement WHERE claim_id = :id ORDER BY id""")
                .param("id", claimId)
                .query((rs, n) -> new ClaimView.Acknowledgement(rs.getInt(1), rs.getString(2), rs.getBoolean(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
        return new ClaimView(s.id(), s.claimNumber(), s.encounterNumber(), s.patientName(), s.payerName(), s.status(),
                s.totalChargeCents(), s.paidCents(), s.dateOfService(), kind.placeOfService(), kind.claimType(),
                dx.stream().map(c -> new ClaimView.Diagnosis(c, titles.containsKey(c) ? titles.get(c).description() : null))
                        .toList(),
                lines, submissions, denials, acknowledgements, scrubber.latestFindings(s.claimNumber()));
    }

    /**
     * The biller fixed what the scrubber or the payer's front end found: applies the corrections, reopens a rejected
     * claim and completes Task_FixClaim, after which the process scrubs the claim again.
     */
    @Transactional
    public ClaimView fix(long claimId, ClaimFix fix) {
        ClaimView claim = get(claimId);
        tasks.requireHeld(FIX_TASK, claim.claimNumber());
        correct(claim, fix.lineCorrections() == null ? List.of() : fix.lineCorrections());
        if (fix.memberId() != null && !fix.memberId().isBlank()) {
            changeMemberId(claimId, fix.memberId().trim());
        }
        if (fix.facility() != null) {
            changeFacility(claimId, fix.facility());
        }
        if (ClaimStatus.REJECTED.name().equals(claim.status())) {
            transition(claimId, ClaimStatus.DRAFT);
        }
        tasks.completeHeld(FIX_TASK, claim.claimNumber(), Map.of());
        return get(claimId);
    }

    /**
     * A paid claim was wrong (a code, a modifier, units): the biller corrects it and it goes through the scrubber and
     * out again as a replacement (frequency 7 quoting the payer's claim number), in a claim-submission of its own.
     */
    @Transactional
    public ClaimView replacePaid(long claimId, ClaimFix fix) {
        ClaimView claim = get(claimId);
        if (!ClaimStatus.PAID.name().equals(claim.status())) {
            throw ApiException.conflict("Only a paid claim is replaced this way; this one is " + claim.status() + ".");
        }
        String payerClaimNumber = jdbc.sql("SELECT payer_claim_control FROM claim WHERE id = :id").param("id", claimId)
                .query(String.class).optional().orElse(null);
        if (payerClaimNumber == null) {
            throw ApiException.conflict("The payer never gave its claim number for this claim; a replacement must quote it.");
        }
        if (fix.lineCorrections() == null || fix.lineCorrections().isEmpty()) {
            throw ApiException.invalid("A replacement needs at least one corrected line.", List.of(ValidationError.error(
                    "CLAIM-REPLACEMENT-EMPTY", "lineCorrections", "Say what changes on the claim.")));
        }
        correct(claim, fix.lineCorrections());
        transition(claimId, ClaimStatus.DRAFT);
        workflow.correctionStarted(claim.claimNumber(), encounterOf(claimId), false);
        return get(claimId);
    }

    /**
     * A paid claim should never have been billed (wrong patient, wrong payer, a duplicate the payer paid): it goes out
     * once more as a void (frequency 8) quoting the payer's claim number, and is closed when the payer accepts it.
     */
    @Transactional
    public ClaimView voidPaid(long claimId) {
        ClaimView claim = get(claimId);
        if (!ClaimStatus.PAID.name().equals(claim.status())) {
            throw ApiException.conflict("Only a paid claim is voided; this one is " + claim.status() + ".");
        }
        if (jdbc.sql("SELECT payer_claim_control FROM claim WHERE id = :id").param("id", claimId).query(String.class)
                .optional().isEmpty()) {
            throw ApiException.conflict("The payer never gave its claim number for this claim; a void must quote it.");
        }
        transition(claimId, ClaimStatus.DRAFT);
        jdbc.sql("UPDATE claim SET frequency_code = '8' WHERE id = :id").param("id", claimId).update();
        workflow.correctionStarted(claim.claimNumber(), encounterOf(claimId), true);
        return get(claimId);
    }

    /** The payer accepted the void: the claim is closed. */
    @Transactional
    public void closeVoided(String claimNumber) {
        transition(jdbc.sql("SELECT id FROM claim WHERE claim_number = :number").param("number", claimNumber)
                .query(Long.class).single(), ClaimStatus.VOIDED);
    }

    private long encounterOf(long claimId) {
        return jdbc.sql("SELECT encounter_id FROM claim WHERE id = :id").param("id", claimId).query(Long.class).single();
    }

    /** The biller chased a missing 999, 277CA or remittance; the claim keeps waiting for it. */
    @Transactional
    public ClaimView followUpDone(long claimId, String note) {
        ClaimView claim = get(claimId);
        String held = CHASE_TASKS.stream().filter(key -> tasks.holds(key, claim.claimNumber())).findFirst()
                .orElseThrow(() -> ApiException.conflict("Claim the follow-up task for " + claim.claimNumber()
                        + " before completing it."));
        recordFollowUp(claimId, held, note);
        tasks.completeHeld(held, claim.claimNumber(), Map.of());
        return get(claimId);
    }

    /** The manager warned of the claim's timely-filing deadline has looked into it (and said what was done). */
    @Transactional
    public ClaimView timelyFilingRiskReviewed(long claimId, String note) {
        ClaimView claim = get(claimId);
        tasks.requireHeld(TIMELY_FILING_TASK, claim.claimNumber());
        recordFollowUp(claimId, TIMELY_FILING_TASK, note);
        tasks.completeHeld(TIMELY_FILING_TASK, claim.claimNumber(), Map.of());
        return get(claimId);
    }

    private void recordFollowUp(long claimId, String taskKey, String note) {
        jdbc.sql("""
                INSERT INTO claim_follow_up (claim_id, task_key, note, recorded_by, recorded_at)
                VALUES (:claim, :task, :note, :user, :now)""")
                .param("claim", claimId).param("task", taskKey)
                .param("note", note == null || note.isBlank() ? null : org.relayrcm.shared.Text.truncate(note.trim(), 2000))
                .param("user", user.id()).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    /**
     * Applies line corrections, all or none: every line number must exist, modifiers are two letters or digits and
     * pointers point at the claim's diagnoses.
     */
    @Transactional
    public void correct(ClaimView claim, List<LineCorrection> corrections) {
        List<ValidationError> errors = new ArrayList<>();
        for (int i = 0; i < corrections.size(); i++) {
            LineCorrection c = corrections.get(i);
            String field = "lineCorrections[" + i + "]";
            if (claim.lines().stream().noneMatch(l -> l.lineNumber() == c.lineNumber())) {
                errors.add(ValidationError.error("CLAIM-LINE-UNKNOWN", field + ".lineNumber",
                        "The claim has no line " + c.lineNumber() + "."));
            }
            if (normalized(c.modifiers()).stream().anyMatch(m -> !MODIFIER.matcher(m).matches())) {
                errors.add(ValidationError.error("CODING-MOD-FORMAT", field + ".modifiers",
                        "Modifiers are two letters or digits."));
            }
            if (c.procedureCode() != null && !c.procedureCode().isBlank()
                    && !knownProcedure(c.procedureCode().trim().toUpperCase(Locale.ROOT), claim.dateOfService())) {
                errors.add(ValidationError.error("CODING-CODE-UNKNOWN", field + ".procedureCode", "'"
                        + c.procedureCode().trim() + "' is not a CPT or HCPCS code in force on the date of service."));
            } else if (c.procedureCode() != null && !c.procedureCode().isBlank()
                    && !priced(c.procedureCode().trim().toUpperCase(Locale.ROOT))) {
                errors.add(ValidationError.error("CLAIM-CODE-UNPRICED", field + ".procedureCode", "'"
                        + c.procedureCode().trim() + "' has no price in the chargemaster; add it there first."));
            }
            if (c.diagnosisPointers() != null && c.diagnosisPointers().stream()
                    .anyMatch(p -> p < 1 || p > claim.diagnoses().size())) {
                errors.add(ValidationError.error("CODING-POINTER-RANGE", field + ".diagnosisPointers",
                        "Pointers must point at one of the claim's " + claim.diagnoses().size() + " diagnoses."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The corrections are not valid; nothing was changed.", errors);
        }
        for (LineCorrection c : corrections) {
            if (c.procedureCode() != null && !c.procedureCode().isBlank()) {
                recode(claim.id(), c.lineNumber(), c.procedureCode().trim().toUpperCase(Locale.ROOT));
            }
            jdbc.sql("UPDATE claim_line SET modifiers = :modifiers WHERE claim_id = :claim AND line_number = :line")
                    .param("modifiers", ListColumns.join(normalized(c.modifiers())))
                    .param("claim", claim.id()).param("line", c.lineNumber()).update();
            if (c.diagnosisPointers() != null) {
                jdbc.sql("UPDATE claim_line SET diagnosis_pointers = :pointers WHERE claim_id = :claim AND line_number = :line")
                        .param("pointers", ListColumns.join(c.diagnosisPointers().stream().map(String::valueOf).toList()))
                        .param("claim", claim.id()).param("line", c.lineNumber()).update();
            }
            if (c.units() != null) {
                // The line was priced per unit, so its charge scales with the units.
                jdbc.sql("""
                        UPDATE claim_line SET charge_cents = charge_cents / units * :units, units = :units
                        WHERE claim_id = :claim AND line_number = :line""")
                        .param("units", c.units()).param("claim", claim.id()).param("line", c.lineNumber()).update();
            }
        }
        jdbc.sql("""
                UPDATE claim SET total_charge_cents = (SELECT SUM(charge_cents) FROM claim_line WHERE claim_id = :id)
                WHERE id = :id""").param("id", claim.id()).update();
    }

    private boolean knownProcedure(String code, java.time.LocalDate dateOfService) {
        CodeSystem system = CPT_CODE.matcher(code).matches() ? CodeSystem.CPT
                : HCPCS_CODE.matcher(code).matches() ? CodeSystem.HCPCS : null;
        return system != null && codeSets.find(system, List.of(code), dateOfService).containsKey(code);
    }

    private boolean priced(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM fee_schedule WHERE procedure_code = :code AND modifier = ''")
                .param("code", code).query(Long.class).single() > 0;
    }

    /** A new code on a line: its charge and the contract's allowed amount are priced again, per unit. */
    private void recode(long claimId, int lineNumber, String code) {
        jdbc.sql("""
                UPDATE claim_line SET procedure_code = :code,
                       charge_cents = units * (SELECT f.amount_cents FROM fee_schedule f
                                               WHERE f.procedure_code = :code AND f.modifier = ''),
                       allowed_cents = units * (SELECT a.allowed_cents FROM payer_fee_schedule a
                                                WHERE a.procedure_code = :code AND a.modifier = ''
                                                  AND a.payer_id = (SELECT payer_id FROM claim WHERE id = :claim)),
                       revenue_code = COALESCE((SELECT f.revenue_code FROM fee_schedule f
                                                WHERE f.procedure_code = :code AND f.modifier = ''), revenue_code)
                WHERE claim_id = :claim AND line_number = :line""")
                .param("code", code).param("claim", claimId).param("line", lineNumber).update();
    }

    /** The payer could not match the member: the member id on the claim's coverage is corrected. */
    @Transactional
    public void correctMemberId(long claimId, String memberId) {
        changeMemberId(claimId, memberId == null ? "" : memberId.trim());
    }

    private void changeMemberId(long claimId, String memberId) {
        if (memberId.length() > 80 || !memberId.matches("[A-Za-z0-9-]+")) {
            throw ApiException.invalid("The member id is not valid; nothing was changed.", List.of(ValidationError.error(
                    "COVERAGE-MEMBER-ID", "memberId", "Use the letters, digits and dashes on the member's card.")));
        }
        jdbc.sql("UPDATE coverage SET member_id = :member WHERE id = (SELECT coverage_id FROM claim WHERE id = :id)")
                .param("member", memberId).param("id", claimId).update();
    }

    private void changeFacility(long claimId, ClaimFix.Facility facility) {
        jdbc.sql("""
                UPDATE encounter SET facility_type_code = COALESCE(:type, facility_type_code),
                       admission_type = COALESCE(:admissionType, admission_type),
                       admission_source = COALESCE(:admissionSource, admission_source),
                       patient_status = COALESCE(:status, patient_status)
                WHERE id = (SELECT encounter_id FROM claim WHERE id = :id)""")
                .param("type", facility.typeCode()).param("admissionType", facility.admissionType())
                .param("admissionSource", facility.admissionSource()).param("status", facility.patientStatus())
                .param("id", claimId).update();
    }

    private static List<String> normalized(List<String> modifiers) {
        return modifiers.stream().map(m -> m.trim().toUpperCase(Locale.ROOT)).toList();
    }

    /**
     * Moves the claim to {@code to} if its current status allows it. The status check is in the UPDATE
     * itself, so two concurrent changes cannot both succeed.
     */
    @Transactional
    public void transition(long claimId, ClaimStatus to) {
        List<String> from = to.allowedFrom().stream().map(Enum::name).toList();
        // Each time a claim becomes ready it gets a fresh token for the file its next submission writes.
        String token = to == ClaimStatus.SCRUBBED ? UUID.randomUUID().toString() : null;
        int updated = from.isEmpty() ? 0 : jdbc.sql("""
                UPDATE claim SET status = :to, updated_at = :now, version = version + 1,
                       submission_token = COALESCE(:token, submission_token)
                WHERE id = :id AND status IN (:from)""")
                .param("to", to.name()).param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .param("token", token).param("id", claimId).param("from", from)
                .update();
        if (updated != 1) {
            String current = jdbc.sql("SELECT status FROM claim WHERE id = :id").param("id", claimId)
                    .query(String.class).optional().orElseThrow(() -> ApiException.notFound("Claim " + claimId));
            throw ApiException.conflict("The claim is " + current + "; it cannot become " + to + " from there.");
        }
    }
}
