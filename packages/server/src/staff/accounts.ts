// SPDX-License-Identifier: EUPL-1.2
/**
 * Staff accounts (migration 019): a person with an email address, a name, a role (coordinator,
 * agent, organisation + which) and who invited them. The address and the name are personal data:
 * sealed under the account's own key in `personal_keys` (see store/personal-keys.ts), found by the
 * address's HMAC, so a person's erasure reaches their account as it reaches their sign-ups.
 */
import { randomBytes } from 'node:crypto';
import type { StaffRole } from '../auth.js';
import type { Sql, SqlSession } from '../sql.js';
import { emailDigest, erasurePepper, newKey, seal, unseal } from '../store/personal-keys.js';

export interface StaffAccount {
  readonly id: string;
  /** `null` once the person was erased (their key is gone): the account cannot sign in any more. */
  readonly email: string | null;
  readonly name: string | null;
  readonly role: StaffRole;
  readonly organisationId?: string | undefined;
  /** `account:<id>`, `token:<id>` or `cli`. */
  readonly invitedBy: string;
  readonly createdAt: string;
  readonly deactivatedAt: string | null;
  /** When the person last opened a session (link, code or provider); `null`: never signed in. */
  readonly lastSignInAt: string | null;
}

/** A refusal of the staff module: a code of http/messages.ts and its details. */
export class StaffRefusal extends Error {
  constructor(
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'StaffRefusal';
  }
}

export interface InviteInput {
  readonly email: string;
  readonly name?: string | undefined;
  readonly role: StaffRole;
  readonly organisationId?: string | undefined;
  readonly invitedBy: string;
}

const keyIdOf = (id: string) => `staff:${id}`;
const context = (keyId: string) => `staff|${keyId}`;

interface AccountRow {
  id: string;
  key_id: string;
  sealed: string;
  key: Uint8Array | null;
  role: StaffRole;
  organisation_id: string | null;
  invited_by: string;
  created_at: string | Date;
  deactivated_at: string | Date | null;
  last_sign_in_at: string | Date | null;
}

const SELECT = `SELECT a.id, a.key_id, a.sealed, k.key, a.role, a.organisation_id, a.invited_by, a.created_at, a.deactivated_at,
    (SELECT max(s.created_at) FROM staff_sessions s WHERE s.account_id = a.id) AS last_sign_in_at
  FROM staff_accounts a LEFT JOIN personal_keys k ON k.id = a.key_id`;

const iso = (d: string | Date) => new Date(d).toISOString();

function accountOf(r: AccountRow): StaffAccount {
  const personal = r.key ? (unseal(r.key, context(r.key_id), r.sealed) as { email: string; name: string | null }) : undefined;
  return {
    id: r.id,
    email: personal?.email ?? null,
    name: personal?.name ?? null,
    role: r.role,
    ...(r.organisation_id === null ? {} : { organisationId: r.organisation_id }),
    invitedBy: r.invited_by,
    createdAt: iso(r.created_at),
    deactivatedAt: r.deactivated_at === null ? null : iso(r.deactivated_at),
    lastSignInAt: r.last_sign_in_at === null ? null : iso(r.last_sign_in_at),
  };
}

/** Whether an account may sign in: active, and its person not erased. */
export const isActive = (a: StaffAccount): boolean => a.deactivatedAt === null && a.email !== null;

/** Creates an account; `staff.email-taken` when an active account has this address. */
export async function createAccount(sql: Sql, input: InviteInput): Promise<StaffAccount> {
  const email = input.email.trim();
  const pepper = await erasurePepper(sql);
  const digest = emailDigest(pepper, email);
  const id = randomBytes(9).toString('base64url');
  const keyId = keyIdOf(id);
  const key = newKey();
  const name = input.name?.trim() || null;
  try {
    await sql.transaction(async (tx) => {
      await tx.query('INSERT INTO personal_keys (id, key, subject) VALUES ($1, $2, $3)', [keyId, key, digest]);
      await tx.query(
        'INSERT INTO staff_accounts (id, email_digest, key_id, sealed, role, organisation_id, invited_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [id, digest, keyId, seal(key, context(keyId), { email, name }), input.role, input.organisationId ?? null, input.invitedBy],
      );
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new StaffRefusal('staff.email-taken');
    throw e;
  }
  const created = await getAccount(sql, id);
  if (!created) throw new Error(`staff account ${id} vanished`);
  return created;
}

/** Every account, active first, then by creation. */
export async function listAccounts(sql: Sql | SqlSession): Promise<StaffAccount[]> {
  const { rows } = await sql.query<AccountRow>(`${SELECT} ORDER BY a.deactivated_at IS NOT NULL, a.created_at, a.id`);
  return rows.map(accountOf);
}

export async function getAccount(sql: Sql | SqlSession, id: string): Promise<StaffAccount | undefined> {
  const { rows } = await sql.query<AccountRow>(`${SELECT} WHERE a.id = $1`, [id]);
  return rows[0] ? accountOf(rows[0]) : undefined;
}

/** The active account of this address, if any (the address is hashed, never looked up in clear). */
export async function activeAccountByEmail(sql: Sql, email: string): Promise<StaffAccount | undefined> {
  const digest = emailDigest(await erasurePepper(sql), email);
  const { rows } = await sql.query<AccountRow>(`${SELECT} WHERE a.email_digest = $1 AND a.deactivated_at IS NULL`, [digest]);
  const account = rows[0] ? accountOf(rows[0]) : undefined;
  return account && isActive(account) ? account : undefined;
}

/** Changes an active account's role; `staff.account-not-found`, `staff.account-deactivated`. */
export async function setRole(sql: Sql, id: string, role: StaffRole, organisationId: string | undefined): Promise<StaffAccount> {
  const before = await getAccount(sql, id);
  if (!before) throw new StaffRefusal('staff.account-not-found');
  if (before.deactivatedAt !== null) throw new StaffRefusal('staff.account-deactivated');
  await sql.query('UPDATE staff_accounts SET role = $2, organisation_id = $3 WHERE id = $1', [id, role, organisationId ?? null]);
  return (await getAccount(sql, id)) ?? before;
}

/**
 * Deactivates an account: it cannot sign in any more, its sessions end and its pending links and
 * codes stop working, at once. Deactivating it again changes nothing.
 */
export async function deactivateAccount(sql: Sql, id: string): Promise<StaffAccount> {
  const before = await getAccount(sql, id);
  if (!before) throw new StaffRefusal('staff.account-not-found');
  await sql.transaction(async (tx) => {
    await tx.query('UPDATE staff_accounts SET deactivated_at = now() WHERE id = $1 AND deactivated_at IS NULL', [id]);
    await tx.query('UPDATE staff_sessions SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL', [id]);
    await tx.query('UPDATE staff_sign_ins SET used_at = now() WHERE account_id = $1 AND used_at IS NULL', [id]);
  });
  return (await getAccount(sql, id)) ?? before;
}
