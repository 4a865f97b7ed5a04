-- SPDX-License-Identifier: EUPL-1.2
-- The journal of @gusp/core: append-only, one row per domain event.
-- Kept to SQL that PostgreSQL 15 and PGlite (PostgreSQL 18) both understand.

CREATE TABLE events (
  -- Global order across streams, gapless and in commit order (see event_position).
  position    bigint      PRIMARY KEY,
  stream      text        NOT NULL,
  -- 1-based version within the stream: optimistic concurrency rests on this UNIQUE.
  version     integer     NOT NULL CHECK (version > 0),
  type        text        NOT NULL,
  -- The event's own time, an ISO string in the city's time zone, kept verbatim.
  at          text        NOT NULL,
  -- json, not jsonb: kept verbatim, and jsonb refuses some strings JSON allows (\u0000).
  data        json        NOT NULL,
  client_id   text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_stream_version UNIQUE (stream, version)
);
CREATE INDEX events_client_id ON events (client_id) WHERE client_id IS NOT NULL;

-- One row, locked by every append: positions are handed out in commit order,
-- so a projection reading "after position N" never skips a late commit.
CREATE TABLE event_position (
  id   boolean PRIMARY KEY DEFAULT true CHECK (id),
  last bigint  NOT NULL
);
INSERT INTO event_position (id, last) VALUES (true, 0);

-- A client id (Idempotency-Key) is applied once: the primary key refuses the
-- second append even when both arrive at the same time.
CREATE TABLE client_commands (
  client_id  text        PRIMARY KEY,
  stream     text        NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- The journal is append-only: nobody updates or deletes the past.
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the events journal is append-only';
END
$$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_append_only();
