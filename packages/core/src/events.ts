// SPDX-License-Identifier: EUPL-1.2
/**
 * Domain events: every accepted command appends one or more of these to a
 * stream, and state is the fold of a stream. Names are facts, in the past tense.
 * Streams: `walk-<id>` (walk, its registrations and its report),
 * `observation-<id>`, `engagement-<id>`, `project-<id>` (a concerted project, its phases and
 * contributions) and `workshop-<id>` (a project's workshop and its registrations).
 */
import type { CalendarDay } from './time.js';
import type { EngagementId, ObservationId, OrganisationId, RegistrationId } from './ids.js';
import type { Engagement, ResidentAnswer } from './engagement/engagement.js';
import type { Observation, Severity } from './observation/observation.js';
import type { Registration, RegistrationFields, StaffActor } from './registration/registration.js';
import type { Report } from './report/report.js';
import type { Place, Walk, WalkDetails } from './walk/walk.js';
import type { ProjectEvent } from './project/project.events.js';
import type { WorkshopEvent } from './workshop/workshop.events.js';

export type * from './project/project.events.js';
export type * from './workshop/workshop.events.js';

/** The shape of every domain event: its name, when it happened (ISO 8601 with offset) and its data. */
export type EventShape<T extends string, D = Record<string, never>> = { readonly type: T; readonly at: string; readonly data: D };

/**
 * Who did a staff action (account, role, organisation), on the events staff cause; absent on a
 * person's own sign-up or cancellation, on what follows by itself (a promotion a cancellation
 * frees), and on events recorded before it was.
 */
export interface ByStaff {
  readonly by?: StaffActor;
}

export type WalkScheduled = EventShape<'WalkScheduled', { walk: Walk } & ByStaff>;
/** A draft's details set again before it is published (every one of them: an optional one absent is gone). */
export type WalkDraftEdited = EventShape<'WalkDraftEdited', { details: WalkDetails } & ByStaff>;
export type WalkPublished = EventShape<'WalkPublished', ByStaff>;
/** Registrations closed: by staff (`automatic: false`, with `by`), or at the deadline (`automatic: true`). */
export type RegistrationsClosed = EventShape<'RegistrationsClosed', { automatic: boolean } & ByStaff>;
export type WalkStarted = EventShape<'WalkStarted', ByStaff>;
export type WalkFinished = EventShape<'WalkFinished', ByStaff>;
export type WalkCancelled = EventShape<'WalkCancelled', { reason: string } & ByStaff>;
export type WalkRescheduled = EventShape<
  'WalkRescheduled',
  { startsAt: string; registrationDeadline: string; meetingPoint?: Place; reason?: string } & ByStaff
>;
/**
 * A sign-up: online by the person (`registration.channel` `online` or absent), or by staff for someone who phoned (`phone`, with `by`).
 * The registration events are the same in a walk's stream and in a workshop's (`R`: its registration type): one implementation.
 */
export type ParticipantRegistered<R extends RegistrationFields = Registration> = EventShape<
  'ParticipantRegistered',
  { registration: R; position?: number } & ByStaff
>;
/** Someone who turned up during the walk, registered by staff on the spot and present at once (`registration.channel` `walk-in`, status `attended`). */
export type WalkInRegistered<R extends RegistrationFields = Registration> = EventShape<'WalkInRegistered', { registration: R } & ByStaff>;
/** A cancellation: by the person, or by staff on their behalf (`by`, and the `reason` they gave, if any). */
export type RegistrationCancelled = EventShape<'RegistrationCancelled', { registrationId: RegistrationId; reason?: string } & ByStaff>;
/** Staff ended a sign-up, saying why (the person is told, in these words). */
export type RegistrationRemoved = EventShape<'RegistrationRemoved', { registrationId: RegistrationId; reason: string } & ByStaff>;
/**
 * A waitlisted person got a seat: freed by a cancellation (no `by`), or given by staff (`by`), beyond the
 * capacity when `overCapacityReason` says why.
 */
export type ParticipantPromoted = EventShape<
  'ParticipantPromoted',
  { registrationId: RegistrationId; overCapacityReason?: string } & ByStaff
>;
/** A confirmed person checked in during the walk, or a waitlisted one who came anyway. */
export type ParticipantCheckedIn = EventShape<'ParticipantCheckedIn', { registrationId: RegistrationId } & ByStaff>;
export type ParticipantMarkedAbsent = EventShape<'ParticipantMarkedAbsent', { registrationId: RegistrationId }>;
/** Names and contacts forgotten: the purge a year after the walk, or one person's erasure (by staff: `by`). */
export type PersonalDataPurged = EventShape<'PersonalDataPurged', { registrationIds: RegistrationId[] } & ByStaff>;
/** The compte-rendu drafted, validated, shared: by a coordinator (`by`). */
export type ReportDrafted = EventShape<'ReportDrafted', { report: Report } & ByStaff>;
export type ReportValidated = EventShape<'ReportValidated', { summary?: string } & ByStaff>;
export type ReportShared = EventShape<'ReportShared', { sharedOn: CalendarDay } & ByStaff>;
/** The coordinator edited the draft's texts or photos: each field given replaces the report's (`''` removes a text). */
export type ReportEdited = EventShape<
  'ReportEdited',
  Pick<Report, 'introduction' | 'stopNotes' | 'positivesNote' | 'nextSteps' | 'photos'> & ByStaff
>;

