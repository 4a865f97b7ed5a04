// SPDX-License-Identifier: EUPL-1.2
import type { RegistrationEvent } from '../events.js';
import { targetOf } from '../rules/transition.js';
import { registrationRules } from './registration.rules.js';
import type { RegistrationFields } from './registration.js';

/** What a purge or an erasure forgets of a registration: everything that names or describes the person. */
const anonymous = (): Partial<RegistrationFields> => ({
  name: '',
  email: undefined,
  phone: undefined,
  needs: [],
  needsNote: undefined,
  cancelToken: '',
  // Written about the person: they go with their name.
  removalReason: undefined,
  overCapacityReason: undefined,
  cancelReason: undefined,
  anonymised: true,
});

const update = <R extends RegistrationFields>(
  registrations: readonly R[],
  id: string,
  at: string,
  change: (r: R) => Partial<RegistrationFields>,
): readonly R[] => registrations.map((r) => (r.id === id ? { ...r, ...change(r), updatedAt: at } : r));

const REGISTRATION_EVENT_TYPES: ReadonlySet<string> = new Set<RegistrationEvent['type']>([
  'ParticipantRegistered',
  'WalkInRegistered',
  'RegistrationCancelled',
  'RegistrationRemoved',
  'ParticipantPromoted',
  'ParticipantCheckedIn',
  'ParticipantMarkedAbsent',
  'PersonalDataPurged',
]);

/** Whether an event of a walk's or a workshop's stream is one of its registrations'. */
export const isRegistrationEvent = <E extends { readonly type: string }>(event: E): event is Extract<E, RegistrationEvent<never>> =>
  REGISTRATION_EVENT_TYPES.has(event.type);

/**
 * Applies one registration event to the sign-ups of a walk or a workshop, in sign-up order.
 * Events are facts: no guard runs here; the statuses come from the registration rules table.
 */
export function evolveRegistrations<R extends RegistrationFields>(registrations: readonly R[], event: RegistrationEvent<R>): readonly R[] {
  const at = event.at;
  switch (event.type) {
    case 'ParticipantRegistered': {
      const r = event.data.registration;
      const status = targetOf(registrationRules, 'none', r.channel === 'phone' ? 'registerByStaff' : 'register', r.status);
      return [...registrations, { ...r, channel: r.channel ?? 'online', status }];
    }
    case 'WalkInRegistered':
      return [...registrations, { ...event.data.registration, channel: 'walk-in', status: targetOf(registrationRules, 'none', 'walkIn') }];
    case 'RegistrationCancelled':
      return update(registrations, event.data.registrationId, at, (r) => ({
        status: targetOf(registrationRules, r.status, 'cancel'),
        ...(event.data.reason ? { cancelReason: event.data.reason } : {}),
      }));
    case 'ParticipantPromoted':
      return update(registrations, event.data.registrationId, at, (r) => ({
        status: targetOf(registrationRules, r.status, event.data.by ? 'promoteByStaff' : 'promote'),
        ...(event.data.overCapacityReason ? { overCapacityReason: event.data.overCapacityReason } : {}),
      }));
    case 'ParticipantCheckedIn':
      return update(registrations, event.data.registrationId, at, (r) => ({ status: targetOf(registrationRules, r.status, 'checkIn') }));
    case 'ParticipantMarkedAbsent':
      return update(registrations, event.data.registrationId, at, (r) => ({ status: targetOf(registrationRules, r.status, 'markAbsent') }));
    case 'RegistrationRemoved':
      return update(registrations, event.data.registrationId, at, (r) => ({
        status: targetOf(registrationRules, r.status, 'remove'),
        removalReason: event.data.reason,
      }));
    case 'PersonalDataPurged': {
      const ids = new Set<string>(event.data.registrationIds);
      return registrations.map((r) => (ids.has(r.id) ? { ...r, ...anonymous(), updatedAt: at } : r));
    }
  }
}

/** 1-based position on the waiting list, in sign-up order (FIFO). */
export function waitlistPosition(registrations: readonly RegistrationFields[], id: string): number | undefined {
  let position = 0;
  for (const r of registrations) {
    if (r.status !== 'waitlisted') continue;
    position++;
    if (r.id === id) return position;
  }
  return undefined;
}
