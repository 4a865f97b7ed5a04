// SPDX-License-Identifier: EUPL-1.2
/**
 * Passwordless sign-in and sessions (migration 019).
 *
 * A sign-in is a link (32 random bytes) and, for the emailed kind, a 6-digit code: one row, valid
 * 15 minutes, used once (the first of link or code to be used spends both). A code is worth
 * {@linkcode MAX_CODE_ATTEMPTS} tries. Only digests are stored.
 *
 * A session is 32 random bytes in the `gusp_session` cookie; the table keeps their SHA-256. It ends
 * after {@linkcode SESSION_IDLE_MS} without a request, {@linkcode SESSION_ABSOLUTE_MS} after it was
 * opened, on sign-out, or when its account is deactivated. Its CSRF token is an HMAC of the cookie's
 * secret: the server recomputes it from the cookie (nothing more to store) and a page can learn it
 * only from `GET /api/staff/me`, which a cross-site page cannot read.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Staff, StaffRole } from '../auth.js';
import type { Sql } from '../sql.js';

/** How long an emailed sign-in link or code works. */
export const SIGN_IN_MS = 15 * 60_000;
/** How long an invitation's link works. */
export const INVITATION_MS = 7 * 86_400_000;
/** Wrong codes before a sign-in is spent. */
export const MAX_CODE_ATTEMPTS = 5;
/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 8 * 3_600_000;
/** …and this long after it was opened, whatever happens. */
export const SESSION_ABSOLUTE_MS = 7 * 86_400_000;
/** `last_seen_at` is written at most this often (not on every request). */
const TOUCH_MS = 60_000;

export const SESSION_COOKIE = 'gusp_session';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const codeDigest = (id: string, code: string) => sha256(`${id}|${code}`);
const random = () => randomBytes(32).toString('base64url');

/** The staff member of a session: `accountId` and `sessionId` set, no `tokenId`. */
export interface SessionStaff extends Staff {
  readonly accountId: string;
  readonly sessionId: string;
  readonly csrfToken: string;
}

/** The CSRF token of a session, from the cookie's secret. */
export const csrfTokenOf = (sessionToken: string) => createHmac('sha256', sessionToken).update('gusp-csrf').digest('base64url');

/** Whether two strings are equal, in a time that does not tell where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface NewSignIn {
  readonly token: string;
  /** Only for an emailed sign-in (an invitation has its link only). */
  readonly code?: string | undefined;
  readonly expiresAt: string;
}

/** A new single-use sign-in for an account: its link's token and (for `sign-in`) a 6-digit code. */
export async function createSignIn(sql: Sql, accountId: string, purpose: 'sign-in' | 'invitation'): Promise<NewSignIn> {
  const id = randomBytes(9).toString('base64url');
  const token = random();
  const code = purpose === 'sign-in' ? String(randomInt(0, 1_000_000)).padStart(6, '0') : undefined;
  const ms = purpose === 'sign-in' ? SIGN_IN_MS : INVITATION_MS;
  const { rows } = await sql.query<{ expires_at: string | Date }>(
    `INSERT INTO staff_sign_ins (id, account_id, purpose, token_sha256, code_sha256, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + ($6::double precision * interval '1 millisecond')) RETURNING expires_at`,
    [id, accountId, purpose, sha256(token), code === undefined ? null : codeDigest(id, code), ms],
  );
  return { token, ...(code === undefined ? {} : { code }), expiresAt: new Date(rows[0]?.expires_at ?? Date.now()).toISOString() };
}

/** Spends a link: the account it signs in, or `undefined` (unknown, used, expired). */
export async function useSignInToken(sql: Sql, token: string): Promise<string | undefined> {
  const { rows } = await sql.query<{ account_id: string }>(
    'UPDATE staff_sign_ins SET used_at = now() WHERE token_sha256 = $1 AND used_at IS NULL AND expires_at > now() RETURNING account_id',
    [sha256(token)],
  );
  return rows[0]?.account_id;
}

/**
 * Spends a code of this account's pending emailed sign-ins: whether it matched. A wrong code counts
 * against every pending sign-in of the account (each is spent after {@linkcode MAX_CODE_ATTEMPTS}).
 */
export async function useSignInCode(sql: Sql, accountId: string, code: string): Promise<boolean> {
  const { rows } = await sql.query<{ id: string; code_sha256: string }>(
    `SELECT id, code_sha256 FROM staff_sign_ins WHERE account_id = $1 AND code_sha256 IS NOT NULL AND used_at IS NULL
       AND expires_at > now() AND attempts < $2 ORDER BY created_at DESC LIMIT 5`,
    [accountId, MAX_CODE_ATTEMPTS],
  );
  const match = rows.find((r) => sameSecret(r.code_sha256, codeDigest(r.id, code)));
  if (match) {
    const spent = await sql.query('UPDATE staff_sign_ins SET used_at = now() WHERE id = $1 AND used_at IS NULL', [match.id]);
    return spent.rowCount > 0;
  }
  if (rows.length > 0)
    await sql.query('UPDATE staff_sign_ins SET attempts = attempts + 1 WHERE id = ANY($1::text[])', [rows.map((r) => r.id)]);
  return false;
}

export interface OpenedSession {
  readonly id: string;
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** Opens a session for an account: its cookie's secret (shown once) and its CSRF token. */
export async function openSession(sql: Sql, accountId: string, method: 'link' | 'code' | 'oidc'): Promise<OpenedSession> {
  const id = randomBytes(9).toString('base64url');
  const token = random();
  const { rows } = await sql.query<{ expires_at: string | Date }>(
    `INSERT INTO staff_sessions (id, token_sha256, account_id, method, expires_at)
     VALUES ($1, $2, $3, $4, now() + ($5::double precision * interval '1 millisecond')) RETURNING expires_at`,
    [id, sha256(token), accountId, method, SESSION_ABSOLUTE_MS],
  );
  return { id, token, csrfToken: csrfTokenOf(token), expiresAt: new Date(rows[0]?.expires_at ?? Date.now()).toISOString() };
}

/** The staff member of a session cookie, if the session is alive and its account active. */
export async function authenticateSession(sql: Sql, token: string, idleMs = SESSION_IDLE_MS): Promise<SessionStaff | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const { rows } = await sql.query<{
    id: string;
    account_id: string;
    role: StaffRole;
    organisation_id: string | null;
    seen_ms: string | number;
  }>(
    `SELECT s.id, s.account_id, a.role, a.organisation_id, extract(epoch FROM now() - s.last_seen_at) * 1000 AS seen_ms
       FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id
       JOIN personal_keys k ON k.id = a.key_id
      WHERE s.token_sha256 = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND a.deactivated_at IS NULL
        AND s.last_seen_at > now() - ($2::double precision * interval '1 millisecond')`,
    [sha256(token), idleMs],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (Number(row.seen_ms) > TOUCH_MS) await sql.query('UPDATE staff_sessions SET last_seen_at = now() WHERE id = $1', [row.id]);
  return {
    accountId: row.account_id,
    sessionId: row.id,
    csrfToken: csrfTokenOf(token),
    role: row.role,
    ...(row.organisation_id === null ? {} : { organisationId: row.organisation_id }),
  };
}

/** Ends a session; whether it was alive. */
export async function revokeSession(sql: Sql, sessionId: string): Promise<boolean> {
  const r = await sql.query('UPDATE staff_sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [sessionId]);
  return r.rowCount > 0;
}
