-- Denials are now also appealed, overturned, upheld or billed to the patient. H2 names the old check itself,
-- so the column is replaced rather than its constraint dropped by name.
DROP INDEX denial_open;
ALTER TABLE denial ADD COLUMN status_new VARCHAR(16) DEFAULT 'OPEN' NOT NULL
    CHECK (status_new IN ('OPEN', 'RESUBMITTED', 'WRITTEN_OFF', 'APPEALED', 'OVERTURNED', 'UPHELD', 'PATIENT_BILLED'));
UPDATE denial SET status_new = status;
ALTER TABLE denial DROP COLUMN status;
ALTER TABLE denial ALTER COLUMN status_new RENAME TO status;
CREATE INDEX denial_open ON denial (claim_id, status);
