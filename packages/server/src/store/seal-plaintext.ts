// SPDX-License-Identifier: EUPL-1.2
/**
 * The one-time sealing of a database written before crypto-shredding
 * (migration 013): every event that still carries personal data in the clear
 * is rewritten sealed under a new key of its record, and every email of the
 * outbox under a key of its own. It runs inside the migration's transaction,
 * between 013 (which adds the columns) and 015 (which makes the journal
 * strictly append-only again and drops the outbox's plaintext columns), under
 * the in-place exception of migration 003, for the last time.
 *
 * Rewriting a row leaves the old one in the table's free space and WAL, so
 * {@linkcode migrate} follows a sealing with `VACUUM FULL` of both tables and
 * a checkpoint. What it cannot reach is said in docs/operators.md: WAL
 * segments not yet recycled and backups taken before.
 */
import { splitPersonal, PERSONAL_DATA } from '@gusp/core';
import { dedupDigest, sealEmail } from '../notify/outbox.js';
import type { SqlSession } from '../sql.js';
import { sealEventData, type NewKey } from './personal-keys.js';
import { serverSecret } from './secrets.js';

/** Seals what is still in the clear; returns how many events and emails it rewrote. */
export async function sealPlaintext(tx: SqlSession): Promise<{ events: number; emails: number }> {
  const pepper = await serverSecret(tx, 'erasure-pepper');
  await tx.query(`SELECT set_config('gusp.redacting', 'on', true)`);
  const { rows } = await tx.query<{ position: string; type: string; data: string }>(
    'SELECT position::text AS position, type, data::text AS data FROM events WHERE key_id IS NULL AND type = ANY($1::text[]) ORDER BY position',
    [Object.keys(PERSONAL_DATA)],
  );
  // Keys made in this pass: a later event of the same record (a removal) is sealed with its record's key.
  const keys = new Map<string, Uint8Array>();
  let events = 0;
  for (const row of rows) {
    const data = JSON.parse(row.data) as unknown;
    if (!splitPersonal(row.type, data)) continue;
    const made: NewKey[] = [];
    const sealed = sealEventData(row.type, data, pepper, keys, made);
    for (const k of made) {
      await tx.query(`INSERT INTO personal_keys (id, key, subject) VALUES ($1, decode($2, 'hex'), $3)`, [k.id, k.hex, k.subject]);
      keys.set(k.id, Buffer.from(k.hex, 'hex'));
    }
    await tx.query('UPDATE events SET data = $1::json, key_id = $2 WHERE position = $3::bigint', [sealed.json, sealed.keyId, row.position]);
    events++;
  }
  await tx.query(`SELECT set_config('gusp.redacting', 'off', true)`);

  const outbox = await tx.query<{ id: string; dedup_key: string; recipient: string; subject: string; body: string; ics: string | null }>(
    'SELECT id::text AS id, dedup_key, recipient, subject, body, ics FROM outbox WHERE sealed IS NULL ORDER BY id',
  );
  for (const r of outbox.rows) {
    const row = sealEmail(pepper, { recipient: r.recipient, subject: r.subject, body: r.body, ics: r.ics });
    await tx.query(`INSERT INTO personal_keys (id, key, subject) VALUES ($1, decode($2, 'hex'), $3)`, [row.keyId, row.hex, row.digest]);
    // The last error quoted the address, and says nothing the next attempt will not say again.
    await tx.query(
      'UPDATE outbox SET sealed = $1, key_id = $2, recipient_digest = $3, dedup_key = $4, last_error = NULL WHERE id = $5::bigint',
      [row.sealed, row.keyId, row.digest, dedupDigest(pepper, r.dedup_key), r.id],
    );
  }
  return { events, emails: outbox.rows.length };
}
