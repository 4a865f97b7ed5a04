-- SPDX-License-Identifier: EUPL-1.2
-- Notifications: made from the journal (a cursor on event positions, which
-- are gapless and in commit order), kept in an outbox until the mail server
-- takes them. `dedup_key` (event position and recipient) makes each one once.
CREATE TABLE notification_cursor (
  id       boolean PRIMARY KEY DEFAULT true CHECK (id),
  position bigint  NOT NULL
);
INSERT INTO notification_cursor (id, position) VALUES (true, 0);

CREATE TABLE outbox (
  id              bigserial   PRIMARY KEY,
  dedup_key       text        NOT NULL UNIQUE,
  kind            text        NOT NULL,
  recipient       text        NOT NULL,
  locale          text        NOT NULL,
  subject         text        NOT NULL,
  body            text        NOT NULL,
  ics             text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  attempts        integer     NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  last_error      text
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE sent_at IS NULL;
