-- SPDX-License-Identifier: EUPL-1.2
-- The read models of concerted projects and their workshops (issue 15; src/read/projects.ts,
-- src/read/workshops.ts): one row per stream, its latest state as the core folds it, written by
-- the read models' follower (016), so that no list, feed or reminder folds every project or
-- workshop. A workshop's `doc` is `{ workshop, counts, institutionalSeatsLeft? }`: its public
-- fields and the counts of its registrations (core `gatheringCounts`), never a registration. A
-- project's `doc` is `{ project, contributions }`: public fields (contributions name the staff
-- member who recorded them, never a resident). Drafts are kept; every public list leaves them out.
CREATE TABLE read_projects (
  id text COLLATE "C" PRIMARY KEY,
  quartier_id text COLLATE "C" NOT NULL,
  status text NOT NULL,
  landlord_id text COLLATE "C" NOT NULL,
  partner_ids text[] NOT NULL,
  created_ms bigint NOT NULL,
  updated_ms bigint NOT NULL,
  doc json NOT NULL
);
CREATE INDEX read_projects_list ON read_projects (created_ms, id);
CREATE TABLE read_workshops (
  id text COLLATE "C" PRIMARY KEY,
  project_id text COLLATE "C" NOT NULL,
  quartier_id text COLLATE "C" NOT NULL,
  status text NOT NULL,
  starts_at bigint NOT NULL,
  duration_minutes integer NOT NULL,
  registration_deadline bigint NOT NULL,
  updated_at bigint NOT NULL,
  doc json NOT NULL
);
CREATE INDEX read_workshops_public ON read_workshops (starts_at, id) WHERE status <> 'draft';
CREATE INDEX read_workshops_project ON read_workshops (project_id, starts_at, id);
CREATE INDEX read_workshops_quartier ON read_workshops (quartier_id, starts_at, id) WHERE status <> 'draft';
-- The projects and workshops written so far are in the journal only: version 0 makes the next start rebuild the read models.
UPDATE read_models SET version = 0 WHERE name = 'journal';
