// SPDX-License-Identifier: EUPL-1.2
import { isInstitutional, type ActorRole } from '../actor.js';
import { instant } from '../dates.js';
import { defineRules, type EventOf } from '../rules/define-rules.js';
import type { Gathering } from './gathering.js';
import { REGISTRATION_STATUSES } from './registration-status.js';
import type { RegistrationFields } from './registration.js';

/** What the registration guards look at. */
export interface RegistrationContext {
  /** The walk or workshop signed up to, its status as people see it (deadline applied). */
  readonly gathering: Gathering;
  readonly registrations: readonly RegistrationFields[];
  readonly now: Date;
  /** The role whose seats are counted. */
  readonly role: ActorRole;
  /** For `register`: what the person gave. */
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  readonly consent?: boolean;
  /** For `remove`: the reason staff give. */
  readonly reason?: string | undefined;
  /** For `registerByStaff` and `promoteByStaff`: why staff seat the person beyond the walk's capacity, if they do. */
  readonly overCapacityReason?: string | undefined;
}

const OCCUPYING: readonly string[] = ['confirmed', 'attended'];

/** Seats taken in the pool of `role`: public, or institutional. */
export function seatsTaken(registrations: readonly RegistrationFields[], role: ActorRole): number {
  const institutional = isInstitutional(role);
  let n = 0;
  for (const r of registrations) if (OCCUPYING.includes(r.status) && isInstitutional(r.role) === institutional) n++;
  return n;
}

/** Seats left in the pool of `role` (`Infinity` for institutional seats without a limit). */
export function seatsLeft(gathering: Gathering, registrations: readonly RegistrationFields[], role: ActorRole): number {
  const pool = isInstitutional(role) ? (gathering.institutionalSeats ?? Number.POSITIVE_INFINITY) : gathering.capacity;
  return Math.max(0, pool - seatsTaken(registrations, role));
}

const normaliseEmail = (email: string | undefined) => (email ?? '').trim().toLowerCase();
const OPEN_FOR_CHANGES: readonly string[] = ['draft', 'open', 'closed'];
/** A published walk that has not started: staff may still sign someone up, deadline or not. */
const PUBLISHED_NOT_STARTED: readonly string[] = ['open', 'closed'];
/** Sign-ups that no longer hold an email: the person (or staff for them) may sign up again. */
const ENDED: readonly string[] = ['cancelled', 'removed'];

/**
 * The registration lifecycle. `register` is tried as `confirmed` first, then
 * `waitlisted`: the first whose guards pass wins, so "full" is a guard, not an if.
 * `remove` is staff ending a sign-up, with a reason; like `cancel`, it frees the seat
 * (staff cancelling on a person's behalf is `cancel` too, the same rule).
 *
 * What staff do for people (issue 13): `registerByStaff` signs up someone who phoned,
 * from publication to the start whatever the deadline, waitlisted when full unless staff
 * give a reason to go beyond the capacity; `walkIn` adds someone who turns up during the
 * walk, present at once, registrations closed or not; `promoteByStaff` seats a waitlisted
 * person (a free seat, or a reason); a waitlisted person who came is checked in.
 */
export const registrationRules = /* @__PURE__ */ defineRules({
  id: 'registration',
  states: REGISTRATION_STATUSES,
  events: ['register', 'registerByStaff', 'walkIn', 'cancel', 'remove', 'promote', 'promoteByStaff', 'checkIn', 'markAbsent'],
  on: {
    none: {
      register: [
        {
          target: 'confirmed',
          guard: { and: ['walkOpen', 'beforeDeadline', 'consentGiven', 'contactGiven', 'newEmail', 'seatAvailable'] },
        },
        { target: 'waitlisted', guard: { and: ['walkOpen', 'beforeDeadline', 'consentGiven', 'contactGiven', 'newEmail'] } },
      ],
      registerByStaff: [
        {
          target: 'confirmed',
          guard: {
            and: ['publishedNotStarted', 'consentGiven', 'contactGiven', 'newEmail', { or: ['seatAvailable', 'overCapacityReasonGiven'] }],
          },
        },
        { target: 'waitlisted', guard: { and: ['publishedNotStarted', 'consentGiven', 'contactGiven', 'newEmail'] } },
      ],
      walkIn: { target: 'attended', guard: { and: ['walkInDuringWalk', 'consentGiven', 'newEmail'] } },
    },
    confirmed: {
      cancel: { target: 'cancelled', guard: 'walkNotStarted' },
      remove: { target: 'removed', guard: { and: ['walkNotStarted', 'reasonGiven'] } },
      checkIn: { target: 'attended', guard: 'walkUnderway' },
      markAbsent: { target: 'absent' },
    },
    waitlisted: {
      cancel: { target: 'cancelled', guard: 'walkNotStarted' },
      remove: { target: 'removed', guard: { and: ['walkNotStarted', 'reasonGiven'] } },
      promote: { target: 'confirmed', guard: 'seatAvailable' },
      promoteByStaff: { target: 'confirmed', guard: { and: ['walkNotStarted', { or: ['seatAvailable', 'overCapacityReasonGiven'] }] } },
      checkIn: { target: 'attended', guard: 'walkUnderway' },
    },
  },
  guards: {
    walkOpen: { code: 'walk.registration-closed', check: (c: RegistrationContext) => c.gathering.status === 'open' },
    beforeDeadline: {
      code: 'walk.registration-closed',
      check: (c: RegistrationContext) => c.now.getTime() < instant(c.gathering.registrationDeadline),
      details: (c: RegistrationContext) => ({ deadline: c.gathering.registrationDeadline }),
    },
    consentGiven: { code: 'registration.consent-required', check: (c: RegistrationContext) => c.consent === true },
    contactGiven: {
      code: 'registration.contact-required',
      check: (c: RegistrationContext) => (c.email ?? '').trim() !== '' || (c.phone ?? '').trim() !== '',
    },
    newEmail: {
      code: 'registration.duplicate-email',
      check: (c: RegistrationContext) => {
        const email = normaliseEmail(c.email);
        return email === '' || !c.registrations.some((r) => !ENDED.includes(r.status) && normaliseEmail(r.email) === email);
      },
    },
    seatAvailable: { code: 'walk.full', check: (c: RegistrationContext) => seatsLeft(c.gathering, c.registrations, c.role) > 0 },
    walkNotStarted: { code: 'registration.walk-over', check: (c: RegistrationContext) => OPEN_FOR_CHANGES.includes(c.gathering.status) },
    reasonGiven: { code: 'registration.reason-required', check: (c: RegistrationContext) => (c.reason ?? '').trim().length > 0 },
    walkUnderway: { code: 'registration.walk-not-underway', check: (c: RegistrationContext) => c.gathering.status === 'in-progress' },
    publishedNotStarted: {
      code: 'registration.staff-sign-up-closed',
      check: (c: RegistrationContext) => PUBLISHED_NOT_STARTED.includes(c.gathering.status),
    },
    walkInDuringWalk: {
      code: 'registration.walk-in-not-underway',
      check: (c: RegistrationContext) => c.gathering.status === 'in-progress',
    },
    overCapacityReasonGiven: {
      code: 'registration.over-capacity-reason-required',
      check: (c: RegistrationContext) => (c.overCapacityReason ?? '').trim().length > 0,
    },
  },
});

export type RegistrationEventName = EventOf<typeof registrationRules>;
