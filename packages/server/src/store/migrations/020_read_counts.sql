-- SPDX-License-Identifier: EUPL-1.2
-- Kept counts beside the read models of observations and engagements (src/read/observations.ts,
-- src/read/engagements.ts), so that the statistics and the dashboard sum a few rows instead of
-- grouping every observation or engagement at each request. The follower keeps them in the same
-- transaction as the rows they count: for each changed stream, the old row's contribution is
-- subtracted and the new one's added; a key whose counts reach 0 is deleted. A missing walk, stop,
-- organisation or theme is '' here (a key column cannot be NULL); `id` is the key's values as a
-- JSON array (one text key to upsert and delete by, and a unique first column to order by). Emptied and filled again by a
-- rebuild (READ_MODELS_VERSION 2 rebuilds every existing database).

-- The counted observations (duplicates and rejected ones left out), by quartier, year, walk,
-- stop and theme: what the statistics' byTheme and byStop group.
CREATE TABLE read_observation_counts (
  id text COLLATE "C" PRIMARY KEY,
  quartier_id text COLLATE "C" NOT NULL,
  year integer NOT NULL,
  walk_id text COLLATE "C" NOT NULL,
  stop_id text COLLATE "C" NOT NULL,
  theme_id text COLLATE "C" NOT NULL,
  positive bigint NOT NULL,
  problem bigint NOT NULL,
  UNIQUE (quartier_id, year, walk_id, stop_id, theme_id)
);
CREATE INDEX read_observation_counts_walk ON read_observation_counts (walk_id) WHERE walk_id <> '';

-- The engagements by quartier, organisation, theme and status: how many, how many completed with
-- a due day (timed), how many of them late and by how many days in all. What does not depend on
-- today; overdue and due soon do, and are counted from read_engagements through the index below.
CREATE TABLE read_engagement_counts (
  id text COLLATE "C" PRIMARY KEY,
  quartier_id text COLLATE "C" NOT NULL,
  organisation_id text COLLATE "C" NOT NULL,
  theme_id text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  n bigint NOT NULL,
  timed bigint NOT NULL,
  late bigint NOT NULL,
  late_days bigint NOT NULL,
  UNIQUE (quartier_id, organisation_id, theme_id, status)
);

-- The open engagements with a due day (not settled: SETTLED_ENGAGEMENT_STATUSES in the core,
-- written the same way in engagements.ts's queries so that the planner uses it): the overdue and
-- due-soon ones are a range of it.
CREATE INDEX read_engagements_open_due ON read_engagements (due_on, id)
  WHERE due_on IS NOT NULL AND status NOT IN ('done', 'verified', 'abandoned');