/** An observation: by anyone, or by staff during a walk (`by`: the session or token that sent it). */
export type ObservationRecorded = EventShape<'ObservationRecorded', { observation: Observation } & ByStaff>;
/** Triage (qualify, mark as duplicate, reject, resolve straight away): by staff (`by`); a resolution an engagement's completion causes names nobody. */
export type ObservationQualified = EventShape<
  'ObservationQualified',
  { organisationId: OrganisationId; severity: Severity; note?: string } & ByStaff
>;
export type ObservationMarkedDuplicate = EventShape<'ObservationMarkedDuplicate', { of: ObservationId; note?: string } & ByStaff>;
export type ObservationRejected = EventShape<'ObservationRejected', { reason: string } & ByStaff>;
export type ObservationCommitted = EventShape<'ObservationCommitted', { engagementId: EngagementId }>;
export type ObservationResolved = EventShape<'ObservationResolved', { engagementId?: EngagementId; note?: string } & ByStaff>;
/** The reporter's contact erased (a person's right to erasure, or the purge): by staff when staff asked (`by`). */
export type ReporterContactErased = EventShape<'ReporterContactErased', ByStaff>;
/** Regions of a photo blurred (a face, a plate) by staff (`by`): the stored photo was replaced, the original dropped. */
export type ObservationPhotoRedacted = EventShape<
  'ObservationPhotoRedacted',
  { photoId: string; regions: { x: number; y: number; width: number; height: number }[] } & ByStaff
>;

/** Every engagement event staff cause names who acted (`by`); the engagement's milestones show only its role and organisation. */
export type EngagementProposed = EventShape<'EngagementProposed', { engagement: Engagement } & ByStaff>;
export type EngagementAccepted = EventShape<
  'EngagementAccepted',
  { organisationId: OrganisationId; dueOn: CalendarDay; note?: string } & ByStaff
>;
export type EngagementStarted = EventShape<'EngagementStarted', { note?: string } & ByStaff>;
export type EngagementProgressed = EventShape<'EngagementProgressed', { percent: number; note?: string } & ByStaff>;
export type EngagementCompleted = EventShape<'EngagementCompleted', { note?: string } & ByStaff>;
export type EngagementVerified = EventShape<'EngagementVerified', { note?: string } & ByStaff>;
export type EngagementReopened = EventShape<'EngagementReopened', { reason: string } & ByStaff>;
export type EngagementAbandoned = EventShape<'EngagementAbandoned', { reason: string } & ByStaff>;
export type EngagementRescheduled = EventShape<'EngagementRescheduled', { dueOn: CalendarDay; reason: string } & ByStaff>;
/**
 * A participant of the engagement's walk answered « Est-ce réglé ? » from the personal link of their email. No `by`:
 * `voter` is a digest of that link, which names nobody; `replaces`: their earlier answer, which no longer counts.
 */
export type EngagementResidentAnswered = EventShape<
  'EngagementResidentAnswered',
  { voter: string; answer: ResidentAnswer; replaces?: ResidentAnswer }
>;

/** The events of a sign-up, in the stream of what it is to (a walk, a workshop): the shared registration implementation's. */
export type RegistrationEvent<R extends RegistrationFields = Registration> =
  | ParticipantRegistered<R>
  | WalkInRegistered<R>
  | RegistrationCancelled
  | RegistrationRemoved
  | ParticipantPromoted
  | ParticipantCheckedIn
  | ParticipantMarkedAbsent
  | PersonalDataPurged;

export type WalkEvent =
  | WalkScheduled
  | WalkDraftEdited
  | WalkPublished
  | RegistrationsClosed
  | WalkStarted
  | WalkFinished
  | WalkCancelled
  | WalkRescheduled
  | ParticipantRegistered
  | WalkInRegistered
  | RegistrationCancelled
  | RegistrationRemoved
  | ParticipantPromoted
  | ParticipantCheckedIn
  | ParticipantMarkedAbsent
  | PersonalDataPurged
  | ReportDrafted
  | ReportValidated
  | ReportEdited
  | ReportShared;

export type ObservationEvent =
  | ObservationRecorded
  | ObservationQualified
  | ObservationMarkedDuplicate
  | ObservationRejected
  | ObservationCommitted
  | ObservationResolved
  | ReporterContactErased
  | ObservationPhotoRedacted;

export type EngagementEvent =
  | EngagementProposed
  | EngagementAccepted
  | EngagementStarted
  | EngagementProgressed
  | EngagementCompleted
  | EngagementVerified
  | EngagementReopened
  | EngagementAbandoned
  | EngagementRescheduled
  | EngagementResidentAnswered;

export type DomainEvent = WalkEvent | ObservationEvent | EngagementEvent | ProjectEvent | WorkshopEvent;
export type DomainEventType = DomainEvent['type'];

/** An event as the store keeps it: with its stream, its version there, a global position. */
export type StoredEvent<T extends DomainEvent = DomainEvent> = T & {
  readonly stream: string;
  /** 1-based version within the stream. */
  readonly version: number;
  /** Global, increasing order across streams (for projections). */
  readonly position: number;
  /** The client id of the command that appended it, if any. */
  readonly clientId?: string;
};

export const streamOf = {
  walk: (id: string) => `walk-${id}`,
  observation: (id: string) => `observation-${id}`,
  engagement: (id: string) => `engagement-${id}`,
  project: (id: string) => `project-${id}`,
  workshop: (id: string) => `workshop-${id}`,
} as const;
