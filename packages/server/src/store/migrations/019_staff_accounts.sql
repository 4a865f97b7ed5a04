-- SPDX-License-Identifier: EUPL-1.2
-- Staff accounts, their passwordless sign-in and their sessions (src/staff/).
--
-- A staff member's email address and name are personal data, kept as the
-- registrations' are (src/store/personal-keys.ts): sealed (AES-256-GCM) under
-- the account's own key `staff:<id>` in `personal_keys`, whose `subject` is
-- the address's HMAC under the `erasure-pepper` secret. So a person's erasure
-- (`POST /api/privacy/erase`, which deletes the keys of that digest) makes the
-- account's address and name noise in the table, its WAL and its backups, the
-- same way as everything else about them; and no address is stored in clear.
-- `email_digest` is that same HMAC: sign-in finds the account by it (the
-- address typed is hashed, never looked up in clear). An account whose key is
-- gone cannot sign in (nobody to write to). Only one active account per
-- address; a deactivated one stays (who invited whom) and the address may be
-- invited again.
CREATE TABLE staff_accounts (
  id              text        PRIMARY KEY,
  email_digest    text        NOT NULL,
  -- `{ email, name }` sealed under the key `key_id` (`staff:<id>`).
  key_id          text        NOT NULL,
  sealed          text        NOT NULL,
  role            text        NOT NULL CHECK (role IN ('coordinator', 'agent', 'organisation')),
  organisation_id text,
  -- Who invited: `account:<id>`, `token:<id>`, or `cli`.
  invited_by      text        NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  deactivated_at  timestamptz,
  CONSTRAINT staff_accounts_organisation CHECK ((role = 'organisation') = (organisation_id IS NOT NULL))
);
CREATE UNIQUE INDEX staff_accounts_active_email ON staff_accounts (email_digest) WHERE deactivated_at IS NULL;

-- Sign-in links and codes (and invitation links): single use, short-lived.
-- Only SHA-256 digests are kept: the link's token is 32 random bytes; the
-- 6-digit code is hashed with the row's random id (a code alone has too few
-- values to hide; it is worth `attempts` tries within 15 minutes).
CREATE TABLE staff_sign_ins (
  id            text        PRIMARY KEY,
  account_id    text        NOT NULL REFERENCES staff_accounts (id),
  purpose       text        NOT NULL CHECK (purpose IN ('sign-in', 'invitation')),
  token_sha256  text        NOT NULL UNIQUE,
  code_sha256   text,
  attempts      integer     NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz
);
CREATE INDEX staff_sign_ins_account ON staff_sign_ins (account_id, created_at) WHERE used_at IS NULL;

-- Sessions: the cookie `gusp_session` holds 32 random bytes; the table keeps
-- their SHA-256. Idle expiry from `last_seen_at`, absolute at `expires_at`.
CREATE TABLE staff_sessions (
  id            text        PRIMARY KEY,
  token_sha256  text        NOT NULL UNIQUE,
  account_id    text        NOT NULL REFERENCES staff_accounts (id),
  -- How it was opened: `link`, `code`, `oidc`.
  method        text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz
);
CREATE INDEX staff_sessions_account ON staff_sessions (account_id) WHERE revoked_at IS NULL;

-- Tokens say who created them, as accounts do.
ALTER TABLE staff_tokens ADD COLUMN created_by text;
