-- H2 has no partial indexes; the quick start's volumes do not need one anyway.
CREATE INDEX denial_open ON denial (claim_id, status);
