// SPDX-License-Identifier: EUPL-1.2
/**
 * Who acted, for the journal: the staff member behind a request (`deps.whoIs`: a session or an
 * API token) as the core's {@linkcode StaffActorInput}, which a staff command stamps on the events
 * it appends as their `by` (account, role, organisation). Every staff write passes it, so a
 * timeline can say who checked someone in, who cancelled for whom.
 */
import type { StaffActorInput, StaffCommandOptions } from '@gusp/core';
import type { Context } from 'hono';
import type { Staff } from '../auth.js';
import type { Env, RouteDeps } from './context.js';

/** How a token is named where an account would be: `token:<id>` (its id in `staff_tokens`, never the secret). */
export const tokenAccount = (tokenId: string) => `token:${tokenId}`;

/**
 * A staff member as the core's actor. A session names its account (`accountId`, the id of
 * `staff_accounts`). An API token has no account: its **token id** stands for one, written
 * `token:<id>` (as the accounts and tokens tables write `createdBy`), so the journal tells a
 * machine from a person and says which token it was (`gusp-server token list` shows its label).
 */
export function staffActor(who: Staff): StaffActorInput {
  return {
    accountId: who.accountId ?? tokenAccount(who.tokenId ?? 'unknown'),
    role: who.role,
    ...(who.organisationId === undefined ? {} : { organisationId: who.organisationId }),
  };
}

/**
 * The actor of the request: its staff member (the session, else the bearer token, looked up once
 * per request by `whoIs`) as {@linkcode staffActor} makes it; `undefined` for an anonymous request
 * (a staff route's access check refused it before its handler runs).
 */
export async function actorOf(c: Context<Env>, deps: Pick<RouteDeps, 'whoIs'>): Promise<StaffActorInput | undefined> {
  const who = await deps.whoIs(c);
  return who === undefined ? undefined : staffActor(who);
}

/**
 * The options of a staff command: `commandOptions(c, scope)` (the language, the scoped
 * Idempotency-Key) and the request's actor.
 */
export async function staffCommandOptions(
  c: Context<Env>,
  deps: Pick<RouteDeps, 'whoIs' | 'commandOptions'>,
  scope: string,
): Promise<StaffCommandOptions> {
  const options = deps.commandOptions(c, scope);
  const actor = await actorOf(c, deps);
  return actor === undefined ? options : { ...options, actor };
}
