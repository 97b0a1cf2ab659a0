package org.relayrcm.accesslog;

/** What was read, and how to find whose information it is. */
public enum PhiResource {
    CODING_CASE("SELECT e.patient_id FROM coding_case c JOIN encounter e ON e.id = c.encounter_id WHERE c.id = :id"),
    CLAIM("SELECT e.patient_id FROM claim c JOIN encounter e ON e.id = c.encounter_id WHERE c.id = :id"),
    CLAIM_837("SELECT e.patient_id FROM claim c JOIN encounter e ON e.id = c.encounter_id WHERE c.id = :id"),
    STATEMENT("SELECT e.patient_id FROM patient_statement s JOIN claim c ON c.id = s.claim_id JOIN encounter e ON e.id = c.encounter_id WHERE s.id = :id"),
    DENIAL("SELECT e.patient_id FROM denial d JOIN claim c ON c.id = d.claim_id "
            + "JOIN encounter e ON e.id = c.encounter_id WHERE d.id = :id"),
    PHYSICIAN_QUERY("SELECT e.patient_id FROM physician_query q JOIN encounter e ON e.id = q.encounter_id WHERE q.id = :id"),
    CODING_AUDIT("SELECT e.patient_id FROM coding_audit a JOIN encounter e ON e.id = a.encounter_id WHERE a.id = :id"),
    /** The claim the payment was matched to, or posted to on review; none (nothing logged) while it is unknown. */
    REMITTANCE_EXCEPTION("SELECT e.patient_id FROM remittance_exception x "
            + "JOIN claim c ON c.id = COALESCE(x.claim_id, x.resolved_claim_id) "
            + "JOIN encounter e ON e.id = c.encounter_id WHERE x.id = :id");

    final String patientOf;

    PhiResource(String patientOf) {
        this.patientOf = patientOf;
    }
}
