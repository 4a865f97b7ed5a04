// SPDX-License-Identifier: EUPL-1.2
import { toZonedISO } from '../dates.js';
import { foldEngagement, evolveEngagement, residentAnswerOf } from '../engagement/engagement.fold.js';
import { engagementRules, RESIDENT_ANSWERABLE, type EngagementContext, type EngagementEventName } from '../engagement/engagement.rules.js';
import { residentVerificationToken, residentVoter, verificationParticipants } from '../engagement/resident-verification.js';
import {
  AcceptEngagementInput,
  NoteInput,
  ProgressEngagementInput,
  ProposeEngagementInput,
  ReasonNoteInput,
  RescheduleEngagementInput,
  ResidentAnswerInput,
  type Engagement,
  type ResidentAnswer,
} from '../engagement/engagement.js';
import type { DomainEvent, EngagementEvent, EngagementResidentAnswered, ObservationCommitted, ObservationResolved } from '../events.js';
import { sameSecret } from '../internal/same-secret.js';
import { newId } from '../ids.js';
import { observationRules } from '../observation/observation.rules.js';
import type { Observation } from '../observation/observation.js';
import { ok, type Result } from '../result.js';
import { transition } from '../rules/transition.js';
import { validate } from '../validation.js';
import { observationStream } from './observations.js';
import { projectStream } from './project-streams.js';
import type { CommandOptions, Runtime, StreamKind } from './runtime.js';
import { staffByOf, walkStream, type StaffCommandOptions } from './walks.js';
import type * as z from 'zod/mini';

export const engagementStream: StreamKind<Engagement, EngagementEvent> = {
  prefix: 'engagement-',
  notFound: 'engagement.not-found',
  evolve: (state, events) => (state === undefined ? foldEngagement(events) : evolveEngagement(state, events)),
};

/**
 * Options of engagement commands: who acts ({@linkcode StaffCommandOptions}' `actor`, which each event
 * records as its `by` and the milestones show as role and organisation) and, for an organisation's staff,
 * their organisation.
 */
export interface EngagementCommandOptions extends StaffCommandOptions {
  /**
   * The organisation of the person acting. When set, only an engagement of
   * that organisation may be changed (`engagement.forbidden-organisation`).
   */
  readonly organisationId?: string | undefined;
}

/**
 * Commands on engagements opérationnels: `gusp.engagements`. Every command is
 * async, returns a `Result` and never throws for bad input or a refused rule.
 * With `options.organisationId`, an organisation may change only its own
 * engagements (`engagement.forbidden-organisation`).
 */
