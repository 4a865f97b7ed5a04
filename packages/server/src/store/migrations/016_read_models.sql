-- SPDX-License-Identifier: EUPL-1.2
-- Read models (src/read/): tables kept from the journal so that no request
-- folds a whole kind of stream. The journal stays the source of truth: every
-- read model can be emptied and rebuilt from it. This one row is their mark:
-- every event at or below `position` is in them, written by projections of
-- `version` (READ_MODELS_VERSION in src/read/projection.ts). A follower
-- advances it in the same transaction as the rows it writes (under
-- `SELECT … FOR UPDATE`, so two servers never apply the same events at once),
-- so a crash leaves read models and mark consistent, only behind; a server
-- whose projections have another version rebuilds them when it starts.
CREATE TABLE read_models (
  name text PRIMARY KEY,
  version integer NOT NULL,
  position bigint NOT NULL,
  rebuilt_at timestamptz
);
INSERT INTO read_models (name, version, position) VALUES ('journal', 0, 0);
