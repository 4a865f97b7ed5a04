// SPDX-License-Identifier: EUPL-1.2
import { toZonedISO } from '../dates.js';
import { foldEngagement, evolveEngagement } from '../engagement/engagement.fold.js';
import { engagementRules, type EngagementContext, type EngagementEventName } from '../engagement/engagement.rules.js';
import {
  AcceptEngagementInput,
  NoteInput,
  ProgressEngagementInput,
  ProposeEngagementInput,
  ReasonNoteInput,
  RescheduleEngagementInput,
  type Engagement,
} from '../engagement/engagement.js';
import type { DomainEvent, EngagementEvent, ObservationCommitted, ObservationResolved } from '../events.js';
import { newId } from '../ids.js';
import { observationRules } from '../observation/observation.rules.js';
import type { Observation } from '../observation/observation.js';
import { ok, type Result } from '../result.js';
import { transition } from '../rules/transition.js';
import { validate } from '../validation.js';
import { observationStream } from './observations.js';
import type { CommandOptions, Runtime, StreamKind } from './runtime.js';
import { staffByOf, type StaffCommandOptions } from './walks.js';
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
  /** Residents confirm it is done (e.g. at the next walk). */
  verify(id: string, input: NoteInput, options?: EngagementCommandOptions): Promise<Result<Engagement>>;
  /** Back to work on a done engagement (in progress again), with the reason. */
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
          const allowed = rt.rule(transition(engagementRules, e.status, event, { city, now, ...context(parsed.value) }), options);
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
    /** Residents confirm it is done (e.g. at the next walk). */
    verify: change('verify', 'EngagementVerified', NoteInput, () => ({}), note),
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
