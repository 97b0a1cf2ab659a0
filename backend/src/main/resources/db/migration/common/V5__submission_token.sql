-- Set when a claim becomes ready to send and kept through the submit job's retries: the outbox file
-- name carries it, so a retry finds its own file while a claim number reused after a database
-- restore or reset can never be mistaken for a file that was sent before.
ALTER TABLE claim ADD COLUMN submission_token VARCHAR(36);
