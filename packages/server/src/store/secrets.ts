// SPDX-License-Identifier: EUPL-1.2
/**
 * Named random secrets shared by every server of one database (migration 012).
 * The first server to ask for a name creates it; the others read the same
 * bytes, so two servers behind one load balancer sign and check alike.
 */
import { randomBytes } from 'node:crypto';
import type { SqlSession } from '../sql.js';

/** The names in use, so two features never share a secret by accident. */
export type SecretName = 'challenge-hmac' | 'erasure-pepper';

/** The 32 random bytes called `name`, created on first use. */
export async function serverSecret(sql: SqlSession, name: SecretName): Promise<Buffer> {
  await sql.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, randomBytes(32)]);
  const { rows } = await sql.query<{ value: Uint8Array }>('SELECT value FROM server_secrets WHERE name = $1', [name]);
  const value = rows[0]?.value;
  if (!value) throw new Error(`server secret ${name} could not be read`);
  return Buffer.from(value);
}
