// SPDX-License-Identifier: EUPL-1.2
import type {
  ObservationEvent,
  ObservationMarkedDuplicate,
  ObservationPhotoRedacted,
  ObservationQualified,
  ObservationRecorded,
  ObservationRejected,
  ObservationResolved,
  ReporterContactErased,
} from '../events.js';
import { quartierOf } from '../geo.js';
import { newId } from '../ids.js';
import { foldObservation, evolveObservation } from '../observation/observation.fold.js';
import { observationRules, type ObservationContext, type ObservationEventName } from '../observation/observation.rules.js';
import { QualifyObservationInput, RecordObservationInput, TriageNote, type Observation } from '../observation/observation.js';
import { ok, type Result } from '../result.js';
import { transition } from '../rules/transition.js';
import { toZonedISO } from '../dates.js';
import { validate } from '../validation.js';
import type { CommandOptions, Decision, Runtime, StreamKind } from './runtime.js';
import { staffByOf, walkStream, type StaffCommandOptions } from './walks.js';
import * as z from 'zod/mini';
import { ObservationId as ObservationIdSchema } from '../ids.js';
import { noControlCharacters } from '../text.js';

export const observationStream: StreamKind<Observation, ObservationEvent> = {
  prefix: 'observation-',
  notFound: 'observation.not-found',
  evolve: (state, events) => (state === undefined ? foldObservation(events) : events.reduce(evolveObservation, state)),
};

export const DuplicateInput = /* @__PURE__ */ z.object({ of: ObservationIdSchema, note: TriageNote });
/** What `resolve` may take: the staff's answer (a response template, edited). */
export const ResolveInput = /* @__PURE__ */ z.object({ note: TriageNote });
/** A rectangle of a photo, in the stored image's pixels (origin top left). */
export const PhotoRegion = /* @__PURE__ */ z.object({
  x: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(1599)),
  y: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(1599)),
  width: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(1600)),
  height: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(1600)),
});
export type PhotoRegion = z.infer<typeof PhotoRegion>;
/** What `redactPhoto` records: which photo of the observation, and the regions blurred (1 to 20). */
export const RedactPhotoInput = /* @__PURE__ */ z.object({
  photoId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  regions: /* @__PURE__ */ z.array(PhotoRegion).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(20)),
});
export type RedactPhotoInput = z.infer<typeof RedactPhotoInput>;

/** A note as the events keep it: none when empty. */
const noteOf = (note: string | undefined) => (note ? { note } : {});
export const RejectInput = /* @__PURE__ */ z.object({
  reason: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(2000)),
});

/**
 * Commands on observations, points positifs and dysfonctionnements:
 * `gusp.observations`. Every command is async, returns a `Result` and never
 * throws for bad input or a refused rule.
 */
export interface ObservationCommands {
  /**
   * Records an observation: during a walk (`walkId`), up to the city's grace
   * period after it by staff, or any time outside walks. A location is
   * required in at least one form: a stop, a point or words. Recorded by staff (a walk's agent),
   * `options.actor` names who: the event's `by`, as a walk's staff commands do. Without a
   * `quartierId` (nor a walk), a point is filed under its quartier (`quartierOf`); a point outside
   * every quartier's shape is refused with `geo.outside-city`, even with a `quartierId`.
   */
  record(input: RecordObservationInput, options?: StaffCommandOptions): Promise<Result<Observation>>;
  /**
   * Gives the observation to a responsible organisation, with a severity. Like every triage
   * command, `options.actor` names who: the event's `by`.
   */
  qualify(id: string, input: QualifyObservationInput, options?: StaffCommandOptions): Promise<Result<Observation>>;
  /** Marks the observation as a duplicate of another one (`of`, which must exist). */
  markDuplicate(id: string, input: { of: string; note?: string }, options?: StaffCommandOptions): Promise<Result<Observation>>;
  /** Sets the observation aside, with a reason. */
  reject(id: string, input: { reason: string }, options?: StaffCommandOptions): Promise<Result<Observation>>;
  /** Marks a qualified observation as fixed straight away, without an engagement (`input.note`: the staff's answer). */
  resolve(id: string, options?: StaffCommandOptions, input?: { note?: string }): Promise<Result<Observation>>;
  /**
   * Records that regions of one of its photos were blurred (a face, a plate): the application
   * replaced the stored photo (the core keeps no pixels); `observation.photo-not-attached` when the
   * observation has no photo of that id.
   */
  redactPhoto(id: string, input: RedactPhotoInput, options?: StaffCommandOptions): Promise<Result<Observation>>;
  /** Erases the reporter's contact (a person's right to erasure); the observation stays. Staff who asked: `options.actor`, the event's `by`. */
  eraseReporter(id: string, options?: StaffCommandOptions): Promise<Result<Observation>>;
  /** One observation, or `observation.not-found`. */
  get(id: string, options?: CommandOptions): Promise<Result<Observation>>;
  /** Every observation, in no particular order. */
  list(): Promise<Observation[]>;
}

