-- SPDX-License-Identifier: EUPL-1.2
-- Bearer tokens of staff. Only a SHA-256 of the token is kept: the token
-- itself is shown once, when it is created.
CREATE TABLE staff_tokens (
  id              text        PRIMARY KEY,
  token_sha256    text        NOT NULL UNIQUE,
  role            text        NOT NULL CHECK (role IN ('coordinator', 'agent', 'organisation')),
  organisation_id text,
  label           text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz,
  CONSTRAINT staff_tokens_organisation CHECK ((role = 'organisation') = (organisation_id IS NOT NULL))
);
