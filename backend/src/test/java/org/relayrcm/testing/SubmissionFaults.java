package org.relayrcm.testing;

import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes the database refuse an encounter's claim submission rows, after the 837 was handed to the clearinghouse:
 * the submit job's transaction rolls back as after a crash before commit, and Camunda retries it. Keyed by encounter
 * number because a clean claim goes out as soon as it is built, before a test could learn its id.
 */
public final class SubmissionFaults {

    private final JdbcTemplate jdbc;

    public SubmissionFaults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS it_submission_fault (encounter_number VARCHAR(30) PRIMARY KEY, "
                + "every_time BOOLEAN NOT NULL, attempts VARCHAR(63) NOT NULL)");
        // nextval is not rolled back with the failing transaction, so it counts attempts where a column could not.
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION it_submission_fault() RETURNS trigger AS $$
                DECLARE fault it_submission_fault%ROWTYPE;
                BEGIN
                  SELECT f.* INTO fault FROM it_submission_fault f
                    JOIN encounter e ON e.encounter_number = f.encounter_number
                    JOIN claim c ON c.encounter_id = e.id WHERE c.id = NEW.claim_id;
                  IF FOUND AND (fault.every_time OR nextval(fault.attempts) = 1) THEN
                    RAISE EXCEPTION 'injected failure after the file was written';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        jdbc.execute("DROP TRIGGER IF EXISTS it_submission_fault ON claim_submission");
        jdbc.execute("CREATE TRIGGER it_submission_fault BEFORE INSERT ON claim_submission "
                + "FOR EACH ROW EXECUTE FUNCTION it_submission_fault()");
    }

    /** The first submission attempt of the encounter's claim fails; the retry succeeds. */
    public void failFirstAttempt(String encounterNumber) {
        install(encounterNumber, false);
    }

    /** Every attempt fails until {@link #clear}: a clearinghouse outage. */
    public void failEveryAttempt(String encounterNumber) {
        install(encounterNumber, true);
    }

    public void clear(String encounterNumber) {
        jdbc.update("DELETE FROM it_submission_fault WHERE encounter_number = ?", encounterNumber);
    }

    private void install(String encounterNumber, boolean everyTime) {
        String sequence = "it_attempts_" + encounterNumber.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        jdbc.execute("DROP SEQUENCE IF EXISTS " + sequence);
        jdbc.execute("CREATE SEQUENCE " + sequence);
        jdbc.update("INSERT INTO it_submission_fault VALUES (?, ?, ?)", encounterNumber, everyTime, sequence);
    }
}
