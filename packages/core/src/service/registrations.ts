// SPDX-License-Identifier: EUPL-1.2
/**
 * The registration commands of anything people sign up to (a *gathering*: a walk, a workshop of a
 * concerted project), written once: `walkCommands` and `workshopCommands` both spread what
 * {@linkcode registrationCommands} makes over their own stream, so a workshop's sign-up has the
 * walk's guarantees (capacity, institutional seats, FIFO waiting list, consent, the same email
 * once, cancel token, staff sign-ups, walk-ins) because it is the same code.
 */
import { nanoid } from 'nanoid';
import type * as z from 'zod/mini';
import { toZonedISO } from '../dates.js';
import type {
  DomainEvent,
  ParticipantCheckedIn,
  ParticipantMarkedAbsent,
  ParticipantPromoted,
  ParticipantRegistered,
  PersonalDataPurged,
  RegistrationCancelled,
  RegistrationRemoved,
  WalkInRegistered,
} from '../events.js';
import { newId } from '../ids.js';
import { effectiveGatheringStatus, type Gathering } from '../registration/gathering.js';
import { waitlistPosition } from '../registration/registration.fold.js';
import { registrationRules, seatsLeft, type RegistrationContext } from '../registration/registration.rules.js';
import {
  CancelOnBehalfInput,
  PromoteInput,
  RegisterInput,
  RemoveRegistrationInput,
  StaffRegisterInput,
  WalkInInput,
  type RegistrationChannel,
  type RegistrationFields,
  type RegistrationStatus,
  type Registration,
  type StaffActor,
} from '../registration/registration.js';
import { ok, type Result } from '../result.js';
import { transition, type RuleRefusal } from '../rules/transition.js';
import { sameSecret } from '../internal/same-secret.js';
import { validate } from '../validation.js';
import type { CommandOptions, Decision, Runtime, StreamKind } from './runtime.js';
import { staffByOf, type StaffCommandOptions } from './staff-actor.js';

/** What a sign-up returns: the registration, its status and, when waitlisted, its position. */
export interface RegistrationOutcome<R extends RegistrationFields = Registration> {
  readonly registration: R;
  readonly status: RegistrationStatus;
  /** 1-based place on the waiting list. */
  readonly position?: number | undefined;
}

/** A stream's state as the registration commands read it: its sign-ups, in sign-up order. */
export interface GatheringAggregate<R extends RegistrationFields> {
  readonly registrations: readonly R[];
}

/** How the registration commands find and read one kind of gathering. */
export interface GatheringKind<A extends GatheringAggregate<R>, R extends RegistrationFields> {
  /** Its stream: prefix, `notFound` code and fold. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any stream's events: the commands only append registration events
  readonly stream: StreamKind<A, any>;
  /** The name of its id in a refusal's details (`walkId`, `workshopId`). */
  readonly idName: string;
  /** What it is, in every refusal's details as `gathering`: the messages say « ce diagnostic » or « cet atelier ». */
  readonly noun: 'walk' | 'workshop';
  /** The gathering of a state, its status as stored (the deadline is applied here). */
  readonly gathering: (agg: A) => Gathering;
  /** What ties a new registration to it: `{ walkId }`, `{ workshopId }`. */
  readonly parent: (agg: A) => Omit<R, keyof RegistrationFields>;
}

/**
 * A gathering's registration commands (`gusp.walks.register`, `gusp.workshops.register`, …).
 * Every command is async, returns a `Result` and never throws for bad input or a refused rule.
 */
