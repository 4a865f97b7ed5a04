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

/**
 * How a person signed up: on the city's site (`online`, also what a registration recorded
 * before this field existed is), by phone to staff (`phone`), or on the spot during the walk (`walk-in`).
 */
export const REGISTRATION_CHANNELS = ['online', 'phone', 'walk-in'] as const;
export const RegistrationChannel = /* @__PURE__ */ z.enum(REGISTRATION_CHANNELS);
export type RegistrationChannel = z.infer<typeof RegistrationChannel>;

/**
 * Consent as recorded: which text, when, and how: ticked by the person in a form (`via` absent),
 * or given orally to staff who signed them up (`via: 'staff'`, by phone or on the spot).
 */
export const Consent = /* @__PURE__ */ z.object({
  version: /* @__PURE__ */ z.string(),
  at: DateTime,
  via: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.literal('staff')),
});
export type Consent = z.infer<typeof Consent>;

/** A phone number as people write it: digits, spaces, dots, dashes, a leading +. */
export const Phone = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.regex(/^\+?[0-9][0-9 .()-]{5,22}[0-9]$/));

/**
 * What every sign-up holds, to a walk or to a project's workshop (a *gathering*): the person,
 * their needs and consent, the status the shared registration rules give it. Personal data
 * (name, email, phone, needs) lives here and in optional reporter contacts only; it is purged
 * after the gathering. {@linkcode Registration} adds the walk it belongs to.
 */
export const RegistrationFields = /* @__PURE__ */ z.object({
  id: RegistrationId,
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
  /** How the person signed up; absent (registrations from before it was recorded) means `online`. */
  channel: /* @__PURE__ */ z.optional(RegistrationChannel),
  /** Why staff seated the person beyond the walk's capacity, when they did (written about the person: forgotten with their name). */
  overCapacityReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** Why staff cancelled on the person's behalf, when they said (« a appelé : malade »; forgotten with their name). */
  cancelReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** Set once personal data has been purged: only role and status remain meaningful. */
  anonymised: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
});
export type RegistrationFields = z.infer<typeof RegistrationFields>;

/** A sign-up to a walk: {@linkcode RegistrationFields} and the walk's id. */
export const Registration = /* @__PURE__ */ z.extend(RegistrationFields, { walkId: WalkId });
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

const reasonText = () => /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(500));

/**
 * Seating someone beyond the walk's capacity, with the reason staff give: required (`field.required`
 * when empty), at most 500 characters, no control characters. Without it a full walk waitlists a
 * phone-in, and refuses to seat a waitlisted person (`registration.over-capacity-reason-required`).
 */
export const OverCapacity = /* @__PURE__ */ z.object({
  reason: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(500)),
});

/**
 * What staff give to sign up someone who phoned (`walks.registerByStaff`): what the person would
 * give online (email or phone: one is required; `consent` is the person's, given orally), and
 * `overCapacity` to seat them although the walk is full.
 */
export const StaffRegisterInput = /* @__PURE__ */ z.extend(RegisterInput, { overCapacity: /* @__PURE__ */ z.optional(OverCapacity) });
export type StaffRegisterInput = z.input<typeof StaffRegisterInput>;

/**
 * What staff give for someone who turns up during the walk (`walks.walkIn`): a name and the
 * person's oral consent; a contact is welcome (to send them the compte-rendu) but not required.
 */
export const WalkInInput = RegisterInput;
export type WalkInInput = z.input<typeof WalkInInput>;

/** Staff cancelling on a person's behalf (`walks.cancelOnBehalf`): why, optionally (kept with the registration; empty is none). */
export const CancelOnBehalfInput = /* @__PURE__ */ z.object({ reason: /* @__PURE__ */ z.optional(reasonText()) });
export type CancelOnBehalfInput = z.input<typeof CancelOnBehalfInput>;

/** Staff seating a waitlisted person (`walks.promoteByStaff`); `overCapacity` when no seat is free. */
export const PromoteInput = /* @__PURE__ */ z.object({ overCapacity: /* @__PURE__ */ z.optional(OverCapacity) });
export type PromoteInput = z.input<typeof PromoteInput>;

/** The staff roles, as the back office's accounts have them. */
export const STAFF_ROLES = ['coordinator', 'agent', 'organisation'] as const;

/**
 * Who did a staff action, as the journal records it (an event's `by`): the account, its role,
 * and its organisation for an organisation's staff. The server fills it from the session.
 */
export const StaffActor = /* @__PURE__ */ z.object({
  accountId: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(200)),
  role: /* @__PURE__ */ z.enum(STAFF_ROLES),
  organisationId: /* @__PURE__ */ z.optional(OrganisationId),
});
export type StaffActor = z.infer<typeof StaffActor>;
/** A {@linkcode StaffActor} as a caller gives it (plain strings for ids). */
export type StaffActorInput = z.input<typeof StaffActor>;
