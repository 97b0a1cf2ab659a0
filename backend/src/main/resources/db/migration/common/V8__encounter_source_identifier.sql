-- The EHR's own identity of an encounter received as FHIR (Encounter.identifier as system|value, else
-- the entry's absolute fullUrl), so the same Encounter sent twice creates nothing new. NULL for
-- encounters received through the JSON API (their encounter number is their identity).
ALTER TABLE encounter ADD COLUMN source_identifier VARCHAR(600);
ALTER TABLE encounter ADD CONSTRAINT encounter_source_identifier_unique UNIQUE (source_identifier);
