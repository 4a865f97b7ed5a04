// SPDX-License-Identifier: EUPL-1.2
import { nanoid } from 'nanoid';
import type * as z from 'zod/mini';
import { toZonedISO } from '../dates.js';
import type {
  ParticipantMarkedAbsent,
  ParticipantPromoted,
  ParticipantCheckedIn,
  ParticipantRegistered,
  PersonalDataPurged,
  RegistrationCancelled,
  RegistrationRemoved,
  RegistrationsClosed,
  WalkCancelled,
  WalkDraftEdited,
  WalkEvent,
  WalkFinished,
  WalkInRegistered,
  WalkPublished,
  WalkRescheduled,
  WalkScheduled,
  WalkStarted,
} from '../events.js';
import { newId } from '../ids.js';
import { registrationRules, type RegistrationContext } from '../registration/registration.rules.js';
import {
  CancelOnBehalfInput,
  PromoteInput,
  RegisterInput,
  RemoveRegistrationInput,
  StaffActor,
  StaffRegisterInput,
  type StaffActorInput,
  WalkInInput,
  type Registration,
  type RegistrationChannel,
  type RegistrationStatus,
} from '../registration/registration.js';
import { seatsLeft } from '../registration/registration.rules.js';
import { ok, type Result } from '../result.js';
import { transition } from '../rules/transition.js';
import { validate } from '../validation.js';
import { foldWalk, evolveWalk, waitlistPosition, type WalkAggregate } from '../walk/walk.fold.js';
import { walkRules, type WalkContext, type WalkEventName } from '../walk/walk.rules.js';
import { defaultRegistrationDeadline, walkDetailsOf } from '../walk/walk-details.js';
import { effectiveWalkStatus } from '../walk/walk.status.js';
import { ReasonInput, RescheduleWalkInput, ScheduleWalkInput, type Walk } from '../walk/walk.js';
import type { CommandOptions, Decision, Runtime, StreamKind } from './runtime.js';
import { sameSecret } from '../internal/same-secret.js';

export const walkStream: StreamKind<WalkAggregate, WalkEvent> = {
  prefix: 'walk-',
  notFound: 'walk.not-found',
  evolve: (state, events) => (state === undefined ? foldWalk(events) : events.reduce(evolveWalk, state)),
};

/** What a sign-up returns: the registration, its status and, when waitlisted, its position. */
export interface RegistrationOutcome {
  readonly registration: Registration;
  readonly status: RegistrationStatus;
  /** 1-based place on the waiting list. */
  readonly position?: number | undefined;
}

const registrationOutcome = (agg: WalkAggregate, id: string): RegistrationOutcome => {
  const registration = agg.registrations.find((r) => r.id === id) as Registration;
  return { registration, status: registration.status, position: waitlistPosition(agg.registrations, id) };
};

/**
 * The options of a command staff give (every walk command but a person's own `register` and
 * `cancelRegistration`): {@linkcode CommandOptions} and who acts, which the events record as their
 * `by` (the server fills it from the session; absent, the event names nobody). An actor that does
 * not fit {@linkcode StaffActor} is refused with `validation.invalid`.
 */
export interface StaffCommandOptions extends CommandOptions {
  /** The account acting, its role and organisation; checked with {@linkcode StaffActor}. */
  readonly actor?: StaffActorInput | undefined;
}

/**
 * The `by` of a staff command's events, from `options.actor` (checked with {@linkcode StaffActor},
 * refused with `validation.invalid`), or nothing when absent. Every staff command (walks, reports,
 * observations, engagements) stamps its events with it.
 */
export function staffByOf(rt: Pick<Runtime, 'localeOf'>, options?: StaffCommandOptions): Result<{ by?: StaffActor }> {
  if (options?.actor === undefined) return ok({});
  const parsed = validate(StaffActor, options.actor, rt.localeOf(options));
  return parsed.ok ? ok({ by: parsed.value }) : parsed;
}