/** Makes {@linkcode ObservationCommands} over a runtime. */
export function observationCommands(rt: Runtime): ObservationCommands {
  const { city } = rt;

  const onObservation = (
    id: string,
    decide: (obs: Observation, now: Date) => Decision | Promise<Decision>,
    options?: CommandOptions,
  ): Promise<Result<Observation>> =>
    rt.execute(
      observationStream,
      observationStream.prefix + id,
      (obs, now) => (obs ? decide(obs, now) : rt.error('observation.not-found', options, { observationId: id })),
      (obs) => obs,
      options,
    );

  const check = (obs: Observation, event: ObservationEventName, ctx: Partial<ObservationContext>, now: Date, options?: CommandOptions) =>
    rt.rule(transition(observationRules, obs.status, event, { city, now, id: obs.id, ...ctx }), options);

  return {
    /**
     * Records an observation: during a walk (`walkId`), up to 48 hours after
     * it by staff, or any time outside walks. A location is required in at
     * least one form: a stop, a point or words.
     */
    async record(input: RecordObservationInput, options?: StaffCommandOptions): Promise<Result<Observation>> {
      const locale = rt.localeOf(options);
      const parsed = validate(RecordObservationInput, input, locale);
      if (!parsed.ok) return parsed;
      const i = parsed.value;
      const by = staffByOf(rt, options);
      if (!by.ok) return by;
      const id = newId<'ObservationId'>();
      return rt.execute(
        observationStream,
        observationStream.prefix + id,
        async (_, now) => {
          const walk = i.walkId === undefined ? undefined : (await rt.load(walkStream, walkStream.prefix + i.walkId)).state?.walk;
          if (i.walkId !== undefined && !walk) return rt.error('walk.not-found', options, { walkId: i.walkId });
          // A point is filed under the quartier whose shape contains it (or, without shapes, the nearest
          // centre's), unless the quartier is named; a point outside every shape is refused either way.
          const placed = i.point ? quartierOf(city, i.point, rt.localeOf(options)) : ok(undefined);
          if (!placed.ok) return placed;
          const quartierId = i.quartierId ?? walk?.quartierId ?? placed.value?.id;
          const contact = i.reporter && [i.reporter.name, i.reporter.email, i.reporter.phone].some((v) => (v ?? '').trim() !== '');
          const ctx: ObservationContext = {
            city,
            now,
            quartierId,
            themeId: i.themeId,
            source: i.source,
            walk,
            stopId: i.stopId,
            hasPoint: i.point !== undefined,
            address: i.address,
            contactGiven: Boolean(contact),
            contactConsent: i.reporter?.consent === true,
          };
          const allowed = rt.rule(transition(observationRules, 'none', 'record', ctx), options);
          if (!allowed.ok) return allowed;
          const at = toZonedISO(now, city.timezone);
          const r = i.reporter;
          const observation: Observation = {
            id,
            quartierId: quartierId as Observation['quartierId'],
            ...(i.walkId ? { walkId: i.walkId } : {}),
            ...(i.stopId ? { stopId: i.stopId } : {}),
            ...(i.point ? { point: i.point } : {}),
            ...(i.address ? { address: i.address } : {}),
            polarity: i.polarity,
            themeId: i.themeId,
            description: i.description,
            photos: i.photos,
            source: i.source,
            ...(r && contact
              ? {
                  reporter: {
                    ...(r.name ? { name: r.name } : {}),
                    ...(r.email ? { email: r.email } : {}),
                    ...(r.phone ? { phone: r.phone } : {}),
                    consent: { version: city.consentVersion, at },
                  },
                }
              : {}),
            status: allowed.value,
            recordedAt: at,
            updatedAt: at,
          };
          return ok([rt.event<ObservationRecorded>('ObservationRecorded', { observation, ...by.value }, now)]);
        },
        (obs) => obs,
        options,
      );
    },

    /** Gives the observation to a responsible organisation, with a severity. */
    qualify: (id: string, input: QualifyObservationInput, options?: StaffCommandOptions) =>
      onObservation(
        id,
        (obs, now) => {
          const parsed = validate(QualifyObservationInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = staffByOf(rt, options);
          if (!by.ok) return by;
          const allowed = check(obs, 'qualify', { organisationId: parsed.value.organisationId }, now, options);
          const { organisationId, severity, note } = parsed.value;
          return allowed.ok
            ? ok([rt.event<ObservationQualified>('ObservationQualified', { organisationId, severity, ...noteOf(note), ...by.value }, now)])
            : allowed;
        },
        options,
      ),

    /** Marks the observation as a duplicate of another one. */
    markDuplicate: (id: string, input: { of: string; note?: string }, options?: StaffCommandOptions) =>
      onObservation(
        id,
        async (obs, now) => {
          const parsed = validate(DuplicateInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = staffByOf(rt, options);
          if (!by.ok) return by;
          const allowed = check(obs, 'markDuplicate', { duplicateOf: parsed.value.of }, now, options);
          if (!allowed.ok) return allowed;
          const original = await rt.load(observationStream, observationStream.prefix + parsed.value.of);
          if (!original.state) return rt.error('observation.not-found', options, { observationId: parsed.value.of });
          return ok([
            rt.event<ObservationMarkedDuplicate>(
              'ObservationMarkedDuplicate',
              { of: parsed.value.of, ...noteOf(parsed.value.note), ...by.value },
              now,
            ),
          ]);
        },
        options,
      ),

    /** Sets the observation aside, with a reason. */
    reject: (id: string, input: { reason: string }, options?: StaffCommandOptions) =>
      onObservation(
        id,
        (obs, now) => {
          const parsed = validate(RejectInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = staffByOf(rt, options);
          if (!by.ok) return by;
          const allowed = check(obs, 'reject', { reason: parsed.value.reason }, now, options);
          return allowed.ok
            ? ok([rt.event<ObservationRejected>('ObservationRejected', { reason: parsed.value.reason, ...by.value }, now)])
            : allowed;
        },
        options,
      ),

    /** Marks a qualified observation as fixed straight away. */
    resolve: (id: string, options?: StaffCommandOptions, input: { note?: string } = {}) =>
      onObservation(
        id,
        (obs, now) => {
          const parsed = validate(ResolveInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = staffByOf(rt, options);
          if (!by.ok) return by;
          const allowed = check(obs, 'resolve', {}, now, options);
          return allowed.ok
            ? ok([rt.event<ObservationResolved>('ObservationResolved', { ...noteOf(parsed.value.note), ...by.value }, now)])
            : allowed;
        },
        options,
      ),

    redactPhoto: (id: string, input: RedactPhotoInput, options?: StaffCommandOptions) =>
      onObservation(
        id,
        (obs, now) => {
          const parsed = validate(RedactPhotoInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = staffByOf(rt, options);
          if (!by.ok) return by;
          const { photoId, regions } = parsed.value;
          const attached = obs.photos.some((p) => p.id === photoId || (p.url ?? '').endsWith(`/${photoId}`));
          if (!attached) return rt.error('observation.photo-not-attached', options, { observationId: id, photoId });
          return ok([rt.event<ObservationPhotoRedacted>('ObservationPhotoRedacted', { photoId, regions, ...by.value }, now)]);
        },
        options,
      ),

    /** Erases the reporter's contact (a person's right to erasure); the observation stays. */
    eraseReporter: (id: string, options?: StaffCommandOptions) =>
      onObservation(
        id,
        (obs, now) => {
          if (!obs.reporter) return ok([]);
          const by = staffByOf(rt, options);
          if (!by.ok) return by;
          return ok([rt.event<ReporterContactErased>('ReporterContactErased', by.value, now)]);
        },
        options,
      ),

    get: (id: string, options?: CommandOptions) => rt.get(observationStream, id, options),
    list: () => rt.all(observationStream),
  };
}
