// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { REGISTRATION_STATUSES } from './registration-status.js';
import { ActorRole } from '../actor.js';
import { DateTime } from '../time.js';
import { OrganisationId, RegistrationId, WalkId } from '../ids.js';
import { noControlCharacters } from '../text.js';

export const RegistrationStatus = /* @__PURE__ */ z.enum(REGISTRATION_STATUSES);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/** Needs to take part in a walk on foot. */
export const AccessibilityNeed = /* @__PURE__ */ z.enum([
  'mobility',
  'wheelchair',
  'visual',
  'hearing',
  'interpreter',
  'sign-language',
  'childcare',
  'other',
]);
export type AccessibilityNeed = z.infer<typeof AccessibilityNeed>;

/** Consent as recorded: which text, when. */
export const Consent = /* @__PURE__ */ z.object({ version: /* @__PURE__ */ z.string(), at: DateTime });
export type Consent = z.infer<typeof Consent>;

/** A phone number as people write it: digits, spaces, dots, dashes, a leading +. */
export const Phone = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.regex(/^\+?[0-9][0-9 .()-]{5,22}[0-9]$/));

/**
 * A sign-up to a walk. Personal data (name, email, phone, needs) lives here
 * and in optional reporter contacts only; it is purged after the walk.
 */
export const Registration = /* @__PURE__ */ z.object({
  id: RegistrationId,
  walkId: WalkId,
  name: /* @__PURE__ */ z.string(),
  email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  phone: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  role: ActorRole,
  organisationId: /* @__PURE__ */ z.optional(OrganisationId),
  needs: /* @__PURE__ */ z.array(AccessibilityNeed),
  needsNote: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  locale: /* @__PURE__ */ z.string(),
  consent: Consent,
  status: RegistrationStatus,
  /** Secret given at sign-up to cancel without an account. */
  cancelToken: /* @__PURE__ */ z.string(),
  registeredAt: DateTime,
  updatedAt: DateTime,
  /** Why staff removed the sign-up (status `removed`): written for the person, who is told it by email. */
  removalReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** Set once personal data has been purged: only role and status remain meaningful. */
  anonymised: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
});
export type Registration = z.infer<typeof Registration>;

/** What a person gives to sign up. Email or phone: one is required (a rule, with its own code). */
export const RegisterInput = /* @__PURE__ */ z.object({
  name: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(120)),
  email: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.union([
      /* @__PURE__ */ z.literal(''),
      /* @__PURE__ */ z.email().check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.maxLength(254)),
    ]),
  ),
  phone: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.union([/* @__PURE__ */ z.literal(''), Phone])),
  role: /* @__PURE__ */ z._default(ActorRole, 'resident'),
  organisationId: /* @__PURE__ */ z.optional(OrganisationId),
  needs: /* @__PURE__ */ z._default(/* @__PURE__ */ z.array(AccessibilityNeed).check(/* @__PURE__ */ z.maxLength(8)), []),
  needsNote: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(500)),
  ),
  /** Must be `true`; anything else is refused with `registration.consent-required`. */
  consent: /* @__PURE__ */ z.boolean(),
  locale: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/))),
});
export type RegisterInput = z.input<typeof RegisterInput>;

/**
 * Why staff remove a sign-up: required (`registration.reason-required`, a rule), at most 500
 * characters, no control characters. The person is told it by email, in these words.
 */
export const RemoveRegistrationInput = /* @__PURE__ */ z.object({
  reason: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(500)),
});
export type RemoveRegistrationInput = z.input<typeof RemoveRegistrationInput>;
