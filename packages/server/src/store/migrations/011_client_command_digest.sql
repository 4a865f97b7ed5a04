-- SPDX-License-Identifier: EUPL-1.2
-- The SHA-256 of a command's input, kept with its client id (Idempotency-Key):
-- a retry with the same key and the same input answers the first outcome
-- again; the same key with another input is refused
-- (`request.idempotency-key-reused`) instead of handing back the first
-- person's registration and cancel token. Only the digest, never the input:
-- this table must not become a second copy of personal data that erasure
-- would have to reach. NULL for keys applied before it was kept (they are
-- replayed without comparison, as before).
ALTER TABLE client_commands ADD COLUMN input_digest text;
