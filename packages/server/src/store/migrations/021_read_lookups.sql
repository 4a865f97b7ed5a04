-- SPDX-License-Identifier: EUPL-1.2
-- What the reads at 100,000 observations missed (issue 12; src/read/observations.ts,
-- src/read/engagements.ts). Kept by the follower in the same transaction as the rows they come
-- from, emptied and written again by a rebuild (READ_MODELS_VERSION 3 rebuilds every database).

-- The engagements that list each observation, one row per pair: Open311 looks up a batch's 500
-- observations here (a btree on the observation). The GIN index on read_engagements.observation_ids
-- served one lookup at a time only, and on PGlite, which never vacuums, its pending list grew with
-- every write: 44 pages a lookup, 320 ms for a batch.
CREATE TABLE read_engagement_observations (
  observation_id text COLLATE "C" NOT NULL,
  engagement_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (observation_id, engagement_id)
);
CREATE INDEX read_engagement_observations_engagement ON read_engagement_observations (engagement_id);
DROP INDEX read_engagements_observations;

-- The statistics' two groupings kept as they are asked, beside read_observation_counts (020, by
-- quartier, year, walk, stop and theme, which still answers a walk's statistics): by quartier, year
-- and theme (byTheme, byQuartierAndYear), and by quartier, year, walk and stop (byStop). At 100,000
-- observations the finer table held 32,000 rows, which each request grouped twice (30–140 ms).
CREATE TABLE read_observation_theme_counts (
  id text COLLATE "C" PRIMARY KEY,
  quartier_id text COLLATE "C" NOT NULL,
  year integer NOT NULL,
  theme_id text COLLATE "C" NOT NULL,
  positive bigint NOT NULL,
  problem bigint NOT NULL,
  UNIQUE (quartier_id, year, theme_id)
);
CREATE TABLE read_observation_stop_counts (
  id text COLLATE "C" PRIMARY KEY,
  quartier_id text COLLATE "C" NOT NULL,
  year integer NOT NULL,
  walk_id text COLLATE "C" NOT NULL,
  stop_id text COLLATE "C" NOT NULL,
  positive bigint NOT NULL,
  problem bigint NOT NULL,
  UNIQUE (quartier_id, year, walk_id, stop_id)
);
CREATE INDEX read_observation_stop_counts_walk ON read_observation_stop_counts (walk_id);
