// SPDX-License-Identifier: EUPL-1.2
/**
 * Crypto-shredding (migration 013): personal data reaches the database only
 * encrypted, each record (a registration, an observation's contact, an email
 * of the outbox) under its own random AES-256-GCM key kept in
 * `personal_keys`. Forgetting a record deletes its key, then rewrites that
 * table (`VACUUM FULL`) so the key's bytes leave its files: the ciphertext
 * left in the journal, its WAL and its free space is noise from then on. The
 * journal stays append-only, since nothing in it has to change.
 *
 * Why encrypt before the insert instead of redacting after it: PostgreSQL
 * keeps what it was given in its WAL segments and in the free space of its
 * pages (an UPDATE or DELETE leaves the old row behind until the page is
 * rewritten), and a backup copies all of it. Only bytes never written as
 * plaintext can be forgotten by forgetting a key.
 *
 * A person's erasure names an email address; the keys of that person's
 * records are found by `subject`, an HMAC-SHA256 of the address under the
 * `erasure-pepper` server secret (migration 012), so the table lists no
 * address. Which fields are personal is the core's table (`PERSONAL_DATA`).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { joinPersonal, splitPersonal, type SplitEvent } from '@gusp/core';
import type { Sql, SqlSession } from '../sql.js';
import { serverSecret } from './secrets.js';

/** Where an event's data keeps its sealed personal fields (no domain field starts with `$`). */
export const SEALED = '$sealed';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Bytes from the system's CSPRNG, drawn 4 kB at a time: each sign-up needs a key and an IV, and a
 * `randomBytes` call each cost 15–30 µs of a sign-up under load (one system call apiece), where
 * slicing a pool costs under one (nanoid draws its ids the same way). Each slice is copied out,
 * and no byte is handed out twice.
 */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let drawn = 0;
function randomFromPool(n: number): Buffer {
  if (drawn + n > pool.length) {
    pool = randomBytes(POOL_BYTES);
    drawn = 0;
  }
  const bytes = Buffer.from(pool.subarray(drawn, drawn + n));
  pool.fill(0, drawn, drawn + n);
  drawn += n;
  return bytes;
}

