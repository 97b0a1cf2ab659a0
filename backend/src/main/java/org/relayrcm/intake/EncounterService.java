package org.relayrcm.intake;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.PageRequestParams;
import org.relayrcm.shared.PageResponse;
import org.relayrcm.shared.ValidationError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives encounters: the patient (by MRN), the coverage, the encounter, its coding case and the
 * relay's process instance are written in one transaction, so a failure leaves nothing behind.
 */
@Service
public class EncounterService {

    private final JdbcClient jdbc;
    private final EncounterWorkflow workflow;
    private final TransactionTemplate transaction;

    EncounterService(JdbcClient jdbc, EncounterWorkflow workflow, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.workflow = workflow;
        this.transaction = new TransactionTemplate(transactions);
    }

    public record Received(long encounterId, String encounterNumber, long codingCaseId) {
    }

    /** An encounter as an EHR sent it over FHIR, with the EHR's own identity of it. */
    public record FromEhr(String sourceIdentifier, NewEncounter encounter) {
    }

    public record BatchResult(List<Received> received, List<Received> alreadyReceived) {
    }

    public record EncounterSummary(long id, String encounterNumber, String patientName,
            java.time.LocalDate dateOfService, String payerName, String codingStatus) {
    }

    /**
     * Unique constraints decide races: a duplicate encounter number is a 409; a race on the patient or
     * coverage of two different encounters (the same new patient seen twice at once) is retried once.
     */
    public Received receive(NewEncounter encounter) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> write(encounter));
            } catch (DuplicateKeyException e) {
                boolean duplicate = jdbc.sql("SELECT COUNT(*) FROM encounter WHERE encounter_number = :number")
                        .param("number", encounter.encounterNumber()).query(Long.class).single() > 0;
                if (duplicate) {
                    throw ApiException.conflict("Encounter " + encounter.encounterNumber() + " was already received.");
                }
                if (attempt == 2) {
                    throw ApiException.conflict("The patient's record was changed at the same time; send the encounter again.");
                }
            }
        }
    }

    /**
     * Receives a batch (one FHIR bundle) in one transaction: all or nothing. An encounter whose source
     * identifier is already known is reported, not written again. A concurrent identical batch makes
     * one attempt fail on the unique source identifier; the retry then finds those encounters known.
     */
    public BatchResult receiveAll(List<FromEhr> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> writeAll(batch));
            } catch (DuplicateKeyException e) {
                if (attempt == 2) {
                    throw ApiException.conflict("The same encounters or patients were being received at the same time; "
                            + "send the bundle again.");
                }
            }
        }
    }

    private BatchResult writeAll(List<FromEhr> batch) {
        List<Received> received = new java.util.ArrayList<>();
        List<Received> known = new java.util.ArrayList<>();
        for (FromEhr incoming : batch) {
            Optional<Received> existing = jdbc.sql("""
                    SELECT e.id AS encounter_id, e.encounter_number, cc.id AS coding_case_id
                    FROM encounter e JOIN coding_case cc ON cc.encounter_id = e.id
                    WHERE e.source_identifier = :source""")
                    .param("source", incoming.sourceIdentifier()).query(Received.class).optional();
            if (existing.isPresent()) {
                known.add(existing.get());
            } else {
                received.add(write(incoming.encounter(), incoming.sourceIdentifier()));
            }
        }
        return new BatchResult(received, known);
    }

    private Received write(NewEncounter encounter) {
        return write(encounter, null);
    }

    private Received write(NewEncounter encounter, String sourceIdentifier) {
        Long coverageId = null;
        long patientId = upsertPatient(encounter.patient());
        if (encounter.coverage() != null) {
            coverageId = upsertCoverage(patientId, encounter.coverage());
        }
        NewEncounter.Facility facility = encounter.facility();
        long encounterId = insert("""
                    INSERT INTO encounter (encounter_number, patient_id, coverage_id, date_of_service,
                                           place_of_service, documentation, received_at, source_identifier,
                                           rendering_provider_id, facility_type_code, admission_type, admission_source,
                                           patient_status, discharge_date)
                    VALUES (:number, :patient, :coverage, :dos, :pos, :doc, :now, :source,
                            :provider, :facility, :admissionType, :admissionSource, :patientStatus, :discharge)""",
                    new MapSqlParameterSource()
                            .addValue("number", encounter.encounterNumber())
                            .addValue("patient", patientId)
                            .addValue("coverage", coverageId)
                            .addValue("dos", encounter.dateOfService())
                            .addValue("pos", encounter.placeOfService() == null ? "11" : encounter.placeOfService())
                            .addValue("doc", encounter.documentation())
                            .addValue("now", OffsetDateTime.now(ZoneOffset.UTC))
                            .addValue("source", sourceIdentifier)
                            .addValue("provider", encounter.renderingProvider() == null ? null
                                    : upsertProvider(encounter.renderingProvider()))
                            .addValue("facility", facility == null ? null : facility.typeCode())
                            .addValue("admissionType", facility == null ? null : facility.admissionType())
                            .addValue("admissionSource", facility == null ? null : facility.admissionSource())
                            .addValue("patientStatus", facility == null ? null : facility.patientStatus())
                            .addValue("discharge", facility == null ? null : facility.dischargeDate()));
        long caseId = insert("INSERT INTO coding_case (encounter_id, status) VALUES (:encounter, 'OPEN')",
                new MapSqlParameterSource("encounter", encounterId));
        workflow.start(encounter.encounterNumber(), encounterId, caseId);
        return new Received(encounterId, encounter.encounterNumber(), caseId);
    }

    @Transactional(readOnly = true)
    public PageResponse<EncounterSummary> list(PageRequestParams paging) {
        List<EncounterSummary> rows = jdbc.sql("""
                SELECT e.id, e.encounter_number, p.first_name || ' ' || p.last_name AS patient_name,
                       e.date_of_service, py.name AS payer_name, cc.status AS coding_status
                FROM encounter e
                JOIN patient p ON p.id = e.patient_id
                JOIN coding_case cc ON cc.encounter_id = e.id
                LEFT JOIN coverage c ON c.id = e.coverage_id
                LEFT JOIN payer py ON py.id = c.payer_id
                ORDER BY e.id DESC
                LIMIT :limit OFFSET :offset""")
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(EncounterSummary.class)
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM encounter").query(Long.class).single();
        return new PageResponse<>(rows, paging.page(), paging.size(), total);
    }

    private long upsertPatient(NewEncounter.Patient patient) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM patient WHERE mrn = :mrn")
                .param("mrn", patient.mrn()).query(Long.class).optional();
        MapSqlParameterSource statement = new MapSqlParameterSource()
                .addValue("mrn", patient.mrn())
                .addValue("first", patient.firstName())
                .addValue("last", patient.lastName())
                .addValue("birth", patient.birthDate())
                .addValue("sex", patient.sex())
                .addValue("address", patient.addressLine())
                .addValue("city", patient.city())
                .addValue("state", patient.state())
                .addValue("zip", patient.postalCode());
        if (existing.isPresent()) {
            jdbc.sql("""
                    UPDATE patient SET first_name = :first, last_name = :last, birth_date = :birth, sex = :sex,
                           address_line = :address, city = :city, state = :state, postal_code = :zip
                    WHERE mrn = :mrn""")
                    .paramSource(statement).update();
            return existing.get();
        }
        return insert("""
                INSERT INTO patient (mrn, first_name, last_name, birth_date, sex, address_line, city, state, postal_code)
                VALUES (:mrn, :first, :last, :birth, :sex, :address, :city, :state, :zip)""", statement);
    }

    private long upsertCoverage(long patientId, NewEncounter.Coverage coverage) {
        Long payerId = jdbc.sql("SELECT id FROM payer WHERE payer_code = :code")
                .param("code", coverage.payerCode()).query(Long.class).optional()
                .orElseThrow(() -> ApiException.invalid("The payer is not set up in Relay RCM.",
                        List.of(ValidationError.error("INTAKE-PAYER-UNKNOWN", "coverage.payerCode",
                                "Unknown payer '" + coverage.payerCode() + "'. Ask billing to add the payer first."))));
        Optional<Long> existing = jdbc.sql("""
                SELECT id FROM coverage WHERE patient_id = :patient AND payer_id = :payer AND member_id = :member""")
                .param("patient", patientId).param("payer", payerId).param("member", coverage.memberId())
                .query(Long.class).optional();
        return existing.orElseGet(() -> insert(
                "INSERT INTO coverage (patient_id, payer_id, member_id) VALUES (:patient, :payer, :member)",
                new MapSqlParameterSource().addValue("patient", patientId).addValue("payer", payerId)
                        .addValue("member", coverage.memberId())));
    }

    /**
     * Providers are known by NPI; the first encounter that names one records it, later ones reuse the row and fill in
     * (or correct) the name and taxonomy the EHR now sends.
     */
    private long upsertProvider(NewEncounter.Provider provider) {
        Optional<Long> known = jdbc.sql("SELECT id FROM provider WHERE npi = :npi").param("npi", provider.npi())
                .query(Long.class).optional();
        if (known.isPresent()) {
            jdbc.sql("""
                    UPDATE provider SET last_name = :last, first_name = :first,
                           taxonomy_code = COALESCE(:taxonomy, taxonomy_code)
                    WHERE id = :id""")
                    .param("last", provider.lastName()).param("first", provider.firstName())
                    .param("taxonomy", provider.taxonomyCode()).param("id", known.get()).update();
            return known.get();
        }
        return insert("""
                INSERT INTO provider (npi, entity_type, last_name, first_name, taxonomy_code)
                VALUES (:npi, '1', :last, :first, :taxonomy)""",
                new MapSqlParameterSource().addValue("npi", provider.npi())
                        .addValue("last", provider.lastName()).addValue("first", provider.firstName())
                        .addValue("taxonomy", provider.taxonomyCode()));
    }

    private long insert(String sql, MapSqlParameterSource params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).paramSource(params).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }
}
