-- Denials are now also appealed, overturned, upheld or billed to the patient.
ALTER TABLE denial DROP CONSTRAINT denial_status_check;
ALTER TABLE denial ADD CONSTRAINT denial_status_check
    CHECK (status IN ('OPEN', 'RESUBMITTED', 'WRITTEN_OFF', 'APPEALED', 'OVERTURNED', 'UPHELD', 'PATIENT_BILLED'));
ALTER TABLE denial ALTER COLUMN status TYPE VARCHAR(16);
