-- Billers' queues read open denials all day: PostgreSQL keeps a partial index of just those.
CREATE INDEX denial_open ON denial (claim_id) WHERE status = 'OPEN';
