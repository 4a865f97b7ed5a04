-- SPDX-License-Identifier: EUPL-1.2
-- Positions from a sequence instead of the one-row counter every append
-- locked (appends to different streams no longer wait for each other's
-- commit). Positions still grow with every append, and within a stream they
-- grow with the version; but they are handed out before commit, so they may
-- commit out of order, and a rolled-back append leaves a gap. Readers that
-- follow the journal by position (the notifier, `readAll({ afterPosition })`)
-- therefore read only up to a safe high-water mark: the last position handed
-- out once every transaction that may hold a position up to it has ended
-- (see `committedPosition` in sql-store.ts). Each append takes its
-- transaction id before its positions, which that mark relies on.
CREATE SEQUENCE events_position_seq AS bigint;
SELECT setval('events_position_seq', (SELECT last FROM event_position) + 1, false);
DROP TABLE event_position;
-- The last position handed out (committed or not): where a follower that
-- starts "from now" sets its cursor.
CREATE VIEW event_position AS
  SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS last FROM events_position_seq;
