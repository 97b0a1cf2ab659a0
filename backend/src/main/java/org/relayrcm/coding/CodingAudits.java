package org.relayrcm.coding;

import org.relayrcm.shared.ListColumns;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.relayrcm.codesets.CodeEntry;
import org.relayrcm.codesets.CodeSets;
import org.relayrcm.codesets.CodeSystem;
import org.relayrcm.security.CurrentUser;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.ValidationError;
import org.relayrcm.tasks.TaskList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coding audit: samples completed codings, lets the auditor holding Task_AuditCoding mark every code
 * (corrections go into the final codes the claim is built from), and reports accuracy per coder.
 */
@Service
public class CodingAudits {

    static final String AUDIT_TASK = "Task_AuditCoding";

    private final JdbcClient jdbc;
    private final CodingAuditSettings settings;
    private final CodeValidator validator;
    private final CodeSets codeSets;
    private final PhysicianQueries queries;
    private final TaskList tasks;
    private final CurrentUser user;

    CodingAudits(JdbcClient jdbc, CodingAuditSettings settings, CodeValidator validator, CodeSets codeSets,
            PhysicianQueries queries, TaskList tasks, CurrentUser user) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.validator = validator;
        this.codeSets = codeSets;
        this.queries = queries;
        this.tasks = tasks;
        this.user = user;
    }

    private record CaseFacts(long codingCaseId, long encounterId, String encounterNumber, String patientName,
            LocalDate dateOfService, String documentation, String codedBy, OffsetDateTime codedAt, String caseStatus) {
    }

    private record AuditRow(long id, long codingCaseId, String coder, String reason, long chargeCents, String status,
            OffsetDateTime sampledAt, String auditor, OffsetDateTime completedAt) {
    }

    private record Finding(String kind, int position, String code, boolean correct, String correctedCode) {
    }

    /**
     * Decides, in the coder's transaction, whether the just-completed coding is audited, and opens the
     * audit when it is. Returns the audit id, or empty when the coding goes straight to billing.
     */
    @Transactional
    public Optional<Long> sample(long codingCaseId) {
        Optional<Long> open = jdbc.sql("SELECT id FROM coding_audit WHERE coding_case_id = :case AND status = 'OPEN'")
                .param("case", codingCaseId).query(Long.class).optional();
        if (open.isPresent()) {
            return open;
        }
        CaseFacts facts = facts(codingCaseId);
        if (!"CODED".equals(facts.caseStatus())) {
            throw new IllegalStateException("Coding case " + codingCaseId + " is not coded");
        }
        long charge = chargeCents(codingCaseId);
        Optional<String> reason = settings.reason(charge, ThreadLocalRandom.current().nextInt(100));
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO coding_audit (coding_case_id, encounter_id, coder, reason, charge_cents, sampled_at)
                VALUES (:case, :encounter, :coder, :reason, :charge, :now)""")
                .param("case", codingCaseId).param("encounter", facts.encounterId()).param("coder", facts.codedBy())
                .param("reason", reason.get()).param("charge", charge).param("now", now())
                .update(keys, "id");
        return Optional.of(keys.getKeyAs(Long.class));
    }

    @Transactional(readOnly = true)
    public CodingAudit.View get(long auditId) {
        AuditRow audit = audit(auditId);
        CaseFacts facts = facts(audit.codingCaseId());
        Map<String, Finding> findings = new HashMap<>();
        jdbc.sql("SELECT kind, position, code, correct, corrected_code FROM coding_audit_finding WHERE audit_id = :id")
                .param("id", auditId).query(Finding.class).list()
                .forEach(f -> findings.put(f.kind() + f.position(), f));
        Codes codes = finalCodes(audit.codingCaseId());
        List<String> dxCodes = new ArrayList<>();
        for (int i = 0; i < codes.diagnoses().size(); i++) {
            Finding f = findings.get("DIAGNOSIS" + (i + 1));
            dxCodes.add(f != null ? f.code() : codes.diagnoses().get(i).code());
        }
        Map<String, CodeEntry> titles = codeSets.find(CodeSystem.ICD10CM, dxCodes);
        List<CodingAudit.DiagnosisLine> diagnoses = new ArrayList<>();
        for (int i = 0; i < dxCodes.size(); i++) {
            Finding f = findings.get("DIAGNOSIS" + (i + 1));
            String code = dxCodes.get(i);
            diagnoses.add(new CodingAudit.DiagnosisLine(i + 1, code,
                    titles.containsKey(code) ? titles.get(code).description() : null,
                    f == null ? null : f.correct(), f == null ? null : f.correctedCode()));
        }
        List<CodingAudit.ProcedureLine> procedures = new ArrayList<>();
        for (int i = 0; i < codes.procedures().size(); i++) {
            Codes.Procedure p = codes.procedures().get(i);
            Finding f = findings.get("PROCEDURE" + (i + 1));
            procedures.add(new CodingAudit.ProcedureLine(i + 1, f != null ? f.code() : p.code(), p.modifiers(),
                    p.units(), p.diagnosisPointers(), f == null ? null : f.correct(),
                    f == null ? null : f.correctedCode()));
        }
        return new CodingAudit.View(audit.id(), audit.codingCaseId(), facts.encounterId(), facts.encounterNumber(),
                facts.patientName(), facts.dateOfService(), facts.documentation() + queries.addenda(audit.codingCaseId()),
                audit.coder(), facts.codedAt() == null ? null : facts.codedAt().toInstant(), audit.reason(),
                audit.chargeCents(), audit.status(), audit.sampledAt().toInstant(), audit.auditor(),
                audit.completedAt() == null ? null : audit.completedAt().toInstant(), diagnoses, procedures);
    }

    /**
     * Records the auditor's verdict on every final code, puts corrections into the final codes (they must
     * pass the same edits as the coder's) and completes the audit task, all in one transaction.
     */
    @Transactional
    public CodingAudit.View complete(long auditId, CodingAudit.Verdict verdict) {
        AuditRow audit = audit(auditId);
        if (!"OPEN".equals(audit.status())) {
            throw ApiException.conflict("This audit is already completed.");
        }
        CaseFacts facts = facts(audit.codingCaseId());
        tasks.requireHeld(AUDIT_TASK, facts.encounterNumber());
        Codes coded = finalCodes(audit.codingCaseId());
        List<ValidationError> errors = new ArrayList<>();
        Map<Integer, CodingAudit.Mark> dx = marks(verdict.diagnoses(), coded.diagnoses().size(), "diagnoses", errors);
        Map<Integer, CodingAudit.Mark> px = marks(verdict.procedures(), coded.procedures().size(), "procedures", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid("Mark every code once; nothing was saved.", errors);
        }
        List<Codes.Diagnosis> diagnoses = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < coded.diagnoses().size(); i++) {
            String code = coded.diagnoses().get(i).code();
            String corrected = correction(dx.get(i + 1), code, "diagnoses", errors);
            findings.add(new Finding("DIAGNOSIS", i + 1, code, dx.get(i + 1).correct(), corrected));
            diagnoses.add(new Codes.Diagnosis(corrected != null ? corrected : code, null));
        }
        List<Codes.Procedure> procedures = new ArrayList<>();
        for (int i = 0; i < coded.procedures().size(); i++) {
            Codes.Procedure p = coded.procedures().get(i);
            String corrected = correction(px.get(i + 1), p.code(), "procedures", errors);
            findings.add(new Finding("PROCEDURE", i + 1, p.code(), px.get(i + 1).correct(), corrected));
            procedures.add(new Codes.Procedure(corrected != null ? corrected : p.code(), p.modifiers(), p.units(),
                    p.diagnosisPointers()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The corrections were not saved.", errors);
        }
        Codes result = new Codes(diagnoses, procedures);
        List<ValidationError> edits = validator.validate(result, facts.dateOfService()).stream()
                .filter(e -> e.severity() == ValidationError.Severity.ERROR).toList();
        if (!edits.isEmpty()) {
            throw ApiException.invalid("The corrected codes did not pass the coding edits; nothing was saved.", edits);
        }
        for (Finding f : findings) {
            jdbc.sql("""
                    INSERT INTO coding_audit_finding (audit_id, kind, position, code, correct, corrected_code)
                    VALUES (:audit, :kind, :pos, :code, :correct, :corrected)""")
                    .param("audit", auditId).param("kind", f.kind()).param("pos", f.position()).param("code", f.code())
                    .param("correct", f.correct()).param("corrected", f.correctedCode()).update();
            if (f.correctedCode() != null) {
                String table = "DIAGNOSIS".equals(f.kind()) ? "coded_diagnosis" : "coded_procedure";
                jdbc.sql("UPDATE " + table + " SET code = :code WHERE coding_case_id = :case AND stage = 'FINAL' AND position = :pos")
                        .param("code", f.correctedCode()).param("case", audit.codingCaseId()).param("pos", f.position())
                        .update();
            }
        }
        int updated = jdbc.sql("""
                UPDATE coding_audit SET status = 'COMPLETED', auditor = :user, completed_at = :now
                WHERE id = :id AND status = 'OPEN'""")
                .param("user", user.id()).param("now", now()).param("id", auditId).update();
        if (updated != 1) {
            throw ApiException.conflict("This audit was completed at the same time by someone else.");
        }
        tasks.completeHeld(AUDIT_TASK, facts.encounterNumber(), Map.of());
        return get(auditId);
    }

    /** Accuracy of completed audits, for one coder or all, by the day the audit was completed (UTC). */
    @Transactional(readOnly = true)
    public CodingAudit.AccuracyReport accuracy(String coder, LocalDate from, LocalDate to) {
        StringBuilder where = new StringBuilder(" WHERE a.status = 'COMPLETED'");
        Map<String, Object> params = new HashMap<>();
        if (coder != null && !coder.isBlank()) {
            where.append(" AND a.coder = :coder");
            params.put("coder", coder.trim());
        }
        if (from != null) {
            where.append(" AND a.completed_at >= :from");
            params.put("from", from.atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            where.append(" AND a.completed_at < :to");
            params.put("to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        int audits = jdbc.sql("SELECT COUNT(*) FROM coding_audit a" + where).params(params).query(Integer.class).single();
        int[] counts = new int[6];
        jdbc.sql("SELECT f.kind, f.position, f.correct FROM coding_audit_finding f JOIN coding_audit a ON a.id = f.audit_id"
                        + where)
                .params(params)
                .query((rs, n) -> {
                    int bucket = "PROCEDURE".equals(rs.getString(1)) ? 2 : rs.getInt(2) == 1 ? 0 : 1;
                    counts[bucket * 2]++;
                    if (rs.getBoolean(3)) {
                        counts[bucket * 2 + 1]++;
                    }
                    return null;
                })
                .list();
        return new CodingAudit.AccuracyReport(coder == null || coder.isBlank() ? null : coder.trim(), from, to, audits,
                CodingAudit.Accuracy.of(counts[0], counts[1]), CodingAudit.Accuracy.of(counts[2], counts[3]),
                CodingAudit.Accuracy.of(counts[4], counts[5]));
    }

    private static Map<Integer, CodingAudit.Mark> marks(List<CodingAudit.Mark> marks, int codeCount, String field,
            List<ValidationError> errors) {
        Map<Integer, CodingAudit.Mark> byPosition = new HashMap<>();
        for (int i = 0; i < marks.size(); i++) {
            CodingAudit.Mark m = marks.get(i);
            if (m == null || m.position() == null || m.position() < 1 || m.position() > codeCount) {
                errors.add(ValidationError.error("AUDIT-POSITION", field + "[" + i + "].position",
                        "Positions run from 1 to " + codeCount + "."));
            } else if (byPosition.put(m.position(), m) != null) {
                errors.add(ValidationError.error("AUDIT-POSITION-DUPLICATE", field + "[" + i + "].position",
                        "Position " + m.position() + " is marked twice."));
            }
        }
        for (int p = 1; p <= codeCount; p++) {
            if (!byPosition.containsKey(p)) {
                errors.add(ValidationError.error("AUDIT-UNMARKED", field,
                        "Mark code " + p + " of the " + field + " right or wrong."));
            }
        }
        return byPosition;
    }

    private static String correction(CodingAudit.Mark mark, String code, String field, List<ValidationError> errors) {
        String corrected = mark.correctedCode() == null || mark.correctedCode().isBlank() ? null
                : mark.correctedCode().trim().toUpperCase(Locale.ROOT).replace(".", "");
        String where = field + "[" + (mark.position() - 1) + "].correctedCode";
        if (corrected != null && mark.correct()) {
            errors.add(ValidationError.error("AUDIT-CORRECTION-ON-RIGHT", where,
                    "A code marked right takes no correction."));
        } else if (corrected != null && corrected.equals(code)) {
            errors.add(ValidationError.error("AUDIT-CORRECTION-SAME", where,
                    "The correction is the code as coded; mark it right instead."));
        }
        return corrected;
    }

    private AuditRow audit(long auditId) {
        return jdbc.sql("""
                SELECT id, coding_case_id, coder, reason, charge_cents, status, sampled_at, auditor, completed_at
                FROM coding_audit WHERE id = :id""")
                .param("id", auditId).query(AuditRow.class).optional()
                .orElseThrow(() -> ApiException.notFound("Audit " + auditId));
    }

    private CaseFacts facts(long codingCaseId) {
        return jdbc.sql("""
                SELECT cc.id AS coding_case_id, e.id AS encounter_id, e.encounter_number,
                       p.first_name || ' ' || p.last_name AS patient_name, e.date_of_service, e.documentation,
                       cc.coded_by, cc.coded_at, cc.status AS case_status
                FROM coding_case cc
                JOIN encounter e ON e.id = cc.encounter_id
                JOIN patient p ON p.id = e.patient_id
                WHERE cc.id = :id""")
                .param("id", codingCaseId).query(CaseFacts.class).single();
    }

    private Codes finalCodes(long codingCaseId) {
        List<Codes.Diagnosis> diagnoses = jdbc.sql("""
                SELECT code FROM coded_diagnosis WHERE coding_case_id = :id AND stage = 'FINAL' ORDER BY position""")
                .param("id", codingCaseId).query(String.class).list().stream()
                .map(c -> new Codes.Diagnosis(c, null)).toList();
        List<Codes.Procedure> procedures = jdbc.sql("""
                SELECT code, modifiers, units, diagnosis_pointers FROM coded_procedure
                WHERE coding_case_id = :id AND stage = 'FINAL' ORDER BY position""")
                .param("id", codingCaseId)
                .query((rs, n) -> new Codes.Procedure(rs.getString(1), ListColumns.split(rs.getString(2)), rs.getInt(3),
                        ListColumns.integers(rs.getString(4))))
                .list();
        return new Codes(diagnoses, procedures);
    }

    /** Priced as the claim will be: the chargemaster amount (a modifier-specific price wins) times units. */
    private long chargeCents(long codingCaseId) {
        return jdbc.sql("""
                SELECT SUM(p.units * COALESCE(
                           (SELECT f.amount_cents FROM fee_schedule f WHERE f.procedure_code = p.code
                                AND p.modifiers <> '' AND f.modifier = SUBSTRING(p.modifiers, 1, 2)),
                           (SELECT f.amount_cents FROM fee_schedule f WHERE f.procedure_code = p.code AND f.modifier = ''),
                           0))
                FROM coded_procedure p WHERE p.coding_case_id = :case AND p.stage = 'FINAL'""")
                .param("case", codingCaseId).query((rs, n) -> rs.getLong(1)).single();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