export interface EngagementCommands {
  /** Proposes an engagement; its observations, once qualified, become `committed`. */
  propose(input: ProposeEngagementInput, options?: StaffCommandOptions): Promise<Result<Engagement>>;
  /** An organisation takes the engagement on, with a due date (a calendar day of the city, not in the past). */
  accept(id: string, input: AcceptEngagementInput, options?: EngagementCommandOptions): Promise<Result<Engagement>>;
  /** Work starts. */
  start(id: string, input: NoteInput, options?: EngagementCommandOptions): Promise<Result<Engagement>>;
  /** A point d'étape: percent done and a note. */
  progress(id: string, input: ProgressEngagementInput, options?: EngagementCommandOptions): Promise<Result<Engagement>>;
  /** Done: the observations it committed are resolved with it (not those another engagement has committed). */
  complete(id: string, input?: NoteInput, options?: EngagementCommandOptions): Promise<Result<Engagement>>;
  /**
   * The coordinator (city staff) confirms it is done, with the walk's participants' answers in view; never an
   * organisation's staff (`engagement.organisation-cannot-verify`, for an organisation's `actor` or `organisationId`).
   */
  verify(id: string, input: NoteInput, options?: EngagementCommandOptions): Promise<Result<Engagement>>;
  /**
   * A participant of the engagement's walk answers « Est-ce réglé ? » (`yes`, `partly`, `no`) with the token of
   * their email's link (see `residentVerificationToken`): while it is done or verified (else
   * `engagement.not-awaiting-answers`); a token that is no participant's is `engagement.verification-link-not-found`.
   * One answer per person counts: a new one replaces theirs, the same one again changes nothing.
   */
  answer(id: string, input: ResidentAnswerInput, options?: CommandOptions): Promise<Result<Engagement>>;
  /**
   * What the page of a participant's link shows, changing nothing: the engagement and the answer this token gave
   * since it was last completed, if any; `engagement.verification-link-not-found` as `answer` refuses it.
   */
  residentQuestion(
    id: string,
    token: string,
    options?: CommandOptions,
  ): Promise<Result<{ readonly engagement: Engagement; readonly answer?: ResidentAnswer | undefined }>>;
  /** Back to work on a done or verified engagement (in progress again, at its last point d'étape's percent), with the reason. */
  reopen(id: string, input: ReasonNoteInput, options?: EngagementCommandOptions): Promise<Result<Engagement>>;
  /** Gives the engagement up before it is done, with the reason. */
  abandon(id: string, input: ReasonNoteInput, options?: EngagementCommandOptions): Promise<Result<Engagement>>;
  /** A new due date, with the reason. */
  reschedule(id: string, input: RescheduleEngagementInput, options?: EngagementCommandOptions): Promise<Result<Engagement>>;
  /** One engagement, or `engagement.not-found`. */
  get(id: string, options?: CommandOptions): Promise<Result<Engagement>>;
  /** Every engagement, in no particular order. */
  list(): Promise<Engagement[]>;
}

