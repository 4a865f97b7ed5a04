// SPDX-License-Identifier: EUPL-1.2
/**
 * Domain events: every accepted command appends one or more of these to a
 * stream, and state is the fold of a stream. Names are facts, in the past tense.
 * Streams: `walk-<id>` (walk, its registrations and its report),
 * `observation-<id>`, `engagement-<id>`.
 */
import type { CalendarDay } from './time.js';
import type { EngagementId, ObservationId, OrganisationId, RegistrationId } from './ids.js';
import type { Engagement } from './engagement/engagement.js';
import type { Observation, Severity } from './observation/observation.js';
import type { Registration } from './registration/registration.js';
import type { Report } from './report/report.js';
import type { Place, Walk } from './walk/walk.js';

type E<T extends string, D = Record<string, never>> = { readonly type: T; readonly at: string; readonly data: D };

export type WalkScheduled = E<'WalkScheduled', { walk: Walk }>;
export type WalkPublished = E<'WalkPublished'>;
export type RegistrationsClosed = E<'RegistrationsClosed', { automatic: boolean }>;
export type WalkStarted = E<'WalkStarted'>;
export type WalkFinished = E<'WalkFinished'>;
export type WalkCancelled = E<'WalkCancelled', { reason: string }>;
export type WalkRescheduled = E<'WalkRescheduled', { startsAt: string; registrationDeadline: string; meetingPoint?: Place; reason?: string }>;
export type ParticipantRegistered = E<'ParticipantRegistered', { registration: Registration; position?: number }>;
export type RegistrationCancelled = E<'RegistrationCancelled', { registrationId: RegistrationId }>;
export type ParticipantPromoted = E<'ParticipantPromoted', { registrationId: RegistrationId }>;
export type ParticipantCheckedIn = E<'ParticipantCheckedIn', { registrationId: RegistrationId }>;
export type ParticipantMarkedAbsent = E<'ParticipantMarkedAbsent', { registrationId: RegistrationId }>;
export type PersonalDataPurged = E<'PersonalDataPurged', { registrationIds: RegistrationId[] }>;
export type ReportDrafted = E<'ReportDrafted', { report: Report }>;
export type ReportValidated = E<'ReportValidated', { summary?: string }>;
export type ReportShared = E<'ReportShared', { sharedOn: CalendarDay }>;

export type ObservationRecorded = E<'ObservationRecorded', { observation: Observation }>;
export type ObservationQualified = E<'ObservationQualified', { organisationId: OrganisationId; severity: Severity }>;
export type ObservationMarkedDuplicate = E<'ObservationMarkedDuplicate', { of: ObservationId }>;
export type ObservationRejected = E<'ObservationRejected', { reason: string }>;
export type ObservationCommitted = E<'ObservationCommitted', { engagementId: EngagementId }>;
export type ObservationResolved = E<'ObservationResolved', { engagementId?: EngagementId }>;
export type ReporterContactErased = E<'ReporterContactErased'>;

export type EngagementProposed = E<'EngagementProposed', { engagement: Engagement }>;
export type EngagementAccepted = E<'EngagementAccepted', { organisationId: OrganisationId; dueOn: CalendarDay; note?: string }>;
export type EngagementStarted = E<'EngagementStarted', { note?: string }>;
export type EngagementProgressed = E<'EngagementProgressed', { percent: number; note?: string }>;
export type EngagementCompleted = E<'EngagementCompleted', { note?: string }>;
export type EngagementVerified = E<'EngagementVerified', { note?: string }>;
export type EngagementReopened = E<'EngagementReopened', { reason: string }>;
export type EngagementAbandoned = E<'EngagementAbandoned', { reason: string }>;
export type EngagementRescheduled = E<'EngagementRescheduled', { dueOn: CalendarDay; reason: string }>;

export type WalkEvent =
  | WalkScheduled
  | WalkPublished
  | RegistrationsClosed
  | WalkStarted
  | WalkFinished
  | WalkCancelled
  | WalkRescheduled
  | ParticipantRegistered
  | RegistrationCancelled
  | ParticipantPromoted
  | ParticipantCheckedIn
  | ParticipantMarkedAbsent
  | PersonalDataPurged
  | ReportDrafted
  | ReportValidated
  | ReportShared;

export type ObservationEvent =
  | ObservationRecorded
  | ObservationQualified
  | ObservationMarkedDuplicate
  | ObservationRejected
  | ObservationCommitted
  | ObservationResolved
  | ReporterContactErased;

export type EngagementEvent =
  | EngagementProposed
  | EngagementAccepted
  | EngagementStarted
  | EngagementProgressed
  | EngagementCompleted
  | EngagementVerified
  | EngagementReopened
  | EngagementAbandoned
  | EngagementRescheduled;

export type DomainEvent = WalkEvent | ObservationEvent | EngagementEvent;
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
} as const;
