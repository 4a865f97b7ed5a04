// SPDX-License-Identifier: EUPL-1.2
/**
 * Proof of work for public writes, with ALTCHA (altcha-lib's v1 protocol, the one its widget
 * and every port speak): `GET /api/challenge` gives a salt, the SHA-256 of `salt + n` for a
 * secret `n` below `maxnumber`, and the HMAC of that hash; the client tries numbers until it
 * finds `n` and sends the solution back, as base64 JSON, in the `X-Altcha` header of its write.
 * One sign-up costs a browser a fraction of a second; sixty cost a script sixty times that.
 *
 * No third party and no cookie: the HMAC key is the database's `challenge-hmac` secret, so
 * every server of one database signs and checks alike, and each solution is spent once in
 * `spent_challenges` (migration 014), whose primary key decides between two servers given the
 * same one. The expiry travels in the signed salt (`?expires=`), so a solution is refused
 * after it even if the table was pruned.
 */
import type { GuspError } from '@gusp/core';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { Challenge, Payload } from 'altcha-lib/v1/types';
import type { Context } from 'hono';
import type { SqlSession } from '../sql.js';
import { serverSecret } from '../store/secrets.js';
import type { Env, RouteDeps } from './context.js';
import { serverError } from './errors.js';

/**
 * The default difficulty (`maxnumber`): the solver tries 25,000 SHA-256 on average, about a
 * quarter of a second on a recent phone and a few seconds on an old one.
 */
export const DEFAULT_PROOF_OF_WORK_MAX_NUMBER = 50_000;
/**
 * How long a challenge may be solved and sent: short, so a solution cannot be stockpiled; an
 * observation queued offline asks for a fresh one when it is finally sent.
 */
export const DEFAULT_CHALLENGE_TTL_SECONDS = 600;
/** Spent solutions are kept this long past their expiry: a server whose clock lags still refuses them. */
const PRUNE_GRACE_MS = 600_000;
const PRUNE_EVERY_MS = 60_000;
/** The header (and, for Open311, the form field `altcha`) that carries a solution. */
export const SOLUTION_HEADER = 'x-altcha';

export interface ProofOfWorkOptions {
  /** The difficulty: the secret number is drawn below it. */
  readonly maxNumber?: number | undefined;
  /** Seconds a challenge stays valid. */
  readonly ttlSeconds?: number | undefined;
  /** The clock of expiry (the real one by default). */
  readonly now?: (() => Date) | undefined;
}

/** Why a solution was refused, or `ok` (then it is spent). */
export type Verdict = 'ok' | 'missing' | 'invalid' | 'expired' | 'spent';

export interface ProofOfWork {
  readonly maxNumber: number;
  readonly ttlSeconds: number;
  /** A new challenge, in the ALTCHA widget's format. */
  challenge(): Promise<Challenge>;
  /** Checks a solution (the `X-Altcha` value) and, when good, spends it. */
  redeem(solution: string | undefined): Promise<Verdict>;
}

const HEX_64 = /^[0-9a-f]{64}$/;

/** The solution as sent, if it has the shape of one of ours: anything else is `invalid` without hashing. */
function parseSolution(text: string): Payload | undefined {
  if (text.length > 1000) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (payload === null || typeof payload !== 'object') return undefined;
  const p = payload as Record<string, unknown>;
  const ok =
    p.algorithm === 'SHA-256' &&
    typeof p.challenge === 'string' &&
    HEX_64.test(p.challenge) &&
    typeof p.signature === 'string' &&
    HEX_64.test(p.signature) &&
    typeof p.salt === 'string' &&
    p.salt.length <= 200 &&
    Number.isSafeInteger(p.number) &&
    (p.number as number) >= 0;
  return ok ? (p as unknown as Payload) : undefined;
}

/** Challenges signed with the database's key, solutions spent in its `spent_challenges`. */
export function proofOfWork(sql: SqlSession, options: ProofOfWorkOptions = {}): ProofOfWork {
  const maxNumber = options.maxNumber ?? DEFAULT_PROOF_OF_WORK_MAX_NUMBER;
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_CHALLENGE_TTL_SECONDS;
  if (!Number.isSafeInteger(maxNumber) || maxNumber < 1)
    throw new Error(`proof-of-work maxNumber must be a positive integer: ${maxNumber}`);
  const now = options.now ?? (() => new Date());
  let key: Promise<string> | undefined;
  // Read once per process (the secret never changes); a failed read is tried again next time.
  const hmacKey = () =>
    (key ??= serverSecret(sql, 'challenge-hmac').then(
      (bytes) => bytes.toString('hex'),
      (error: unknown) => {
        key = undefined;
        throw error;
      },
    ));
  let prunedAt = 0;
  return {
    maxNumber,
    ttlSeconds,
    async challenge() {
      return createChallenge({ hmacKey: await hmacKey(), maxnumber: maxNumber, expires: new Date(now().getTime() + ttlSeconds * 1000) });
    },
    async redeem(solution) {
      if (solution === undefined || solution.trim() === '') return 'missing';
      const payload = parseSolution(solution.trim());
      // Expiry is checked below, on our clock; the signature binds the salt that holds it.
      if (!payload || !(await verifySolution(payload, await hmacKey(), false))) return 'invalid';
      const expires = Number(extractParams(payload).expires);
      if (!Number.isSafeInteger(expires)) return 'invalid';
      const at = now().getTime();
      if (expires * 1000 <= at) return 'expired';
      if (at - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = at;
        await sql.query('DELETE FROM spent_challenges WHERE expires_at < $1', [new Date(at - PRUNE_GRACE_MS)]);
      }
      const { rows } = await sql.query(
        'INSERT INTO spent_challenges (signature, expires_at) VALUES ($1, $2) ON CONFLICT (signature) DO NOTHING RETURNING signature',
        [payload.signature, new Date(expires * 1000)],
      );
      return rows.length === 1 ? 'ok' : 'spent';
    },
  };
}

/**
 * The refusal of a public write without a good solution, or `undefined` when it may go on: the
 * server asks for none, the caller is staff (a valid token, or for Open311 a token as `api_key`),
 * or the solution (`solution`, else the `X-Altcha` header) is good, and is now spent. The
 * refusal names where a challenge is fetched, so a client solves and sends again.
 */
export async function checkProofOfWork(
  deps: RouteDeps,
  c: Context<Env>,
  from: { readonly solution?: string | undefined; readonly apiKey?: string | undefined } = {},
): Promise<GuspError | undefined> {
  const pow = deps.options.proofOfWork;
  if (!pow) return undefined;
  if ((await deps.whoIs(c)) !== undefined) return undefined;
  if (from.apiKey && (await deps.options.authenticate?.(`Bearer ${from.apiKey}`)) !== undefined) return undefined;
  const verdict = await pow.redeem(from.solution ?? c.req.header(SOLUTION_HEADER));
  if (verdict === 'ok') return undefined;
  const details = { challenge: `${deps.origin()}/api/challenge`, ...(verdict === 'missing' ? {} : { reason: verdict }) };
  return serverError(verdict === 'missing' ? 'request.challenge-required' : 'request.challenge-invalid', c.get('locale'), details);
}