/** The walk with its status as people see it (deadline applied). */
const effective = (walk: Walk, now: Date): Walk => ({ ...walk, status: effectiveWalkStatus(walk, now) });

/**
 * Commands on walks (diagnostics en marchant) and their registrations:
 * `gusp.walks`. Every command is async, returns a `Result` and never throws
 * for bad input or a refused rule; `options.locale` sets the language of its
 * error message.
 */
export interface WalkCommands {
  /** Schedules a walk as a draft; the city's defaults fill what is not given (duration, capacity, registration deadline). */
  schedule(input: ScheduleWalkInput, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /**
   * Sets a draft's details again (quartier, date, route, seats…), as `schedule` takes them: what is
   * not given is the city's default or none, so the whole form is sent. Drafts only
   * (`walk.invalid-transition` once published: reschedule it then).
   */
  editDraft(walkId: string, input: ScheduleWalkInput, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /** Opens registrations: needs a known quartier, a start in the future, a meeting point and seats. */
  publish(walkId: string, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /** Closes registrations before the deadline (they close by themselves at it). */
  closeRegistrations(walkId: string, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /** Starts the walk, no earlier than the city's `startEarlyMinutes` (30 by default) before its time. */
  start(walkId: string, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /** Ends the walk: confirmed people who were not checked in become absent. */
  finish(walkId: string, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /** Cancels the walk, with a reason told to every registrant. */
  cancel(walkId: string, input: { reason: string }, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /** Moves the walk to another time (and place); registrants are told, the iCalendar `SEQUENCE` goes up. */
  reschedule(walkId: string, input: RescheduleWalkInput, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /**
   * Signs a person up: `confirmed` while seats remain in their pool, else
   * `waitlisted` with a position. Institutional actors have seats of their own.
   */
  register(walkId: string, input: RegisterInput, options?: CommandOptions): Promise<Result<RegistrationOutcome>>;
  /**
   * Staff sign up someone who phoned in (`channel: 'phone'`, consent given orally: `consent.via: 'staff'`):
   * email or phone, one is required. From publication until the walk starts, the registration deadline
   * passed or not; waitlisted when the person's pool is full, unless `overCapacity.reason` says why to
   * seat them anyway. Refused: `registration.staff-sign-up-closed` (a draft, or a walk under way: add a
   * walk-in then), and the sign-up's own rules (consent, contact, the same email twice).
   */
  registerByStaff(walkId: string, input: StaffRegisterInput, options?: StaffCommandOptions): Promise<Result<RegistrationOutcome>>;
  /**
   * Adds someone who turned up during the walk (`channel: 'walk-in'`), present at once (`attended`),
   * registrations closed or not and whatever the seats; a contact is optional, the oral consent is
   * not. Refused outside the walk with `registration.walk-in-not-underway`.
   */
  walkIn(walkId: string, input: WalkInInput, options?: StaffCommandOptions): Promise<Result<RegistrationOutcome>>;
  /**
   * Staff cancel for a person (who phoned to say she cannot come): no cancel token, a `reason` if staff
   * give one; before the walk starts, and the freed seat goes to the first waitlisted person, as when
   * the person cancels.
   */
  cancelOnBehalf(
    walkId: string,
    registrationId: string,
    input?: CancelOnBehalfInput,
    options?: StaffCommandOptions,
  ): Promise<Result<RegistrationOutcome>>;
  /**
   * Staff seat a waitlisted person, skipping the queue: when their pool has a free seat, or beyond the
   * capacity with `overCapacity.reason`; before the walk starts. Refused without either with
   * `registration.over-capacity-reason-required`.
   */
  promoteByStaff(
    walkId: string,
    registrationId: string,
    input?: PromoteInput,
    options?: StaffCommandOptions,
  ): Promise<Result<RegistrationOutcome>>;
  /**
   * Cancels a registration. With `token`, only the person holding the token
   * given at sign-up may cancel. A freed seat goes to the first waitlisted person.
   */
  cancelRegistration(
    walkId: string,
    registrationId: string,
    options?: CommandOptions & { token?: string },
  ): Promise<Result<RegistrationOutcome>>;
  /**
   * Staff end a sign-up, with a reason (required; the person is told it by email).
   * Confirmed or waitlisted, before the walk starts; the freed seat goes to the first
   * waitlisted person, as for a cancellation.
   */
  removeRegistration(
    walkId: string,
    registrationId: string,
    input: RemoveRegistrationInput,
    options?: StaffCommandOptions,
  ): Promise<Result<RegistrationOutcome>>;
  /** Marks a confirmed participant as present, during the walk; a waitlisted person who came too. */
  checkIn(walkId: string, registrationId: string, options?: StaffCommandOptions): Promise<Result<RegistrationOutcome>>;
  /** Removes names and contacts of every registration of the walk, keeping anonymous counts; answers how many registrations the walk has. */
  purgePersonalData(walkId: string, options?: StaffCommandOptions): Promise<Result<number>>;
  /** Erases one person's registration data (right to erasure): name, contact and needs go, the anonymous role and status stay. */
  eraseRegistration(walkId: string, registrationId: string, options?: StaffCommandOptions): Promise<Result<RegistrationOutcome>>;
  /** A walk with its registrations and report, or `walk.not-found`. */
  get(walkId: string, options?: CommandOptions): Promise<Result<WalkAggregate>>;
  /** Every walk, in no particular order. */
  list(): Promise<WalkAggregate[]>;
}

/** Makes {@linkcode WalkCommands} over a runtime. */
export function walkCommands(rt: Runtime): WalkCommands {
  const { city } = rt;
  const tz = city.timezone;
  const stream = (id: string) => walkStream.prefix + id;

  /** Runs a decision on an existing walk; `walk.not-found` otherwise. */
  const onWalk = <T>(
    walkId: string,
    decide: (agg: WalkAggregate, now: Date) => Decision,
    outcome: (agg: WalkAggregate, appended: readonly { type: string; data: unknown }[]) => T,
    options?: CommandOptions,
  ): Promise<Result<T>> =>
    rt.execute(
      walkStream,
      stream(walkId),
      (agg, now) => (agg ? decide(agg, now) : rt.error('walk.not-found', options, { walkId })),
      outcome,
      options,
    );

  const walkTransition = (agg: WalkAggregate, now: Date, event: WalkEventName, extra: Partial<WalkContext>, options?: CommandOptions) =>
    rt.rule(
      transition(walkRules, effectiveWalkStatus(agg.walk, now), event, { city, walk: agg.walk, now, report: agg.report, ...extra }),
      options,
    );

  const deadlineEvents = (agg: WalkAggregate, now: Date): WalkEvent[] =>
    agg.walk.status === 'open' && effectiveWalkStatus(agg.walk, now) === 'closed'
      ? [rt.event<RegistrationsClosed>('RegistrationsClosed', { automatic: true }, now)]
      : [];

  const registrationContext = (
    agg: WalkAggregate,
    now: Date,
    role: Registration['role'],
    extra: Partial<RegistrationContext> = {},
  ): RegistrationContext => ({
    walk: effective(agg.walk, now),
    registrations: agg.registrations,
    now,
    role,
    ...extra,
  });

  const byOf = (options?: StaffCommandOptions) => staffByOf(rt, options);

  /** A new registration as a sign-up command makes it, from its checked input and the status the table chose. */
  const newRegistration = (
    agg: WalkAggregate,
    now: Date,
    i: z.infer<typeof RegisterInput>,
    status: RegistrationStatus,
    channel: RegistrationChannel,
    locale: string,
    extra: Partial<Registration> = {},
  ): Registration => {
    const at = toZonedISO(now, tz);
    return {
      id: newId<'RegistrationId'>(),
      walkId: agg.walk.id,
      name: i.name,
      ...(i.email ? { email: i.email } : {}),
      ...(i.phone ? { phone: i.phone } : {}),
      role: i.role,
      ...(i.organisationId ? { organisationId: i.organisationId } : {}),
      needs: i.needs,
      ...(i.needsNote ? { needsNote: i.needsNote } : {}),
      locale: i.locale ?? locale,
      consent: channel === 'online' ? { version: city.consentVersion, at } : { version: city.consentVersion, at, via: 'staff' },
      status,
      cancelToken: nanoid(32),
      registeredAt: at,
      updatedAt: at,
      channel,
      ...extra,
    };
  };

  /** The registration a sign-up command appended, as its outcome. */
  const registeredOutcome = (agg: WalkAggregate, appended: readonly { type: string; data: unknown }[]): RegistrationOutcome => {
    const registered = appended.find((e) => e.type === 'ParticipantRegistered' || e.type === 'WalkInRegistered') as
      ParticipantRegistered | WalkInRegistered;
    return registrationOutcome(agg, registered.data.registration.id);
  };

  /** Promotes waitlisted people, first come first served, while their pool has seats. */
  const promotions = (walk: Walk, registrations: Registration[], now: Date): ParticipantPromoted[] => {
    const events: ParticipantPromoted[] = [];
    for (const r of registrations) {
      if (r.status !== 'waitlisted') continue;
      const ctx = { walk, registrations, now, role: r.role };
      if (!transition(registrationRules, r.status, 'promote', ctx).ok) continue;
      events.push(rt.event<ParticipantPromoted>('ParticipantPromoted', { registrationId: r.id }, now));
      registrations = registrations.map((x) => (x.id === r.id ? { ...x, status: 'confirmed' } : x));
    }
    return events;
  };

  /**
   * Ends a registration (`cancel` by the person, `remove` by staff): the table decides, then
   * `ended` says so and the freed seat promotes whoever it can, first come first served.
   */
  const endRegistration = (
    agg: WalkAggregate,
    now: Date,
    r: Registration,
    event: 'cancel' | 'remove',
    extra: Partial<RegistrationContext>,
    ended: WalkEvent,
    options?: CommandOptions,
  ): Decision => {
    const allowed = rt.rule(transition(registrationRules, r.status, event, registrationContext(agg, now, r.role, extra)), options);
    if (!allowed.ok) return allowed;
    const after = agg.registrations.map((x) => (x.id === r.id ? { ...x, status: allowed.value } : x));
    return ok([ended, ...promotions(effective(agg.walk, now), after, now)]);
  };

  /** A lifecycle step of the walk with no input: the table decides, `events` says what happened. */
  const step =
    (event: WalkEventName, events: (agg: WalkAggregate, now: Date, by: { by?: StaffActor }) => WalkEvent[]) =>
    (walkId: string, options?: StaffCommandOptions): Promise<Result<Walk>> =>
      onWalk(
        walkId,
        (agg, now) => {
          const by = byOf(options);
          if (!by.ok) return by;
          const allowed = walkTransition(agg, now, event, {}, options);
          return allowed.ok ? ok(events(agg, now, by.value)) : allowed;
        },
        (agg) => agg.walk,
        options,
      );

  return {
    /** Schedules a walk as a draft; the city's defaults fill what is not given. */
    async schedule(input: ScheduleWalkInput, options?: StaffCommandOptions): Promise<Result<Walk>> {
      const parsed = validate(ScheduleWalkInput, input, rt.localeOf(options));
      if (!parsed.ok) return parsed;
      const by = byOf(options);
      if (!by.ok) return by;
      const i = parsed.value;
      const id = newId<'WalkId'>();
      return rt.execute(
        walkStream,
        stream(id),
        (_, now) => {
          const at = toZonedISO(now, tz);
          const walk: Walk = {
            id,
            ...walkDetailsOf(i, city),
            status: 'draft',
            sequence: 0,
            createdAt: at,
            updatedAt: at,
          };
          const allowed = rt.rule(transition(walkRules, 'none', 'schedule', { city, walk, now }), options);
          return allowed.ok ? ok([rt.event<WalkScheduled>('WalkScheduled', { walk, ...by.value }, now)]) : allowed;
        },
        (agg) => agg.walk,
        options,
      );
    },

    /** Sets a draft's details again. */
    editDraft: (walkId: string, input: ScheduleWalkInput, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const parsed = validate(ScheduleWalkInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const details = walkDetailsOf(parsed.value, city);
          // The guards look at the walk as it would be (its new quartier).
          const allowed = walkTransition(agg, now, 'editDraft', { walk: { ...agg.walk, ...details } }, options);
          return allowed.ok ? ok([rt.event<WalkDraftEdited>('WalkDraftEdited', { details, ...by.value }, now)]) : allowed;
        },
        (agg) => agg.walk,
        options,
      ),

    /** Opens registrations. */
    publish: step('publish', (_, now, by) => [rt.event<WalkPublished>('WalkPublished', by, now)]),

    /** Closes registrations before the deadline (they close by themselves at it). */
    closeRegistrations: step('closeRegistrations', (_, now, by) => [
      rt.event<RegistrationsClosed>('RegistrationsClosed', { automatic: false, ...by }, now),
    ]),

    /** Starts the walk (no earlier than 30 minutes before its time, by default). */
    start: step('start', (agg, now, by) => [...deadlineEvents(agg, now), rt.event<WalkStarted>('WalkStarted', by, now)]),

    /** Ends the walk: confirmed people who were not checked in become absent. */
    finish: step('finish', (agg, now, by) => [
      ...agg.registrations
        .filter((r) => transition(registrationRules, r.status, 'markAbsent', registrationContext(agg, now, r.role)).ok)
        .map((r) => rt.event<ParticipantMarkedAbsent>('ParticipantMarkedAbsent', { registrationId: r.id }, now)),
      rt.event<WalkFinished>('WalkFinished', by, now),
    ]),

    /** Cancels the walk, with a reason told to every registrant. */
    cancel: (walkId: string, input: { reason: string }, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const parsed = validate(ReasonInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const allowed = walkTransition(agg, now, 'cancel', { reason: parsed.value.reason }, options);
          return allowed.ok ? ok([rt.event<WalkCancelled>('WalkCancelled', { reason: parsed.value.reason, ...by.value }, now)]) : allowed;
        },
        (agg) => agg.walk,
        options,
      ),

    /** Moves the walk to another time (and place); registrants are told. */
    reschedule: (walkId: string, input: RescheduleWalkInput, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const parsed = validate(RescheduleWalkInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const i = parsed.value;
          const registrationDeadline = i.registrationDeadline
            ? toZonedISO(i.registrationDeadline, tz)
            : defaultRegistrationDeadline(city, i.startsAt);
          const allowed = rt.rule(
            transition(walkRules, agg.walk.status, 'reschedule', { city, walk: agg.walk, now, startsAt: i.startsAt, registrationDeadline }),
            options,
          );
          if (!allowed.ok) return allowed;
          const data: WalkRescheduled['data'] = {
            startsAt: toZonedISO(i.startsAt, tz),
            registrationDeadline,
            ...(i.meetingPoint ? { meetingPoint: i.meetingPoint } : {}),
            ...(i.reason ? { reason: i.reason } : {}),
            ...by.value,
          };
          return ok([rt.event<WalkRescheduled>('WalkRescheduled', data, now)]);
        },
        (agg) => agg.walk,
        options,
      ),

    /**
     * Signs a person up: `confirmed` while public seats remain, else
     * `waitlisted` with a position. Institutional actors have seats of their own.
     */
    register: (walkId: string, input: RegisterInput, options?: CommandOptions): Promise<Result<RegistrationOutcome>> =>
      onWalk(
        walkId,
        (agg, now) => {
          const locale = rt.localeOf(options);
          const parsed = validate(RegisterInput, input, locale);
          if (!parsed.ok) return parsed;
          const i = parsed.value;
          const ctx = registrationContext(agg, now, i.role, { email: i.email, phone: i.phone, consent: i.consent });
          const allowed = rt.rule(transition(registrationRules, 'none', 'register', ctx), options);
          if (!allowed.ok) return allowed;
          const registration = newRegistration(agg, now, i, allowed.value, 'online', locale);
          return ok([rt.event<ParticipantRegistered>('ParticipantRegistered', { registration }, now)]);
        },
        registeredOutcome,
        options,
      ),

    /** Staff sign up someone who phoned in; see {@linkcode WalkCommands.registerByStaff}. */
    registerByStaff: (walkId: string, input: StaffRegisterInput, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const locale = rt.localeOf(options);
          const parsed = validate(StaffRegisterInput, input, locale);
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const { overCapacity, ...i } = parsed.value;
          const ctx = registrationContext(agg, now, i.role, {
            email: i.email,
            phone: i.phone,
            consent: i.consent,
            overCapacityReason: overCapacity?.reason,
          });
          const allowed = rt.rule(transition(registrationRules, 'none', 'registerByStaff', ctx), options);
          if (!allowed.ok) return allowed;
          // The reason is kept only when it is what seated the person (no seat was left in their pool).
          const beyond = overCapacity && allowed.value === 'confirmed' && seatsLeft(ctx.walk, agg.registrations, i.role) === 0;
          const registration = newRegistration(
            agg,
            now,
            i,
            allowed.value,
            'phone',
            locale,
            beyond ? { overCapacityReason: overCapacity.reason } : {},
          );
          return ok([rt.event<ParticipantRegistered>('ParticipantRegistered', { registration, ...by.value }, now)]);
        },
        registeredOutcome,
        options,
      ),

    /** Someone who turned up during the walk; see {@linkcode WalkCommands.walkIn}. */
    walkIn: (walkId: string, input: WalkInInput, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const locale = rt.localeOf(options);
          const parsed = validate(WalkInInput, input, locale);
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const i = parsed.value;
          const ctx = registrationContext(agg, now, i.role, { email: i.email, phone: i.phone, consent: i.consent });
          const allowed = rt.rule(transition(registrationRules, 'none', 'walkIn', ctx), options);
          if (!allowed.ok) return allowed;
          const registration = newRegistration(agg, now, i, allowed.value, 'walk-in', locale);
          return ok([rt.event<WalkInRegistered>('WalkInRegistered', { registration, ...by.value }, now)]);
        },
        registeredOutcome,
        options,
      ),

    /** Staff cancel for a person; see {@linkcode WalkCommands.cancelOnBehalf}. */
    cancelOnBehalf: (walkId: string, registrationId: string, input: CancelOnBehalfInput = {}, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const r = agg.registrations.find((x) => x.id === registrationId);
          if (!r) return rt.error('registration.not-found', options, { registrationId });
          const parsed = validate(CancelOnBehalfInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const { reason } = parsed.value;
          const cancelled = rt.event<RegistrationCancelled>(
            'RegistrationCancelled',
            { registrationId: r.id, ...(reason ? { reason } : {}), ...by.value },
            now,
          );
          return endRegistration(agg, now, r, 'cancel', {}, cancelled, options);
        },
        (agg) => registrationOutcome(agg, registrationId),
        options,
      ),

    /** Staff seat a waitlisted person; see {@linkcode WalkCommands.promoteByStaff}. */
    promoteByStaff: (walkId: string, registrationId: string, input: PromoteInput = {}, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const r = agg.registrations.find((x) => x.id === registrationId);
          if (!r) return rt.error('registration.not-found', options, { registrationId });
          const parsed = validate(PromoteInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const reason = parsed.value.overCapacity?.reason;
          const ctx = registrationContext(agg, now, r.role, { overCapacityReason: reason });
          const allowed = rt.rule(transition(registrationRules, r.status, 'promoteByStaff', ctx), options);
          if (!allowed.ok) return allowed;
          const beyond = reason !== undefined && seatsLeft(ctx.walk, agg.registrations, r.role) === 0;
          const data: ParticipantPromoted['data'] = {
            registrationId: r.id,
            ...(beyond ? { overCapacityReason: reason } : {}),
            ...by.value,
          };
          return ok([rt.event<ParticipantPromoted>('ParticipantPromoted', data, now)]);
        },
        (agg) => registrationOutcome(agg, registrationId),
        options,
      ),

    /**
     * Cancels a registration. With `token`, only the person holding the token
     * given at sign-up may cancel. A freed seat goes to the first waitlisted person.
     */
    cancelRegistration: (walkId: string, registrationId: string, options?: CommandOptions & { token?: string }) =>
      onWalk(
        walkId,
        (agg, now) => {
          const r = agg.registrations.find((x) => x.id === registrationId);
          if (!r || (options?.token !== undefined && !sameSecret(options.token, r.cancelToken))) {
            return rt.error('registration.not-found', options, { registrationId });
          }
          const cancelled = rt.event<RegistrationCancelled>('RegistrationCancelled', { registrationId: r.id }, now);
          return endRegistration(agg, now, r, 'cancel', {}, cancelled, options);
        },
        (agg) => registrationOutcome(agg, registrationId),
        options,
      ),

    /** Staff end a sign-up, with a reason; the freed seat goes to the first waitlisted person. */
    removeRegistration: (walkId: string, registrationId: string, input: RemoveRegistrationInput, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const r = agg.registrations.find((x) => x.id === registrationId);
          if (!r) return rt.error('registration.not-found', options, { registrationId });
          const parsed = validate(RemoveRegistrationInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const { reason } = parsed.value;
          const removed = rt.event<RegistrationRemoved>('RegistrationRemoved', { registrationId: r.id, reason, ...by.value }, now);
          return endRegistration(agg, now, r, 'remove', { reason }, removed, options);
        },
        (agg) => registrationOutcome(agg, registrationId),
        options,
      ),

    /** Marks a confirmed participant as present, during the walk; a waitlisted person who came too. */
    checkIn: (walkId: string, registrationId: string, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const r = agg.registrations.find((x) => x.id === registrationId);
          if (!r) return rt.error('registration.not-found', options, { registrationId });
          const by = byOf(options);
          if (!by.ok) return by;
          const allowed = rt.rule(transition(registrationRules, r.status, 'checkIn', registrationContext(agg, now, r.role)), options);
          return allowed.ok
            ? ok([rt.event<ParticipantCheckedIn>('ParticipantCheckedIn', { registrationId: r.id, ...by.value }, now)])
            : allowed;
        },
        (agg) => registrationOutcome(agg, registrationId),
        options,
      ),

    /** Removes names and contacts of every registration of the walk, keeping anonymous counts. */
    purgePersonalData: (walkId: string, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const by = byOf(options);
          if (!by.ok) return by;
          const ids = agg.registrations.filter((r) => !r.anonymised).map((r) => r.id);
          return ok(
            ids.length === 0 ? [] : [rt.event<PersonalDataPurged>('PersonalDataPurged', { registrationIds: ids, ...by.value }, now)],
          );
        },
        (agg) => agg.registrations.length,
        options,
      ),

    /**
     * Erases one person's registration data (right to erasure): name, contact
     * and needs go, the anonymous role and status stay for the counts.
     */
    eraseRegistration: (walkId: string, registrationId: string, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const r = agg.registrations.find((x) => x.id === registrationId);
          if (!r) return rt.error('registration.not-found', options, { registrationId });
          const by = byOf(options);
          if (!by.ok) return by;
          return ok(
            r.anonymised ? [] : [rt.event<PersonalDataPurged>('PersonalDataPurged', { registrationIds: [r.id], ...by.value }, now)],
          );
        },
        (agg) => registrationOutcome(agg, registrationId),
        options,
      ),

    /** A walk with its registrations and report. */
    get: (walkId: string, options?: CommandOptions) => rt.get(walkStream, walkId, options),
    /** Every walk stream, in no particular order. */
    list: () => rt.all(walkStream),
  };
}
