-- A submission is recorded first and its file handed to the clearinghouse only after that commit (ClaimFileRelay):
-- a file the clearinghouse can pick up always has its committed row. Null until the file is in the outbox.
ALTER TABLE claim_submission ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
UPDATE claim_submission SET delivered_at = submitted_at;
