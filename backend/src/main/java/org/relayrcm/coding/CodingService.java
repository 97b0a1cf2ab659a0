package org.relayrcm.coding;

import static org.relayrcm.shared.Text.truncate;
import org.relayrcm.shared.ListColumns;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.relayrcm.codesets.CodeEntry;
import org.relayrcm.codesets.CodeSets;
import org.relayrcm.codesets.CodeSystem;
import org.relayrcm.security.CurrentUser;
import org.relayrcm.security.Roles;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.ValidationError;
import org.relayrcm.tasks.TaskList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coding cases: the coder saves drafts while they work and completes the case when the codes pass
 * every edit. Completion stores the final codes and completes the coder's task in one transaction.
 */
@Service
public class CodingService {

    static final String TASK = "Task_CodeEncounter";

    private final JdbcClient jdbc;
    private final CodeValidator validator;
    private final CodeSets codeSets;
    private final TaskList tasks;
    private final CurrentUser user;
    private final PhysicianQueries queries;

    CodingService(JdbcClient jdbc, CodeValidator validator, CodeSets codeSets, TaskList tasks, CurrentUser user,
            PhysicianQueries queries) {
        this.jdbc = jdbc;
        this.validator = validator;
        this.codeSets = codeSets;
        this.tasks = tasks;
        this.user = user;
        this.queries = queries;
    }

    private record CaseRow(long id, long encounterId, String encounterNumber, String status, String patientName,
            java.time.LocalDate patientBirthDate, String patientSex, java.time.LocalDate dateOfService,
            String payerName, String documentation, String codedBy) {
    }

    /**
     * The case. Auditors and managers read any; a coder reads a case while its coding task is offered to them or
     * held by them, or one they coded, and gets 404 for any other as if it did not exist (ids are sequential).
     */
    @Transactional(readOnly = true)
    public CodingCaseView get(long caseId) {
        CaseRow row = row(caseId);
        if (readsOnlyOwnWork() && !user.id().equals(row.codedBy()) && !tasks.offered(TASK, row.encounterNumber())) {
            throw ApiException.notFound("Coding case " + caseId);
        }
        return new CodingCaseView(row.id(), row.encounterId(), row.encounterNumber(), row.status(), row.patientName(),
                row.patientBirthDate(), row.patientSex(), row.dateOfService(), row.payerName(),
                row.documentation() + queries.addenda(caseId), codes(caseId, "DRAFT"), codes(caseId, "FINAL"));
    }

    /**
     * Sends a query to the physician: stores it and completes the coder's task with outcome QUERY in one
     * transaction. The draft stays as it is; the coding task comes back once the physician answers.
     */
    @Transactional
    public PhysicianQuery.View raiseQuery(long caseId, PhysicianQuery.Raise raise) {
        CaseRow row = openCase(caseId);
        tasks.requireHeld(TASK, row.encounterNumber());
        long queryId = queries.insert(caseId, row.encounterId(), raise);
        tasks.completeHeld(TASK, row.encounterNumber(), Map.of("codingOutcome", "QUERY", "queryId", queryId));
        return queries.get(queryId);
    }

    @Transactional
    public CodingCaseView saveDraft(long caseId, Codes codes) {
        CaseRow row = openCase(caseId);
        tasks.requireHeld(TASK, row.encounterNumber());
        write(caseId, "DRAFT", CodeValidator.normalize(codes));
        return get(caseId);
    }

    @Transactional
    public CodingCaseView complete(long caseId, Codes submitted) {
        CaseRow row = openCase(caseId);
        Codes codes = CodeValidator.normalize(submitted);
        List<ValidationError> errors = validator.validate(codes, row.dateOfService());
        if (errors.stream().anyMatch(e -> e.severity() == ValidationError.Severity.ERROR)) {
            throw ApiException.invalid("The codes did not pass the coding edits; nothing was saved.", errors);
        }
        write(caseId, "DRAFT", codes);
        write(caseId, "FINAL", codes);
        int updated = jdbc.sql("""
                UPDATE coding_case SET status = 'CODED', coded_by = :user, coded_at = :now, version = version + 1
                WHERE id = :id AND status = 'OPEN'""")
                .param("user", user.id())
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .param("id", caseId)
                .update();
        if (updated != 1) {
            throw ApiException.conflict("This encounter was coded at the same time by someone else.");
        }
        tasks.completeHeld(TASK, row.encounterNumber(), Map.of("codingOutcome", "CODED"));
        return get(caseId);
    }

