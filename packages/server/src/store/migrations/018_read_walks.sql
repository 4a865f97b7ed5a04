-- SPDX-License-Identifier: EUPL-1.2
-- The walks' read model (src/read/walks.ts): one row per walk stream, its
-- latest state as the core folds it, written by the read models' follower
-- (016). `doc` is `{ walk, counts }`: the walk's public fields and the counts
-- of its registrations (core `walkCounts`), never a registration, so nothing
-- personal is kept here. The other columns are what the lists filter and sort
-- on: `status` as stored (a summary's "closed after the deadline" is computed
-- at read time from `registration_deadline`), instants as epoch milliseconds
-- (sortable, and exactly the order of `Date.parse`), and the start's `year`
-- and `day` (`YYYY-MM-DD`) in the city's time zone. Drafts are kept (coverage
-- counts planned walks); every public list leaves them out.
CREATE TABLE read_walks (
  id text COLLATE "C" PRIMARY KEY,
  quartier_id text COLLATE "C" NOT NULL,
  status text NOT NULL,
  starts_at bigint NOT NULL,
  registration_deadline bigint NOT NULL,
  year integer NOT NULL,
  day text COLLATE "C" NOT NULL,
  updated_at bigint NOT NULL,
  doc json NOT NULL
);
-- The public list and the city's feed, by start then id; a quartier's list and feed.
CREATE INDEX read_walks_public ON read_walks (starts_at, id) WHERE status <> 'draft';
CREATE INDEX read_walks_quartier ON read_walks (quartier_id, starts_at, id) WHERE status <> 'draft';
-- Coverage of a year; the day range of the lists.
CREATE INDEX read_walks_year ON read_walks (year, quartier_id);
CREATE INDEX read_walks_day ON read_walks (day, starts_at, id) WHERE status <> 'draft';
-- The walks written so far are in the journal only: version 0 makes the next start rebuild the read models.
UPDATE read_models SET version = 0 WHERE name = 'journal';
