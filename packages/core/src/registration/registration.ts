// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { ActorRole } from '../actor.js';
import { DateTime } from '../time.js';
import { OrganisationId, RegistrationId, WalkId } from '../ids.js';

export const RegistrationStatus = /* @__PURE__ */ z.enum(['confirmed', 'waitlisted', 'cancelled', 'attended', 'absent']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/** Needs to take part in a walk on foot. */
export const AccessibilityNeed = /* @__PURE__ */ z.enum(['mobility', 'wheelchair', 'visual', 'hearing', 'interpreter', 'sign-language', 'childcare', 'other']);
export type AccessibilityNeed = z.infer<typeof AccessibilityNeed>;

/** Consent as recorded: which text, when. */
export const Consent = /* @__PURE__ */ z.object({ version: z.string(), at: DateTime });
export type Consent = z.infer<typeof Consent>;

/** A phone number as people write it: digits, spaces, dots, dashes, a leading +. */
export const Phone = /* @__PURE__ */ z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 .()-]{5,22}[0-9]$/));

/**
 * A sign-up to a walk. Personal data (name, email, phone, needs) lives here
 * and in optional reporter contacts only; it is purged after the walk.
 */
export const Registration = /* @__PURE__ */ z.object({
  id: RegistrationId,
  walkId: WalkId,
  name: z.string(),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  role: ActorRole,
  organisationId: z.optional(OrganisationId),
  needs: z.array(AccessibilityNeed),
  needsNote: z.optional(z.string()),
  locale: z.string(),
  consent: Consent,
  status: RegistrationStatus,
  /** Secret given at sign-up to cancel without an account. */
  cancelToken: z.string(),
  registeredAt: DateTime,
  updatedAt: DateTime,
  /** Set once personal data has been purged: only role and status remain meaningful. */
  anonymised: z.optional(z.boolean()),
});
export type Registration = z.infer<typeof Registration>;

/** What a person gives to sign up. Email or phone: one is required (a rule, with its own code). */
export const RegisterInput = /* @__PURE__ */ z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  email: z.optional(z.union([z.literal(''), z.email().check(z.trim(), z.maxLength(254))])),
  phone: z.optional(z.union([z.literal(''), Phone])),
  role: z._default(ActorRole, 'resident'),
  organisationId: z.optional(OrganisationId),
  needs: z._default(z.array(AccessibilityNeed).check(z.maxLength(8)), []),
  needsNote: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  /** Must be `true`; anything else is refused with `registration.consent-required`. */
  consent: z.boolean(),
  locale: z.optional(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/))),
});
export type RegisterInput = z.input<typeof RegisterInput>;