/** `value` as JSON, encrypted under `key`, bound to `context` (what it is the data of): base64 of iv, tag, ciphertext. */
export function seal(key: Uint8Array, context: string, value: unknown): string {
  const iv = randomFromPool(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** What {@linkcode seal} sealed; throws when the key, the context or the bytes are not those it sealed with. */
export function unseal(key: Uint8Array, context: string, sealed: string): unknown {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8'));
}

/** A new random key. */
export const newKey = (): Buffer => randomFromPool(32);

/** The erasure index of an address: HMAC-SHA256 under the pepper, of the address trimmed and lower-cased. */
export const emailDigest = (pepper: Uint8Array, email: string): string =>
  createHmac('sha256', pepper).update(email.trim().toLowerCase()).digest('base64url');

/** The pepper of the erasure index, read once per database handle (it never changes). */
const peppers = new WeakMap<object, Promise<Buffer>>();
export function erasurePepper(sql: Sql | SqlSession): Promise<Buffer> {
  let pepper = peppers.get(sql);
  if (!pepper) {
    pepper = serverSecret(sql, 'erasure-pepper');
    peppers.set(sql, pepper);
    pepper.catch(() => peppers.delete(sql));
  }
  return pepper;
}

/** A key to store with what it protects: its id, its bytes as hex (a query parameter), its subject. */
export interface NewKey {
  readonly id: string;
  readonly hex: string;
  readonly subject: string | null;
}

/** One event as the journal stores it: its data as JSON text and the key it needs, if any. */
export interface StoredData {
  readonly json: string;
  readonly keyId: string | null;
}

/**
 * An event's data as the journal will store it: its personal fields sealed under the key of their
 * record. An event that brings a record makes its key (in `made`, to insert in the same
 * statement); one that speaks of a record already kept uses `existing` (the caller loaded it), and
 * when that key is gone (the record was forgotten) the fields are written forgotten. `split` is
 * the event's `splitPersonal`, when the caller has it already.
 */
export function sealEventData(
  type: string,
  data: unknown,
  pepper: Uint8Array,
  existing: ReadonlyMap<string, Uint8Array>,
  made: NewKey[],
  split: SplitEvent | undefined = splitPersonal(type, data),
): StoredData {
  if (!split) return { json: JSON.stringify(data), keyId: null };
  let key: Uint8Array | undefined;
  if (split.brings) {
    const fresh = newKey();
    made.push({
      id: split.record,
      hex: fresh.toString('hex'),
      subject: split.email === undefined ? null : emailDigest(pepper, split.email),
    });
    key = fresh;
  } else key = existing.get(split.record);
  if (!key) return { json: JSON.stringify(joinPersonal(type, split.rest, undefined)), keyId: null };
  return { json: JSON.stringify({ ...split.rest, [SEALED]: seal(key, `${type}|${split.record}`, split.personal) }), keyId: split.record };
}

/**
 * The records whose existing keys sealing needs (events that speak of a record already kept), from
 * the events' splits (`splitPersonal`), which the caller then hands to {@linkcode sealEventData}.
 */
export function keysNeeded(splits: readonly (SplitEvent | undefined)[]): string[] {
  return splits.flatMap((split) => (split && !split.brings ? [split.record] : []));
}

/** The keys with these ids that still exist. */
export async function loadKeys(sql: SqlSession, ids: readonly string[]): Promise<Map<string, Uint8Array>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql.query<{ id: string; key: Uint8Array }>('SELECT id, key FROM personal_keys WHERE id = ANY($1::text[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.key]));
}

/**
 * An event's data as read: its personal fields unsealed with `key`, or, when the key is gone
 * (`null`: the record was erased or purged), in the forgotten form the core's fold gives.
 * Data without sealed fields (events that carry none, journals from before migration 013) is
 * returned as it is.
 */
export function openEventData(type: string, data: unknown, keyId: string | null, key: Uint8Array | null): unknown {
  if (typeof data !== 'object' || data === null || !(SEALED in data)) return data;
  const { [SEALED]: sealed, ...rest } = data as Record<string, unknown>;
  return joinPersonal(type, rest, key && keyId ? opened(type, keyId, key, sealed as string) : undefined);
}

/**
 * What was unsealed lately, by ciphertext (unique: a random IV each), as JSON. Reads fold a whole
 * stream on every command (a sign-up reads every registration of its walk): unsealing each is
 * ~6 µs, a JSON parse ~0.5 µs. Used only when the read found the key still there, so an erasure
 * by another server is seen at once; {@linkcode shredDeletedKeys} empties it in this process.
 * Bounded: the oldest entries go first.
 */
const OPENED_MAX = 20_000;
const openedCache = new Map<string, string>();
function opened(type: string, keyId: string, key: Uint8Array, sealed: string): Record<string, unknown> {
  const hit = openedCache.get(sealed);
  if (hit !== undefined) return JSON.parse(hit) as Record<string, unknown>;
  const personal = unseal(key, `${type}|${keyId}`, sealed) as Record<string, unknown>;
  if (openedCache.size >= OPENED_MAX) openedCache.delete(openedCache.keys().next().value as string);
  openedCache.set(sealed, JSON.stringify(personal));
  return personal;
}

/**
 * Deletes the keys of these records and those whose subject is this address's digest; returns
 * the ids deleted. Call {@linkcode shredDeletedKeys} after (once per batch): until then the key
 * bytes stay in the table's free space.
 */
export async function deleteKeys(sql: Sql, ids: readonly string[], email?: string): Promise<string[]> {
  const subject = email === undefined ? null : emailDigest(await erasurePepper(sql), email);
  if (ids.length === 0 && subject === null) return [];
  const { rows } = await sql.query<{ id: string }>('DELETE FROM personal_keys WHERE id = ANY($1::text[]) OR subject = $2 RETURNING id', [
    ids,
    subject,
  ]);
  return rows.map((r) => r.id);
}

/**
 * Rewrites `personal_keys` (and `extra` tables) so deleted rows leave their files, then asks for a
 * checkpoint so the data files, not only the WAL, hold the result. VACUUM FULL locks the table
 * while it copies the live rows: keys are small (one row of ~100 bytes per record), so this is
 * short, and appends wait for it rather than fail. CHECKPOINT needs a superuser or
 * `pg_checkpoint` (PostgreSQL 15+): without that right it is left to the next automatic one.
 */
export async function shredDeletedKeys(sql: Sql, extra: readonly ('events' | 'outbox')[] = []): Promise<void> {
  openedCache.clear();
  for (const table of ['personal_keys', ...extra]) await sql.exec(`VACUUM FULL ${table}`);
  try {
    await sql.exec('CHECKPOINT');
  } catch {
    // Not allowed to this role: the next automatic checkpoint writes it.
  }
}
