-- SPDX-License-Identifier: EUPL-1.2
-- Once personal data is sealed (migration 013 and the sealing of older rows
-- that runs right after it, see src/store/migrate.ts), erasure deletes keys
-- and never touches the journal: the exception migration 003 made for
-- redaction in place goes, and the journal is strictly append-only again.
CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the events journal is append-only';
END
$$;

-- The outbox's plaintext columns, now sealed (their old values leave the
-- table's files with the VACUUM FULL that follows a sealing).
ALTER TABLE outbox DROP COLUMN recipient;
ALTER TABLE outbox DROP COLUMN subject;
ALTER TABLE outbox DROP COLUMN body;
ALTER TABLE outbox DROP COLUMN ics;
ALTER TABLE outbox ALTER COLUMN sealed SET NOT NULL;
ALTER TABLE outbox ALTER COLUMN key_id SET NOT NULL;
ALTER TABLE outbox ALTER COLUMN recipient_digest SET NOT NULL;
