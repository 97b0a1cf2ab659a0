package org.relayrcm.tasks;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads, in one query per kind, the encounters and claims that a page of tasks is about. */
@Component
class TaskSubjects {

    record EncounterFacts(long encounterId, String encounterNumber, String patientName, String payerName,
            LocalDate dateOfService, Long codingCaseId) {
    }

    record ClaimFacts(long claimId, String claimNumber, String encounterNumber, String patientName, String payerName,
            LocalDate dateOfService, long totalChargeCents, Long openDenialId, OffsetDateTime firstBilledAt) {
    }

    private final JdbcClient jdbc;

    TaskSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, EncounterFacts> encounters(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<EncounterFacts> rows = jdbc.sql("""
                SELECT e.id AS encounter_id, e.encounter_number, p.first_name || ' ' || p.last_name AS patient_name,
                       py.name AS payer_name, e.date_of_service, cc.id AS coding_case_id
                FROM encounter e
                JOIN patient p ON p.id = e.patient_id
                LEFT JOIN coding_case cc ON cc.encounter_id = e.id
                LEFT JOIN coverage c ON c.id = e.coverage_id
                LEFT JOIN payer py ON py.id = c.payer_id
                WHERE e.id IN (:ids)""")
                .param("ids", ids)
                .query(EncounterFacts.class)
                .list();
        return rows.stream().collect(Collectors.toMap(EncounterFacts::encounterId, Function.identity()));
    }

    Map<String, ClaimFacts> claims(Collection<String> claimNumbers) {
        if (claimNumbers.isEmpty()) {
            return Map.of();
        }
        List<ClaimFacts> rows = jdbc.sql("""
                SELECT cl.id AS claim_id, cl.claim_number, e.encounter_number,
                       p.first_name || ' ' || p.last_name AS patient_name, py.name AS payer_name,
                       cl.date_of_service, cl.total_charge_cents,
                       (SELECT MAX(d.id) FROM denial d WHERE d.claim_id = cl.id AND d.status = 'OPEN') AS open_denial_id,
                       (SELECT MIN(s.submitted_at) FROM claim_submission s WHERE s.claim_id = cl.id) AS first_billed_at
                FROM claim cl
                JOIN encounter e ON e.id = cl.encounter_id
                JOIN patient p ON p.id = e.patient_id
                LEFT JOIN payer py ON py.id = cl.payer_id
                WHERE cl.claim_number IN (:numbers)""")
                .param("numbers", claimNumbers)
                .query(ClaimFacts.class)
                .list();
        return rows.stream().collect(Collectors.toMap(ClaimFacts::claimNumber, Function.identity()));
    }
}