/** Makes {@linkcode EngagementCommands} over a runtime. */
export function engagementCommands(rt: Runtime): EngagementCommands {
  const { city } = rt;

  const byOf = (options?: StaffCommandOptions) => staffByOf(rt, options);

  /**
   * Applies an observation lifecycle event to each observation that accepts it
   * and that `concerns` (cross-stream follow-up). Runs with the command that
   * applied, never with a retry of it: a retry changes nothing.
   */
  const followObservations = async (
    ids: readonly string[],
    event: 'commit' | 'resolve',
    make: (now: Date) => DomainEvent,
    options?: CommandOptions,
    concerns: (obs: Observation) => boolean = () => true,
  ) => {
    for (const id of ids) {
      await rt.execute(
        observationStream,
        observationStream.prefix + id,
        (obs, now) =>
          obs && concerns(obs) && transition(observationRules, obs.status, event, { city, now }).ok ? ok([make(now)]) : ok([]),
        () => undefined,
        { locale: options?.locale },
      );
    }
  };

  /**
   * A command on an existing engagement: validates `input` with `schema`,
   * checks the acting organisation, runs the table, appends one event.
   */
  function change<S extends z.ZodMiniType, T extends EngagementEvent>(
    event: EngagementEventName,
    type: T['type'],
    schema: S,
    context: (input: z.infer<S>) => Partial<EngagementContext>,
    data: (input: z.infer<S>) => T['data'],
    followUp?: (e: Engagement, options?: CommandOptions) => Promise<void>,
  ) {
    return async (id: string, input: z.input<S>, options?: EngagementCommandOptions): Promise<Result<Engagement>> => {
      const result = await rt.execute(
        engagementStream,
        engagementStream.prefix + id,
        (e, now) => {
          const locale = rt.localeOf(options);
          if (!e) return rt.error('engagement.not-found', options, { engagementId: id });
          if (options?.organisationId !== undefined && e.organisationId !== undefined && e.organisationId !== options.organisationId) {
            return rt.error('engagement.forbidden-organisation', options, { organisationId: options.organisationId });
          }
          const parsed = validate(schema, input ?? {}, locale);
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          // Nor may an organisation hand an engagement to another one (accept names the organisation).
          const handedTo = (parsed.value as { organisationId?: string }).organisationId;
          if (options?.organisationId !== undefined && handedTo !== undefined && handedTo !== options.organisationId) {
            return rt.error('engagement.forbidden-organisation', options, { organisationId: options.organisationId });
          }
          // Who acts, for the guards that read it (an organisation never verifies): its role, or an organisation's.
          const actorRole = options?.actor?.role ?? (options?.organisationId !== undefined ? 'organisation' : undefined);
          const allowed = rt.rule(
            transition(engagementRules, e.status, event, { city, now, actorRole, ...context(parsed.value) }),
            options,
          );
          return allowed.ok ? ok([rt.event<T>(type, { ...data(parsed.value), ...by.value }, now)]) : allowed;
        },
        (e, _appended, replayed) => ({ engagement: e, replayed }),
        options,
      );
      if (!result.ok) return result;
      if (followUp && !result.value.replayed) await followUp(result.value.engagement, options);
      return ok(result.value.engagement);
    };
  }

  const note = (i: { note?: string | undefined }) => (i.note ? { note: i.note } : {});

  /**
   * The engagement whose walk's participant holds `token` (the token is compared with each asked person's, in
   * constant time, never looked up), or `engagement.verification-link-not-found`.
   */
  const askedWith = async (id: string, token: string, options?: CommandOptions): Promise<Result<Engagement>> => {
    const invalid = () => rt.error('engagement.verification-link-not-found', options, { engagementId: id });
    const engagement = (await rt.load(engagementStream, engagementStream.prefix + id)).state;
    if (engagement?.walkId === undefined || typeof token !== 'string') return invalid();
    const walk = (await rt.load(walkStream, walkStream.prefix + engagement.walkId)).state;
    let known = false;
    for (const r of verificationParticipants(walk?.registrations ?? []))
      known = sameSecret(token, residentVerificationToken(id, r)) || known;
    return known ? ok(engagement) : invalid();
  };

  /** Done: the observations it committed are resolved (not those another engagement has committed). */
  const complete = change(
    'complete',
    'EngagementCompleted',
    NoteInput,
    () => ({}),
    note,
    (e, options) =>
      followObservations(
        e.observationIds,
        'resolve',
        (now) => rt.event<ObservationResolved>('ObservationResolved', { engagementId: e.id }, now),
        options,
        (obs) => obs.status !== 'committed' || obs.engagementId === e.id,
      ),
  );

  return {
    /** Proposes an engagement; its observations, once qualified, become `committed`. */
    async propose(input: ProposeEngagementInput, options?: StaffCommandOptions): Promise<Result<Engagement>> {
      const locale = rt.localeOf(options);
      const parsed = validate(ProposeEngagementInput, input, locale);
      if (!parsed.ok) return parsed;
      const by = byOf(options);
      if (!by.ok) return by;
      const i = parsed.value;
      for (const observationId of i.observationIds) {
        const found = await rt.load(observationStream, observationStream.prefix + observationId);
        if (!found.state) return rt.error('observation.not-found', options, { observationId });
      }
      if (i.projectId !== undefined && !(await rt.load(projectStream, projectStream.prefix + i.projectId)).state) {
        return rt.error('project.not-found', options, { projectId: i.projectId });
      }
      const id = newId<'EngagementId'>();
      const result = await rt.execute(
        engagementStream,
        engagementStream.prefix + id,
        (_, now) => {
          const allowed = rt.rule(transition(engagementRules, 'none', 'propose', { city, now, ...i }), options);
          if (!allowed.ok) return allowed;
          const at = toZonedISO(now, city.timezone);
          const engagement: Engagement = {
            id,
            title: i.title,
            ...(i.description ? { description: i.description } : {}),
            quartierId: i.quartierId,
            ...(i.themeId ? { themeId: i.themeId } : {}),
            ...(i.organisationId ? { organisationId: i.organisationId } : {}),
            ...(i.walkId ? { walkId: i.walkId } : {}),
            ...(i.projectId ? { projectId: i.projectId } : {}),
            observationIds: i.observationIds,
            status: allowed.value,
            progress: 0,
            milestones: [],
            proposedAt: at,
            updatedAt: at,
          };
          return ok([rt.event('EngagementProposed', { engagement, ...by.value }, now)]);
        },
        (e, _appended, replayed) => ({ engagement: e, replayed }),
        options,
      );
      if (!result.ok) return result;
      // A retry gets the engagement first proposed (maybe under another id): it commits nothing more.
      if (!result.value.replayed) {
        await followObservations(
          i.observationIds,
          'commit',
          (now) => rt.event<ObservationCommitted>('ObservationCommitted', { engagementId: id }, now),
          options,
        );
      }
      return ok(result.value.engagement);
    },

    /** An organisation takes the engagement on, with a due date. */
    accept: change(
      'accept',
      'EngagementAccepted',
      AcceptEngagementInput,
      (i) => ({ organisationId: i.organisationId, dueOn: i.dueOn }),
      (i) => ({ organisationId: i.organisationId, dueOn: i.dueOn, ...note(i) }),
    ),
    start: change('start', 'EngagementStarted', NoteInput, () => ({}), note),
    /** A point d'étape: percent done and a note. */
    progress: change(
      'progress',
      'EngagementProgressed',
      ProgressEngagementInput,
      () => ({}),
      (i) => ({ percent: i.percent, ...note(i) }),
    ),
    /** Done: its committed observations are resolved with it. */
    complete: (id: string, input: z.input<typeof NoteInput> = {}, options?: EngagementCommandOptions): Promise<Result<Engagement>> =>
      complete(id, input, options),
    /** The coordinator confirms it is done, the participants' answers in view; never an organisation's staff. */
    verify: change('verify', 'EngagementVerified', NoteInput, () => ({}), note),

    async answer(id: string, input: ResidentAnswerInput, options?: CommandOptions): Promise<Result<Engagement>> {
      const parsed = validate(ResidentAnswerInput, input, rt.localeOf(options));
      if (!parsed.ok) return parsed;
      const { token, answer } = parsed.value;
      const asked = await askedWith(id, token, options);
      if (!asked.ok) return asked;
      const voter = residentVoter(token);
      return rt.execute(
        engagementStream,
        engagementStream.prefix + id,
        (e, now) => {
          if (!e) return rt.error('engagement.not-found', options, { engagementId: id });
          if (!RESIDENT_ANSWERABLE.includes(e.status)) return rt.error('engagement.not-awaiting-answers', options, { status: e.status });
          const replaces = residentAnswerOf(e, voter);
          if (replaces === answer) return ok([]);
          const data = replaces === undefined ? { voter, answer } : { voter, answer, replaces };
          return ok([rt.event<EngagementResidentAnswered>('EngagementResidentAnswered', data, now)]);
        },
        (e) => e,
        options,
      );
    },
    async residentQuestion(id: string, token: string, options?: CommandOptions) {
      const asked = await askedWith(id, token, options);
      if (!asked.ok) return asked;
      const answer = residentAnswerOf(asked.value, residentVoter(token));
      return ok(answer === undefined ? { engagement: asked.value } : { engagement: asked.value, answer });
    },

    /** Back to work on a done or verified engagement, at its last point d'étape's percent, with the reason. */
    reopen: change(
      'reopen',
      'EngagementReopened',
      ReasonNoteInput,
      (i) => ({ reason: i.reason }),
      (i) => ({ reason: i.reason }),
    ),
    abandon: change(
      'abandon',
      'EngagementAbandoned',
      ReasonNoteInput,
      (i) => ({ reason: i.reason }),
      (i) => ({ reason: i.reason }),
    ),
    /** A new due date, with the reason. */
    reschedule: change(
      'reschedule',
      'EngagementRescheduled',
      RescheduleEngagementInput,
      (i) => ({ reason: i.reason, dueOn: i.dueOn }),
      (i) => ({ dueOn: i.dueOn, reason: i.reason }),
    ),

    get: (id: string, options?: CommandOptions) => rt.get(engagementStream, id, options),
    list: () => rt.all(engagementStream),
  };
}
