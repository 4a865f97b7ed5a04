-- SPDX-License-Identifier: EUPL-1.2
-- The journal's append as one function (see src/store/sql-store.ts), called
-- with one short statement per append.
--
-- Why a function: the append used to be one statement of three data-modifying
-- parts (the events, the client id's claim, the keys of the records they
-- bring), planned again on every call: 0.15 ms of planning for 0.1 ms of
-- work, on PostgreSQL as on PGlite, and most of what crypto-shredding's key
-- insert added to each sign-up. PL/pgSQL keeps the plans of its statements
-- for the whole session, so each connection plans them once. It also keeps
-- every statement the server sends unnamed (no prepared statements to
-- follow across a connection pooler).
--
-- What it does, in the caller's own (implicit) transaction, all or nothing:
-- 1. takes the transaction's id before any position (committedPosition rests
--    on that order);
-- 2. checks the expected version by the data itself: versions are contiguous,
--    so a stream behind `expected` lacks its row (nothing is appended, no row
--    returned), and one that moved already holds `expected + 1` (UNIQUE
--    (stream, version) refuses the insert: 23505);
-- 3. inserts the events with positions from the sequence, in version order;
-- 4. with a client id, claims it with the input's digest (a client id taken
--    violates the primary key of client_commands: 23505, everything undone);
-- 5. inserts the keys of the records the events bring.
-- It returns each appended event's position and version.
CREATE FUNCTION gusp_append(
  p_stream       text,
  p_expected     integer,
  p_client_id    text,
  p_digest       text,
  p_types        text[],
  p_ats          text[],
  p_data         text[],
  p_key_ids      text[],
  p_new_key_ids  text[],
  p_new_keys     text[],
  p_new_subjects text[]
) RETURNS TABLE (appended_position bigint, appended_version integer)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_current_xact_id();
  IF p_expected > 0 AND NOT EXISTS (SELECT 1 FROM events e WHERE e.stream = p_stream AND e.version = p_expected) THEN
    RETURN;
  END IF;
  RETURN QUERY
    WITH appended AS (
      INSERT INTO events (position, stream, version, type, at, data, client_id, key_id)
      SELECT nextval('events_position_seq'), p_stream, p_expected + v.k::integer, v.type, v.at, v.data::json, p_client_id, v.key_id
      FROM unnest(p_types, p_ats, p_data, p_key_ids) WITH ORDINALITY AS v (type, at, data, key_id, k)
      ORDER BY v.k
      RETURNING events.position, events.version
    )
    SELECT a.position, a.version FROM appended a;
  IF p_client_id IS NOT NULL THEN
    INSERT INTO client_commands (client_id, stream, input_digest) VALUES (p_client_id, p_stream, p_digest);
  END IF;
  IF cardinality(p_new_key_ids) > 0 THEN
    INSERT INTO personal_keys (id, key, subject)
    SELECT n.id, decode(n.hex, 'hex'), n.subject FROM unnest(p_new_key_ids, p_new_keys, p_new_subjects) AS n (id, hex, subject);
  END IF;
END
$$;
