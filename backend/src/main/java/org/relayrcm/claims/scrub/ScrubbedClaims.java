package org.relayrcm.claims.scrub;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.relayrcm.shared.ListColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a claim and everything its rules look at; SQL that runs on H2 and PostgreSQL alike. */
@Repository
class ScrubbedClaims {

    private final JdbcClient jdbc;

    ScrubbedClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> idOf(String claimNumber) {
        return jdbc.sql("SELECT id FROM claim WHERE claim_number = :number").param("number", claimNumber)
                .query(Long.class).optional();
    }

    /**
     * The claim, its row locked for the rest of the transaction so that two runs on the same claim cannot
     * interleave their findings.
     */
    Optional<ScrubbedClaim> lockAndRead(String claimNumber, LocalDate today) {
        Optional<Long> id = jdbc.sql("SELECT id FROM claim WHERE claim_number = :number FOR UPDATE")
                .param("number", claimNumber).query(Long.class).optional();
        return id.map(claimId -> read(claimId, today));
    }

    private ScrubbedClaim read(long claimId, LocalDate today) {
        List<String> diagnoses = jdbc.sql("SELECT code FROM claim_diagnosis WHERE claim_id = :id ORDER BY position")
                .param("id", claimId).query(String.class).list();
        List<ScrubbedClaim.Line> lines = jdbc.sql("""
                SELECT line_number, procedure_code, modifiers, units, diagnosis_pointers, revenue_code
                FROM claim_line WHERE claim_id = :id ORDER BY line_number""")
                .param("id", claimId)
                .query((rs, n) -> new ScrubbedClaim.Line(rs.getInt(1), rs.getString(2), ListColumns.split(rs.getString(3)),
                        rs.getInt(4), pointers(rs.getString(5)), rs.getString(6)))
                .list();
        return jdbc.sql("""
                SELECT cl.id, cl.claim_number, cl.claim_type, cl.frequency_code, cl.date_of_service, cl.place_of_service,
                       p.id, p.first_name, p.last_name, p.birth_date, p.sex, p.address_line, p.city, p.state, p.postal_code,
                       cv.id, cv.member_id, cv.relationship, cv.subscriber_first_name, cv.subscriber_last_name,
                       cv.subscriber_birth_date, cv.subscriber_sex,
                       py.id, py.payer_code, py.name, py.timely_filing_days, py.claim_filing_indicator,
                       pr.id, pr.npi, pr.entity_type, pr.taxonomy_code, pr.tax_id,
                       e.facility_type_code, e.admission_type, e.admission_source, e.patient_status, e.discharge_date
                FROM claim cl
                JOIN encounter e ON e.id = cl.encounter_id
                JOIN patient p ON p.id = e.patient_id
                LEFT JOIN coverage cv ON cv.id = cl.coverage_id
                LEFT JOIN payer py ON py.id = cl.payer_id
                LEFT JOIN provider pr ON pr.id = COALESCE(cl.rendering_provider_id, e.rendering_provider_id)
                WHERE cl.id = :id""")
                .param("id", claimId)
                .query((rs, n) -> new ScrubbedClaim(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6),
                        new ScrubbedClaim.Patient(rs.getLong(7), rs.getString(8), rs.getString(9),
                                rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12), rs.getString(13),
                                rs.getString(14), rs.getString(15)),
                        rs.getObject(16) == null ? null : new ScrubbedClaim.Coverage(rs.getString(17), rs.getString(18),
                                rs.getString(19), rs.getString(20), rs.getObject(21, LocalDate.class), rs.getString(22)),
                        rs.getObject(23) == null ? null : new ScrubbedClaim.Payer(rs.getString(24), rs.getString(25),
                                rs.getInt(26), rs.getString(27)),
                        rs.getObject(28) == null ? null : new ScrubbedClaim.Provider(rs.getString(29), rs.getString(30),
                                rs.getString(31), rs.getString(32)),
                        new ScrubbedClaim.Institutional(rs.getString(33), rs.getString(34), rs.getString(35),
                                rs.getString(36), rs.getObject(37, LocalDate.class)),
                        diagnoses, lines, today))
                .single();
    }

    /** Pointers as stored ("1,2"); one that is not a number is kept as 0, which the pointer rule reports. */
    private static List<Integer> pointers(String column) {
        return ListColumns.split(column).stream().map(String::trim).map(p -> {
            try {
                return Integer.valueOf(p);
            } catch (NumberFormatException e) {
                return 0;
            }
        }).toList();
    }
}
