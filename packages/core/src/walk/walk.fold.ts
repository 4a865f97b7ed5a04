// SPDX-License-Identifier: EUPL-1.2
import type { WalkEvent } from '../events.js';
import { registrationRules } from '../registration/registration.rules.js';
import type { Registration } from '../registration/registration.js';
import { reportRules } from '../report/report.rules.js';
import type { Report } from '../report/report.js';
import { targetOf } from '../rules/transition.js';
import { walkRules } from './walk.rules.js';
import type { Walk } from './walk.js';

/** Everything in a walk's stream: the walk, its registrations in sign-up order, its report. */
export interface WalkAggregate {
  readonly walk: Walk;
  readonly registrations: readonly Registration[];
  readonly report?: Report | undefined;
}

const anonymous = (): Partial<Registration> => ({
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

function updateRegistration(agg: WalkAggregate, id: string, at: string, change: (r: Registration) => Partial<Registration>): WalkAggregate {
  return {
    ...agg,
    registrations: agg.registrations.map((r) => (r.id === id ? { ...r, ...change(r), updatedAt: at } : r)),
  };
}

const registrationEvent = {
  RegistrationRemoved: 'remove',
  ParticipantCheckedIn: 'checkIn',
  ParticipantMarkedAbsent: 'markAbsent',
} as const;

const walkEvent = {
  WalkPublished: 'publish',
  RegistrationsClosed: 'closeRegistrations',
  WalkStarted: 'start',
  WalkFinished: 'finish',
} as const;

/** Applies one event of a walk stream. Events are facts: no guard runs here. */
export function evolveWalk(agg: WalkAggregate | undefined, event: WalkEvent): WalkAggregate {
  if (event.type === 'WalkScheduled') {
    return { walk: { ...event.data.walk, status: targetOf(walkRules, 'none', 'schedule') }, registrations: [] };
  }
  if (!agg) throw new Error(`Walk stream must start with WalkScheduled, got ${event.type}`);
  const { walk } = agg;
  const at = event.at;
  switch (event.type) {
    case 'WalkPublished':
    case 'RegistrationsClosed':
    case 'WalkStarted':
    case 'WalkFinished': {
      const status = targetOf(walkRules, walk.status, walkEvent[event.type]);
      const times = event.type === 'WalkStarted' ? { startedAt: at } : event.type === 'WalkFinished' ? { finishedAt: at } : {};
      return { ...agg, walk: { ...walk, ...times, status, updatedAt: at } };
    }
    case 'WalkDraftEdited': {
      const d = event.data.details;
      // Every detail from the event, the optional ones too: one absent there was removed.
      const details = {
        quartierId: d.quartierId,
        title: d.title,
        startsAt: d.startsAt,
        durationMinutes: d.durationMinutes,
        meetingPoint: d.meetingPoint,
        stops: d.stops,
        capacity: d.capacity,
        institutionalSeats: d.institutionalSeats,
        registrationDeadline: d.registrationDeadline,
        organiserIds: d.organiserIds,
      };
      return { ...agg, walk: { ...walk, ...details, status: targetOf(walkRules, walk.status, 'editDraft'), updatedAt: at } };
    }
    case 'WalkCancelled':
      return {
        ...agg,
        // A change the calendar event shows (STATUS:CANCELLED): a new SEQUENCE, or calendars keep the old event.
        walk: {
          ...walk,
          status: targetOf(walkRules, walk.status, 'cancel'),
          cancelReason: event.data.reason,
          sequence: walk.sequence + 1,
          updatedAt: at,
        },
      };
    case 'WalkRescheduled': {
      const { startsAt, registrationDeadline, meetingPoint } = event.data;
      const status = targetOf(walkRules, walk.status, 'reschedule');
      return {
        ...agg,
        walk: {
          ...walk,
          status,
          startsAt,
          registrationDeadline,
          meetingPoint: meetingPoint ?? walk.meetingPoint,
          sequence: walk.sequence + 1,
          updatedAt: at,
        },
      };
    }
    case 'ParticipantRegistered': {
      const r = event.data.registration;
      const status = targetOf(registrationRules, 'none', r.channel === 'phone' ? 'registerByStaff' : 'register', r.status);
      return { ...agg, registrations: [...agg.registrations, { ...r, channel: r.channel ?? 'online', status }] };
    }
    case 'WalkInRegistered': {
      const r = event.data.registration;
      return {
        ...agg,
        registrations: [...agg.registrations, { ...r, channel: 'walk-in', status: targetOf(registrationRules, 'none', 'walkIn') }],
      };
    }
    case 'RegistrationCancelled':
      return updateRegistration(agg, event.data.registrationId, at, (r) => ({
        status: targetOf(registrationRules, r.status, 'cancel'),
        ...(event.data.reason ? { cancelReason: event.data.reason } : {}),
      }));
    case 'ParticipantPromoted':
      return updateRegistration(agg, event.data.registrationId, at, (r) => ({
        status: targetOf(registrationRules, r.status, event.data.by ? 'promoteByStaff' : 'promote'),
        ...(event.data.overCapacityReason ? { overCapacityReason: event.data.overCapacityReason } : {}),
      }));
    case 'ParticipantCheckedIn':
    case 'ParticipantMarkedAbsent':
      return updateRegistration(agg, event.data.registrationId, at, (r) => ({
        status: targetOf(registrationRules, r.status, registrationEvent[event.type]),
      }));
    case 'RegistrationRemoved':
      return updateRegistration(agg, event.data.registrationId, at, (r) => ({
        status: targetOf(registrationRules, r.status, registrationEvent[event.type]),
        removalReason: event.data.reason,
      }));
    case 'PersonalDataPurged': {
      const ids = new Set<string>(event.data.registrationIds);
      return { ...agg, registrations: agg.registrations.map((r) => (ids.has(r.id) ? { ...r, ...anonymous(), updatedAt: at } : r)) };
    }
    case 'ReportDrafted': {
      const status = targetOf(reportRules, agg.report?.status ?? 'none', agg.report ? 'regenerate' : 'draft');
      return { ...agg, report: { ...event.data.report, status, summary: event.data.report.summary ?? agg.report?.summary } };
    }
    case 'ReportValidated': {
      const report = agg.report as Report;
      const status = targetOf(reportRules, report.status, 'validate');
      return { ...agg, report: { ...report, status, summary: event.data.summary ?? report.summary, validatedAt: at } };
    }
    case 'ReportEdited': {
      const { by: _by, ...edits } = event.data;
      return { ...agg, report: { ...(agg.report as Report), ...edits } };
    }
    case 'ReportShared': {
      const report = agg.report as Report;
      return {
        ...agg,
        walk: { ...walk, status: targetOf(walkRules, walk.status, 'shareReport'), updatedAt: at },
        report: { ...report, status: targetOf(reportRules, report.status, 'share'), sharedOn: event.data.sharedOn },
      };
    }
  }
}

/** The state of a walk stream: the fold of its events. */
export function foldWalk(events: readonly WalkEvent[]): WalkAggregate | undefined {
  let agg: WalkAggregate | undefined;
  for (const event of events) agg = evolveWalk(agg, event);
  return agg;
}

/** 1-based position on the waiting list, in sign-up order (FIFO). */
export function waitlistPosition(registrations: readonly Registration[], id: string): number | undefined {
  let position = 0;
  for (const r of registrations) {
    if (r.status !== 'waitlisted') continue;
    position++;
    if (r.id === id) return position;
  }
  return undefined;
}
