-- SPDX-License-Identifier: EUPL-1.2
-- Crypto-shredding (see src/store/personal-keys.ts). Personal data reaches
-- the database only encrypted, each record (registration, observation
-- contact, email) under its own random key kept here; forgetting a record
-- deletes its key, then VACUUM FULL rewrites this small table so the key's
-- bytes leave its files. What the journal and the outbox keep of the record
-- is ciphertext, unreadable from then on, in the table, its WAL and its free
-- space alike.
--
-- `id` names the record (`registration:<id>`, `observation:<id>`,
-- `email:<random>`). `subject` is an HMAC-SHA256 of the email address the
-- record is about, under the `erasure-pepper` server secret: a person's
-- erasure finds their keys by it, and no address is stored. NULL when the
-- record has no address (a sign-up by phone only).
CREATE TABLE personal_keys (
  id         text        PRIMARY KEY,
  key        bytea       NOT NULL CHECK (octet_length(key) = 32),
  subject    text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personal_keys_subject ON personal_keys (subject) WHERE subject IS NOT NULL;

-- The key an event's sealed personal fields need (NULL: the event carries none).
ALTER TABLE events ADD COLUMN key_id text;

-- The outbox keeps its emails sealed: `sealed` holds recipient, subject, body
-- and calendar under the key `key_id`; `recipient_digest` is the address's
-- HMAC (a person's export and erasure find their emails by it); `dedup_key`
-- becomes an HMAC too (it named the recipient); `last_error` is sealed (a
-- mail server's refusal quotes the address). The plaintext columns go in
-- migration 015, once the rows written before this one are sealed.
ALTER TABLE outbox ADD COLUMN key_id text;
ALTER TABLE outbox ADD COLUMN recipient_digest text;
ALTER TABLE outbox ADD COLUMN sealed text;
CREATE INDEX outbox_recipient_digest ON outbox (recipient_digest);
