-- SPDX-License-Identifier: EUPL-1.2
-- Photos sent with observations, kept with the data. The id is a hash of the
-- bytes, so sending the same photo twice keeps it once.
CREATE TABLE photos (
  id         text        PRIMARY KEY,
  media_type text        NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes      bytea       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