    private boolean readsOnlyOwnWork() {
        return user.hasRole(Roles.CODER) && !user.hasRole(Roles.AUDITOR) && !user.hasRole(Roles.MANAGER);
    }

    private CaseRow openCase(long caseId) {
        CaseRow row = row(caseId);
        if (!"OPEN".equals(row.status())) {
            throw ApiException.conflict("Encounter " + row.encounterNumber() + " is already coded.");
        }
        return row;
    }

    private CaseRow row(long caseId) {
        return jdbc.sql("""
                SELECT cc.id, e.id AS encounter_id, e.encounter_number, cc.status,
                       p.first_name || ' ' || p.last_name AS patient_name, p.birth_date AS patient_birth_date,
                       p.sex AS patient_sex, e.date_of_service, py.name AS payer_name, e.documentation, cc.coded_by
                FROM coding_case cc
                JOIN encounter e ON e.id = cc.encounter_id
                JOIN patient p ON p.id = e.patient_id
                LEFT JOIN coverage c ON c.id = e.coverage_id
                LEFT JOIN payer py ON py.id = c.payer_id
                WHERE cc.id = :id""")
                .param("id", caseId)
                .query(CaseRow.class)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Coding case " + caseId));
    }

    private void write(long caseId, String stage, Codes codes) {
        jdbc.sql("DELETE FROM coded_diagnosis WHERE coding_case_id = :id AND stage = :stage")
                .param("id", caseId).param("stage", stage).update();
        jdbc.sql("DELETE FROM coded_procedure WHERE coding_case_id = :id AND stage = :stage")
                .param("id", caseId).param("stage", stage).update();
        for (int i = 0; i < codes.diagnoses().size(); i++) {
            String code = codes.diagnoses().get(i).code();
            jdbc.sql("INSERT INTO coded_diagnosis (coding_case_id, stage, position, code) VALUES (:id, :stage, :pos, :code)")
                    .param("id", caseId).param("stage", stage).param("pos", i + 1)
                    .param("code", truncate(code, 8)).update();
        }
        for (int i = 0; i < codes.procedures().size(); i++) {
            Codes.Procedure p = codes.procedures().get(i);
            jdbc.sql("""
                    INSERT INTO coded_procedure (coding_case_id, stage, position, code, modifiers, units, diagnosis_pointers)
                    VALUES (:id, :stage, :pos, :code, :modifiers, :units, :pointers)""")
                    .param("id", caseId).param("stage", stage).param("pos", i + 1)
                    .param("code", truncate(p.code(), 5))
                    .param("modifiers", truncate(ListColumns.join(p.modifiers()), 11))
                    .param("units", p.units() == null ? 1 : Math.max(1, Math.min(999, p.units())))
                    .param("pointers", truncate(ListColumns.join(p.diagnosisPointers()), 7))
                    .update();
        }
    }

    private Codes codes(long caseId, String stage) {
        List<String> dxCodes = jdbc.sql("""
                SELECT code FROM coded_diagnosis WHERE coding_case_id = :id AND stage = :stage ORDER BY position""")
                .param("id", caseId).param("stage", stage).query(String.class).list();
        List<Codes.Procedure> procedures = jdbc.sql("""
                SELECT code, modifiers, units, diagnosis_pointers FROM coded_procedure
                WHERE coding_case_id = :id AND stage = :stage ORDER BY position""")
                .param("id", caseId).param("stage", stage)
                .query((rs, n) -> new Codes.Procedure(rs.getString(1), ListColumns.split(rs.getString(2)), rs.getInt(3),
                        ListColumns.integers(rs.getString(4))))
                .list();
        if (dxCodes.isEmpty() && procedures.isEmpty()) {
            return null;
        }
        Map<String, CodeEntry> titles = codeSets.find(CodeSystem.ICD10CM, dxCodes);
        List<Codes.Diagnosis> diagnoses = dxCodes.stream()
                .map(c -> new Codes.Diagnosis(c, titles.containsKey(c) ? titles.get(c).description() : null))
                .toList();
        return new Codes(diagnoses, procedures);
    }
}
