-- SPDX-License-Identifier: EUPL-1.2
-- Events the notifier could not turn into emails (the database refused one of
-- them, or building them threw): each is recorded here with why, and skipped,
-- so the events after it are still told. One row per event, written once even
-- if two servers meet it. `/healthz` counts them; an operator reads them here.
CREATE TABLE notification_failures (
  position  bigint      PRIMARY KEY,
  stream    text        NOT NULL,
  type      text        NOT NULL,
  reason    text        NOT NULL,
  failed_at timestamptz NOT NULL DEFAULT now()
);
