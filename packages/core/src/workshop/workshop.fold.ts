// SPDX-License-Identifier: EUPL-1.2
import { evolveRegistrations, isRegistrationEvent } from '../registration/registration.fold.js';
import { targetOf } from '../rules/transition.js';
import type { WorkshopEvent } from './workshop.events.js';
import { workshopRules } from './workshop.rules.js';
import type { Workshop, WorkshopRegistration } from './workshop.js';

/** A workshop's stream folded: the workshop and its registrations, in sign-up order. */
export interface WorkshopAggregate {
  readonly workshop: Workshop;
  readonly registrations: readonly WorkshopRegistration[];
}

/**
 * Applies one event to a workshop: its own events here, its registrations' with the walk's very
 * fold (`evolveRegistrations`). Events are facts: no guard runs.
 */
export function evolveWorkshop(agg: WorkshopAggregate | undefined, event: WorkshopEvent): WorkshopAggregate | undefined {
  if (event.type === 'WorkshopScheduled') {
    return { workshop: { ...event.data.workshop, status: targetOf(workshopRules, 'none', 'schedule') }, registrations: [] };
  }
  if (!agg) return agg;
  if (isRegistrationEvent(event)) return { ...agg, registrations: evolveRegistrations(agg.registrations, event) };
  const at = event.at;
  const w = agg.workshop;
  const set = (change: Partial<Workshop>): WorkshopAggregate => ({ ...agg, workshop: { ...w, ...change, updatedAt: at } });
  switch (event.type) {
    case 'WorkshopDraftEdited': {
      const { description: _d, place: _p, institutionalSeats: _s, ...rest } = w;
      return { ...agg, workshop: { ...rest, ...event.data.details, updatedAt: at } };
    }
    case 'WorkshopPublished':
      return set({ status: targetOf(workshopRules, w.status, 'publish') });
    case 'RegistrationsClosed':
      return w.status === 'open' ? set({ status: targetOf(workshopRules, w.status, 'closeRegistrations') }) : agg;
    case 'WorkshopStarted':
      return set({ status: targetOf(workshopRules, w.status, 'start'), startedAt: at });
    case 'WorkshopFinished':
      return set({ status: targetOf(workshopRules, w.status, 'finish'), finishedAt: at });
    case 'WorkshopCancelled':
      return set({ status: targetOf(workshopRules, w.status, 'cancel'), cancelReason: event.data.reason, sequence: w.sequence + 1 });
    case 'WorkshopRescheduled':
      return set({
        startsAt: event.data.startsAt,
        registrationDeadline: event.data.registrationDeadline,
        ...(event.data.place ? { place: event.data.place } : {}),
        sequence: w.sequence + 1,
      });
    default:
      return agg;
  }
}

/** Folds a workshop's stream from its first event. */
export function foldWorkshop(events: readonly WorkshopEvent[]): WorkshopAggregate | undefined {
  let agg: WorkshopAggregate | undefined;
  for (const e of events) agg = evolveWorkshop(agg, e);
  return agg;
}