export interface RegistrationCommands<R extends RegistrationFields = Registration> {
  /**
   * Signs a person up: `confirmed` while seats remain in their pool, else
   * `waitlisted` with a position. Institutional actors have seats of their own.
   */
  register(id: string, input: RegisterInput, options?: CommandOptions): Promise<Result<RegistrationOutcome<R>>>;
  /**
   * Staff sign up someone who phoned in (`channel: 'phone'`, consent given orally: `consent.via: 'staff'`):
   * email or phone, one is required. From publication until the start, the registration deadline
   * passed or not; waitlisted when the person's pool is full, unless `overCapacity.reason` says why to
   * seat them anyway. Refused: `registration.staff-sign-up-closed` (a draft, or a gathering under way: add a
   * walk-in then), and the sign-up's own rules (consent, contact, the same email twice).
   */
  registerByStaff(id: string, input: StaffRegisterInput, options?: StaffCommandOptions): Promise<Result<RegistrationOutcome<R>>>;
  /**
   * Adds someone who turned up while it is under way (`channel: 'walk-in'`), present at once (`attended`),
   * registrations closed or not and whatever the seats; a contact is optional, the oral consent is
   * not. Refused otherwise with `registration.walk-in-not-underway`.
   */
  walkIn(id: string, input: WalkInInput, options?: StaffCommandOptions): Promise<Result<RegistrationOutcome<R>>>;
  /**
   * Staff cancel for a person (who phoned to say she cannot come): no cancel token, a `reason` if staff
   * give one; before the start, and the freed seat goes to the first waitlisted person, as when
   * the person cancels.
   */
  cancelOnBehalf(
    id: string,
    registrationId: string,
    input?: CancelOnBehalfInput,
    options?: StaffCommandOptions,
  ): Promise<Result<RegistrationOutcome<R>>>;
  /**
   * Staff seat a waitlisted person, skipping the queue: when their pool has a free seat, or beyond the
   * capacity with `overCapacity.reason`; before the start. Refused without either with
   * `registration.over-capacity-reason-required`.
   */
  promoteByStaff(
    id: string,
    registrationId: string,
    input?: PromoteInput,
    options?: StaffCommandOptions,
  ): Promise<Result<RegistrationOutcome<R>>>;
  /**
   * Cancels a registration. With `token`, only the person holding the token
   * given at sign-up may cancel. A freed seat goes to the first waitlisted person.
   */
  cancelRegistration(
    id: string,
    registrationId: string,
    options?: CommandOptions & { token?: string },
  ): Promise<Result<RegistrationOutcome<R>>>;
  /**
   * Staff end a sign-up, with a reason (required; the person is told it by email).
   * Confirmed or waitlisted, before the start; the freed seat goes to the first
   * waitlisted person, as for a cancellation.
   */
  removeRegistration(
    id: string,
    registrationId: string,
    input: RemoveRegistrationInput,
    options?: StaffCommandOptions,
  ): Promise<Result<RegistrationOutcome<R>>>;
  /** Marks a confirmed participant as present, while it is under way; a waitlisted person who came too. */
  checkIn(id: string, registrationId: string, options?: StaffCommandOptions): Promise<Result<RegistrationOutcome<R>>>;
  /** Removes names and contacts of every registration, keeping anonymous counts; answers how many registrations there are. */
  purgePersonalData(id: string, options?: StaffCommandOptions): Promise<Result<number>>;
  /** Erases one person's registration data (right to erasure): name, contact and needs go, the anonymous role and status stay. */
  eraseRegistration(id: string, registrationId: string, options?: StaffCommandOptions): Promise<Result<RegistrationOutcome<R>>>;
}

/** Where each registration command takes its options, for `withInputDigests`. */
export const REGISTRATION_OPTIONS_AT = {
  register: 2,
  registerByStaff: 2,
  walkIn: 2,
  cancelOnBehalf: 3,
  promoteByStaff: 3,
  cancelRegistration: 2,
  removeRegistration: 3,
  checkIn: 2,
  purgePersonalData: 1,
  eraseRegistration: 2,
} as const;

