-- SPDX-License-Identifier: EUPL-1.2
-- Random secrets the servers of one database share (the key that signs
-- proof-of-work challenges, the pepper of the erasure index…). Kept in the
-- database, not in a file, so that two servers on one PostgreSQL agree
-- without configuration, and `gusp-server copy` carries them. Created on
-- first use by whichever server asks first (see src/store/secrets.ts).
CREATE TABLE server_secrets (
  name       text        PRIMARY KEY,
  value      bytea       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
