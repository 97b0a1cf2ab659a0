-- A claim file the clearinghouse would not take (outbox gone, a write that hangs, a full disk) is tried again with
-- back-off by ClaimFileRelay, and after the last try waits for a manager (an incident) instead of being tried for ever.
-- attempts: hand-overs started so far. next_delivery_at: when the next may start (it also leases a started attempt,
-- so two sweeps never run one row at once). retries_left: null until the first failure, then what the back-off
-- schedule has left. failed_at/failure: the relay gave up, and why (no PHI: the failure's kind and the file name).
ALTER TABLE claim_submission ADD COLUMN delivery_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE claim_submission ADD COLUMN next_delivery_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE claim_submission ADD COLUMN delivery_retries_left INTEGER;
ALTER TABLE claim_submission ADD COLUMN delivery_failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE claim_submission ADD COLUMN delivery_failure VARCHAR(300);