/** What {@linkcode registrationCommands} gives its gathering's own commands besides the registration commands. */
export interface RegistrationParts<A extends GatheringAggregate<R>, R extends RegistrationFields> {
  readonly commands: RegistrationCommands<R>;
  /** The context of the registration rules for a person of `role`, the gathering as people see it at `now`. */
  context(agg: A, now: Date, role: R['role'], extra?: Partial<RegistrationContext>): RegistrationContext;
  /** When it finishes: the events marking absent whoever was confirmed and did not come. */
  absentees(agg: A, now: Date): ParticipantMarkedAbsent[];
  /** The registration's outcome in a state. */
  outcome(agg: A, registrationId: string): RegistrationOutcome<R>;
}

/** Makes the registration commands of one kind of gathering over a runtime. */
export function registrationCommands<A extends GatheringAggregate<R>, R extends RegistrationFields>(
  rt: Runtime,
  kind: GatheringKind<A, R>,
): RegistrationParts<A, R> {
  const { city } = rt;
  const tz = city.timezone;
  const byOf = (options?: StaffCommandOptions) => staffByOf(rt, options);
  /** A registration rule's answer as the command's, its refusal saying what is signed up to (`details.gathering`). */
  const rule = <S>(answer: Result<S, RuleRefusal>, options?: CommandOptions): Result<S> =>
    answer.ok ? answer : rt.error(answer.error, options, { gathering: kind.noun });

  const outcome = (agg: A, id: string): RegistrationOutcome<R> => {
    const registration = agg.registrations.find((r) => r.id === id) as R;
    return { registration, status: registration.status, position: waitlistPosition(agg.registrations, id) };
  };

  const effective = (agg: A, now: Date): Gathering => {
    const g = kind.gathering(agg);
    return { ...g, status: effectiveGatheringStatus(g, now) };
  };

  const context = (agg: A, now: Date, role: R['role'], extra: Partial<RegistrationContext> = {}): RegistrationContext => ({
    gathering: effective(agg, now),
    registrations: agg.registrations,
    now,
    role,
    ...extra,
  });

  /** Runs a decision on an existing gathering; its `notFound` otherwise. */
  const on = <T>(
    id: string,
    decide: (agg: A, now: Date) => Decision,
    answer: (agg: A, appended: readonly { type: string; data: unknown }[]) => T,
    options?: CommandOptions,
  ): Promise<Result<T>> =>
    rt.execute(
      kind.stream,
      kind.stream.prefix + id,
      (agg, now) => (agg ? decide(agg, now) : rt.error(kind.stream.notFound, options, { [kind.idName]: id })),
      answer,
      options,
    );

  /** Runs a decision on one registration of an existing gathering; `registration.not-found` otherwise. */
  const onRegistration = (
    id: string,
    registrationId: string,
    decide: (agg: A, now: Date, r: R) => Decision,
    options?: CommandOptions,
  ): Promise<Result<RegistrationOutcome<R>>> =>
    on(
      id,
      (agg, now) => {
        const r = agg.registrations.find((x) => x.id === registrationId);
        return r ? decide(agg, now, r) : rt.error('registration.not-found', options, { registrationId });
      },
      (agg) => outcome(agg, registrationId),
      options,
    );

  /** A new registration as a sign-up command makes it, from its checked input and the status the table chose. */
  const newRegistration = (
    agg: A,
    now: Date,
    i: z.infer<typeof RegisterInput>,
    status: RegistrationStatus,
    channel: RegistrationChannel,
    locale: string,
    extra: Partial<RegistrationFields> = {},
  ): R => {
    const at = toZonedISO(now, tz);
    return {
      id: newId<'RegistrationId'>(),
      ...kind.parent(agg),
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
    } as R;
  };

  /**
   * A sign-up event carrying this gathering's own registration type: the store and `DomainEvent`
   * know the walk's events, a workshop's stream holds the same events with its registrations.
   */
  const signUp = (type: 'ParticipantRegistered' | 'WalkInRegistered', data: { registration: R; by?: StaffActor }, now: Date) =>
    ({ type, at: toZonedISO(now, tz), data }) as unknown as DomainEvent;

  /** The registration a sign-up command appended, as its outcome. */
  const registered = (agg: A, appended: readonly { type: string; data: unknown }[]): RegistrationOutcome<R> => {
    const event = appended.find((e) => e.type === 'ParticipantRegistered' || e.type === 'WalkInRegistered') as
      ParticipantRegistered<R> | WalkInRegistered<R>;
    return outcome(agg, event.data.registration.id);
  };

  /** Promotes waitlisted people, first come first served, while their pool has seats. */
  const promotions = (gathering: Gathering, registrations: readonly R[], now: Date): ParticipantPromoted[] => {
    const events: ParticipantPromoted[] = [];
    for (const r of registrations) {
      if (r.status !== 'waitlisted') continue;
      if (!transition(registrationRules, r.status, 'promote', { gathering, registrations, now, role: r.role }).ok) continue;
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
    agg: A,
    now: Date,
    r: R,
    event: 'cancel' | 'remove',
    extra: Partial<RegistrationContext>,
    ended: DomainEvent,
    options?: CommandOptions,
  ): Decision => {
    const allowed = rule(transition(registrationRules, r.status, event, context(agg, now, r.role, extra)), options);
    if (!allowed.ok) return allowed;
    const after = agg.registrations.map((x) => (x.id === r.id ? { ...x, status: allowed.value } : x));
    return ok([ended, ...promotions(effective(agg, now), after, now)]);
  };

  const commands: RegistrationCommands<R> = {
    register: (id, input, options) =>
      on(
        id,
        (agg, now) => {
          const locale = rt.localeOf(options);
          const parsed = validate(RegisterInput, input, locale);
          if (!parsed.ok) return parsed;
          const i = parsed.value;
          const ctx = context(agg, now, i.role, { email: i.email, phone: i.phone, consent: i.consent });
          const allowed = rule(transition(registrationRules, 'none', 'register', ctx), options);
          if (!allowed.ok) return allowed;
          const registration = newRegistration(agg, now, i, allowed.value, 'online', locale);
          return ok([signUp('ParticipantRegistered', { registration }, now)]);
        },
        registered,
        options,
      ),

    registerByStaff: (id, input, options) =>
      on(
        id,
        (agg, now) => {
          const locale = rt.localeOf(options);
          const parsed = validate(StaffRegisterInput, input, locale);
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const { overCapacity, ...i } = parsed.value;
          const ctx = context(agg, now, i.role, {
            email: i.email,
            phone: i.phone,
            consent: i.consent,
            overCapacityReason: overCapacity?.reason,
          });
          const allowed = rule(transition(registrationRules, 'none', 'registerByStaff', ctx), options);
          if (!allowed.ok) return allowed;
          // The reason is kept only when it is what seated the person (no seat was left in their pool).
          const beyond = overCapacity && allowed.value === 'confirmed' && seatsLeft(ctx.gathering, agg.registrations, i.role) === 0;
          const extra = beyond ? { overCapacityReason: overCapacity.reason } : {};
          const registration = newRegistration(agg, now, i, allowed.value, 'phone', locale, extra);
          return ok([signUp('ParticipantRegistered', { registration, ...by.value }, now)]);
        },
        registered,
        options,
      ),

    walkIn: (id, input, options) =>
      on(
        id,
        (agg, now) => {
          const locale = rt.localeOf(options);
          const parsed = validate(WalkInInput, input, locale);
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const i = parsed.value;
          const ctx = context(agg, now, i.role, { email: i.email, phone: i.phone, consent: i.consent });
          const allowed = rule(transition(registrationRules, 'none', 'walkIn', ctx), options);
          if (!allowed.ok) return allowed;
          const registration = newRegistration(agg, now, i, allowed.value, 'walk-in', locale);
          return ok([signUp('WalkInRegistered', { registration, ...by.value }, now)]);
        },
        registered,
        options,
      ),

    cancelOnBehalf: (id, registrationId, input = {}, options) =>
      onRegistration(
        id,
        registrationId,
        (agg, now, r) => {
          const parsed = validate(CancelOnBehalfInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const { reason } = parsed.value;
          const data = { registrationId: r.id, ...(reason ? { reason } : {}), ...by.value };
          return endRegistration(agg, now, r, 'cancel', {}, rt.event<RegistrationCancelled>('RegistrationCancelled', data, now), options);
        },
        options,
      ),

    promoteByStaff: (id, registrationId, input = {}, options) =>
      onRegistration(
        id,
        registrationId,
        (agg, now, r) => {
          const parsed = validate(PromoteInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const reason = parsed.value.overCapacity?.reason;
          const ctx = context(agg, now, r.role, { overCapacityReason: reason });
          const allowed = rule(transition(registrationRules, r.status, 'promoteByStaff', ctx), options);
          if (!allowed.ok) return allowed;
          const beyond = reason !== undefined && seatsLeft(ctx.gathering, agg.registrations, r.role) === 0;
          const data: ParticipantPromoted['data'] = {
            registrationId: r.id,
            ...(beyond ? { overCapacityReason: reason } : {}),
            ...by.value,
          };
          return ok([rt.event<ParticipantPromoted>('ParticipantPromoted', data, now)]);
        },
        options,
      ),

    cancelRegistration: (id, registrationId, options) =>
      on(
        id,
        (agg, now) => {
          const r = agg.registrations.find((x) => x.id === registrationId);
          // A wrong token answers as an unknown registration: it says nothing of who signed up.
          if (!r || (options?.token !== undefined && !sameSecret(options.token, r.cancelToken))) {
            return rt.error('registration.not-found', options, { registrationId });
          }
          const cancelled = rt.event<RegistrationCancelled>('RegistrationCancelled', { registrationId: r.id }, now);
          return endRegistration(agg, now, r, 'cancel', {}, cancelled, options);
        },
        (agg) => outcome(agg, registrationId),
        options,
      ),

    removeRegistration: (id, registrationId, input, options) =>
      onRegistration(
        id,
        registrationId,
        (agg, now, r) => {
          const parsed = validate(RemoveRegistrationInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const { reason } = parsed.value;
          const removed = rt.event<RegistrationRemoved>('RegistrationRemoved', { registrationId: r.id, reason, ...by.value }, now);
          return endRegistration(agg, now, r, 'remove', { reason }, removed, options);
        },
        options,
      ),

    checkIn: (id, registrationId, options) =>
      onRegistration(
        id,
        registrationId,
        (agg, now, r) => {
          const by = byOf(options);
          if (!by.ok) return by;
          const allowed = rule(transition(registrationRules, r.status, 'checkIn', context(agg, now, r.role)), options);
          return allowed.ok
            ? ok([rt.event<ParticipantCheckedIn>('ParticipantCheckedIn', { registrationId: r.id, ...by.value }, now)])
            : allowed;
        },
        options,
      ),

    purgePersonalData: (id, options) =>
      on(
        id,
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

    eraseRegistration: (id, registrationId, options) =>
      onRegistration(
        id,
        registrationId,
        (_agg, now, r) => {
          const by = byOf(options);
          if (!by.ok) return by;
          return ok(
            r.anonymised ? [] : [rt.event<PersonalDataPurged>('PersonalDataPurged', { registrationIds: [r.id], ...by.value }, now)],
          );
        },
        options,
      ),
  };

  const absentees = (agg: A, now: Date): ParticipantMarkedAbsent[] =>
    agg.registrations
      .filter((r) => transition(registrationRules, r.status, 'markAbsent', context(agg, now, r.role)).ok)
      .map((r) => rt.event<ParticipantMarkedAbsent>('ParticipantMarkedAbsent', { registrationId: r.id }, now));

  return { commands, context, absentees, outcome };
}
