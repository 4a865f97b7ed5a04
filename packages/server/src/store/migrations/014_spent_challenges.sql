-- SPDX-License-Identifier: EUPL-1.2
-- Proof-of-work solutions already used for a public write (see
-- src/http/challenge.ts): a solution buys one write, so the second request
-- that brings it is refused. The primary key makes that hold across every
-- server of one database: of two servers given the same solution at once,
-- exactly one inserts it. Rows go once their challenge has expired (with a
-- margin for servers whose clocks disagree): past that, no server accepts it.
CREATE TABLE spent_challenges (
  signature  text        PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX spent_challenges_expires_at ON spent_challenges (expires_at);
