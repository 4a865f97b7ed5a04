// SPDX-License-Identifier: EUPL-1.2
/**
 * Staff bearer tokens. Roles:
 * - `coordinator`: everything;
 * - `agent`: records and qualifies observations, checks people in, reads registrations;
 * - `organisation`: updates its own organisation's engagements only.
 * A token is 32 random bytes (base64url) shown once; the database keeps its
 * SHA-256 (a random 256-bit secret needs no slow hash).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from './sql.js';

export const STAFF_ROLES = ['coordinator', 'agent', 'organisation'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Who makes a request: a bearer token (`tokenId`) or a person signed in (`accountId`, see
 * staff/sessions.ts); either way a role, and an organisation for the `organisation` role, which
 * every `access: { roles }` of the routes checks alike.
 */
export interface Staff {
  /** Set for a bearer token. */
  readonly tokenId?: string | undefined;
  /** Set for a session: the account of the person signed in (who acted, for the journal). */
  readonly accountId?: string | undefined;
  /** Set for a session. */
  readonly sessionId?: string | undefined;
  readonly role: StaffRole;
  /** Set for the `organisation` role. */
  readonly organisationId?: string | undefined;
}

const PREFIX = 'gusp_';
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export interface CreateTokenInput {
  readonly role: StaffRole;
  readonly organisationId?: string | undefined;
  readonly label?: string | undefined;
  /** Who created it: `account:<id>`, `token:<id>` or `cli`. */
  readonly createdBy?: string | undefined;
}

/** Creates a token and returns it: the only time it is ever seen in clear. */
export async function createToken(sql: Sql, input: CreateTokenInput): Promise<{ id: string; token: string }> {
  if (!STAFF_ROLES.includes(input.role)) throw new Error(`Unknown role: ${String(input.role)} (${STAFF_ROLES.join(', ')})`);
  if ((input.role === 'organisation') !== (input.organisationId !== undefined)) {
    throw new Error('--organisation is required with the organisation role, and only with it');
  }
  // Never a leading « - »: `gusp-server token revoke <id>` would read it as an option (one id in 64 did).
  let id = randomBytes(9).toString('base64url');
  while (id.startsWith('-')) id = randomBytes(9).toString('base64url');
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  await sql.query('INSERT INTO staff_tokens (id, token_sha256, role, organisation_id, label, created_by) VALUES ($1, $2, $3, $4, $5, $6)', [
    id,
    sha256(token),
    input.role,
    input.organisationId ?? null,
    input.label ?? null,
    input.createdBy ?? null,
  ]);
  return { id, token };
}

/** A token as listed (never the token itself: only its digest is kept). */
export interface TokenInfo {
  readonly id: string;
  readonly role: StaffRole;
  readonly organisationId?: string | undefined;
  readonly label: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** Every token, active first, then by creation. */
export async function listTokens(sql: Sql): Promise<TokenInfo[]> {
  const { rows } = await sql.query<{
    id: string;
    role: StaffRole;
    organisation_id: string | null;
    label: string | null;
    created_by: string | null;
    created_at: string | Date;
    revoked_at: string | Date | null;
  }>(
    'SELECT id, role, organisation_id, label, created_by, created_at, revoked_at FROM staff_tokens ORDER BY revoked_at IS NOT NULL, created_at, id',
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    ...(r.organisation_id === null ? {} : { organisationId: r.organisation_id }),
    label: r.label,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at).toISOString(),
  }));
}

/** Revokes a token by id; returns whether one was revoked. */
export async function revokeToken(sql: Sql, id: string): Promise<boolean> {
  const r = await sql.query('UPDATE staff_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
  return r.rowCount > 0;
}

/** The staff member behind an `Authorization: Bearer …` header, if the token is valid. */
export async function authenticate(sql: Sql, authorization: string | undefined): Promise<Staff | undefined> {
  const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(authorization ?? '');
  if (!match?.[1]?.startsWith(PREFIX)) return undefined;
  const { rows } = await sql.query<{ id: string; role: StaffRole; organisation_id: string | null }>(
    'SELECT id, role, organisation_id FROM staff_tokens WHERE token_sha256 = $1 AND revoked_at IS NULL',
    [sha256(match[1])],
  );
  const row = rows[0];
  return row ? { tokenId: row.id, role: row.role, ...(row.organisation_id ? { organisationId: row.organisation_id } : {}) } : undefined;
}
