-- SPDX-License-Identifier: EUPL-1.2
-- The read models of observations and engagements (src/read/observations.ts,
-- src/read/engagements.ts): one row per stream, its latest public state in
-- `doc` (an observation never carries its reporter's contact here), beside the
-- columns the lists filter, sort and group on. Written by the follower only;
-- emptied and written again by a rebuild. Text columns that sort or page are
-- `COLLATE "C"` (byte order, as JavaScript compares ids), so their indexes
-- serve the lists' keyset order. `first_position` is the journal position of
-- the stream's first event: the order `list()` gives in the core.
CREATE TABLE read_observations (
  id text COLLATE "C" PRIMARY KEY,
  first_position bigint NOT NULL,
  quartier_id text COLLATE "C" NOT NULL,
  walk_id text COLLATE "C",
  stop_id text COLLATE "C",
  theme_id text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  polarity text COLLATE "C" NOT NULL,
  organisation_id text COLLATE "C",
  engagement_id text COLLATE "C",
  -- When it was recorded: the instant (ms since the epoch, what lists sort on), the ISO text
  -- as the core wrote it, and its calendar day and year in the city's time zone (date filters, stats).
  recorded_ms bigint NOT NULL,
  recorded_at text NOT NULL,
  recorded_day text COLLATE "C" NOT NULL,
  year integer NOT NULL,
  -- The latest instant of its events (ms): Open311's updates since a date look at these only.
  changed_ms bigint NOT NULL,
  doc json NOT NULL
);
CREATE INDEX read_observations_order ON read_observations (recorded_ms, id);
CREATE INDEX read_observations_quartier ON read_observations (quartier_id, recorded_ms, id);
CREATE INDEX read_observations_walk ON read_observations (walk_id, recorded_ms, id) WHERE walk_id IS NOT NULL;
CREATE INDEX read_observations_theme ON read_observations (theme_id, recorded_ms, id);
CREATE INDEX read_observations_status ON read_observations (status, recorded_ms, id);
CREATE INDEX read_observations_organisation ON read_observations (organisation_id, recorded_ms, id) WHERE organisation_id IS NOT NULL;
-- Open311 lists problems only, newest first; statistics group a quartier's years.
CREATE INDEX read_observations_polarity ON read_observations (polarity, recorded_ms, id);
CREATE INDEX read_observations_quartier_year ON read_observations (quartier_id, year);
CREATE INDEX read_observations_changed ON read_observations (changed_ms) WHERE polarity = 'problem';

CREATE TABLE read_engagements (
  id text COLLATE "C" PRIMARY KEY,
  first_position bigint NOT NULL,
  quartier_id text COLLATE "C" NOT NULL,
  theme_id text COLLATE "C",
  organisation_id text COLLATE "C",
  walk_id text COLLATE "C",
  status text COLLATE "C" NOT NULL,
  observation_ids text[] NOT NULL,
  proposed_ms bigint NOT NULL,
  proposed_at text NOT NULL,
  proposed_day text COLLATE "C" NOT NULL,
  -- The due day (YYYY-MM-DD, the city's calendar), and the days late of a completed one
  -- (0 on time; NULL when not completed with a due day): what the dashboard counts.
  due_on text COLLATE "C",
  completion_delay integer,
  -- The latest instant of its events (ms), as for observations.
  changed_ms bigint NOT NULL,
  doc json NOT NULL
);
CREATE INDEX read_engagements_order ON read_engagements (proposed_ms, id);
CREATE INDEX read_engagements_quartier ON read_engagements (quartier_id, proposed_ms, id);
CREATE INDEX read_engagements_theme ON read_engagements (theme_id, proposed_ms, id) WHERE theme_id IS NOT NULL;
CREATE INDEX read_engagements_organisation ON read_engagements (organisation_id, proposed_ms, id) WHERE organisation_id IS NOT NULL;
CREATE INDEX read_engagements_status ON read_engagements (status, proposed_ms, id);
CREATE INDEX read_engagements_due ON read_engagements (due_on, id) WHERE due_on IS NOT NULL;
-- The engagements an observation is listed in (Open311's matched engagement).
CREATE INDEX read_engagements_observations ON read_engagements USING gin (observation_ids);
CREATE INDEX read_engagements_first ON read_engagements (first_position);
CREATE INDEX read_engagements_changed ON read_engagements (changed_ms);

-- The observations and engagements written so far are in the journal only: version 0 makes the
-- next start rebuild the read models.
UPDATE read_models SET version = 0 WHERE name = 'journal';
