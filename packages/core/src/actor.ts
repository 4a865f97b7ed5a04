// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { OrganisationId } from './ids.js';
import { noControlCharacters } from './text.js';

/**
 * Every role, in the order forms and reports list them. Plain data before the
 * schema, so the registration rules (which only ask `isInstitutional`) bundle without zod.
 */
export const ACTOR_ROLES = ['resident', 'association', 'professional', 'elected', 'landlord', 'proximity-agent', 'partner'] as const;

/** Who takes part: habitant, association, professionnel, élu, bailleur, agent de proximité, partenaire. */
export const ActorRole = /* @__PURE__ */ z.enum(ACTOR_ROLES);
export type ActorRole = z.infer<typeof ActorRole>;

/**
 * Institutional actors (élus, OPH, services, partners) have seats of their own:
 * they never take a resident's place on a walk.
 */
export const INSTITUTIONAL_ROLES: readonly ActorRole[] = ['professional', 'elected', 'landlord', 'proximity-agent', 'partner'];
export const isInstitutional = (role: ActorRole): boolean => INSTITUTIONAL_ROLES.includes(role);

/** A participant in GUSP, as a role and optional organisation. */
export const Actor = /* @__PURE__ */ z.object({
  role: ActorRole,
  name: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(120)),
  organisationId: /* @__PURE__ */ z.optional(OrganisationId),
});
export type Actor = z.infer<typeof Actor>;
