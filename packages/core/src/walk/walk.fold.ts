// SPDX-License-Identifier: EUPL-1.2
import type { WalkEvent } from '../events.js';
import { evolveRegistrations } from '../registration/registration.fold.js';
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
    case 'ParticipantRegistered':
    case 'WalkInRegistered':
    case 'RegistrationCancelled':
    case 'ParticipantPromoted':
    case 'ParticipantCheckedIn':
    case 'ParticipantMarkedAbsent':
    case 'RegistrationRemoved':
    case 'PersonalDataPurged':
      return { ...agg, registrations: evolveRegistrations(agg.registrations, event) };
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
