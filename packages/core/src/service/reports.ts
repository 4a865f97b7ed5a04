// SPDX-License-Identifier: EUPL-1.2
import { calendarDay, toZonedISO } from '../dates.js';
import type { ReportDrafted, ReportEdited, ReportShared, ReportValidated } from '../events.js';
import { newId } from '../ids.js';
import { buildReport } from '../report/build-report.js';
import { reportRules } from '../report/report.rules.js';
import { findTheme, localName } from '../city/lookup.js';
import type { Observation } from '../observation/observation.js';
import {
  EditReportInput,
  ShareReportInput,
  ValidateReportInput,
  type Report,
  type ReportPhoto,
  type ReportStopNote,
} from '../report/report.js';
import type { Walk } from '../walk/walk.js';
import { ok, type Result } from '../result.js';
import { transition } from '../rules/transition.js';
import { validate } from '../validation.js';
import { walkRules } from '../walk/walk.rules.js';
import { engagementStream } from './engagements.js';
import { observationStream } from './observations.js';
import type { CommandOptions, Decision, Runtime } from './runtime.js';
import type { WalkAggregate } from '../walk/walk.fold.js';
import { staffByOf, walkStream, type StaffCommandOptions } from './walks.js';

/**
 * Commands on comptes-rendus: `gusp.reports`. A report lives in its walk's
 * stream. Every command is async, returns a `Result` and never throws for bad
 * input or a refused rule.
 */
export interface ReportCommands {
  /**
   * Drafts the report of a done walk from the walk, its observations and engagements; while still a
   * draft, drafts it again. Like `validate` and `share`, `options.actor` names who: the event's `by`.
   */
  draft(walkId: string, options?: StaffCommandOptions): Promise<Result<Report>>;
  /**
   * Edits the draft's texts and photos (`EditReportInput`): each field given replaces the report's,
   * `''` removes a text; an unknown stop is refused with `report.unknown-stop`, a photo that is not one
   * of the walk's observations' with `report.unknown-photo`. Drafting it again keeps them.
   */
  edit(walkId: string, input: EditReportInput, options?: StaffCommandOptions): Promise<Result<Report>>;
  /** Validates the report, optionally with the coordinator's summary. */
  validate(walkId: string, input?: { summary?: string }, options?: StaffCommandOptions): Promise<Result<Report>>;
  /** Shares the validated report with every participant (on `sharedOn`, today otherwise): the walk becomes `reported`. */
  share(walkId: string, input?: { sharedOn?: string }, options?: StaffCommandOptions): Promise<Result<Report>>;
  /** The report of a walk, or `walk.not-found` / `report.not-found`. */
  get(walkId: string, options?: CommandOptions): Promise<Result<Report>>;
}

/** The observations a report quotes: the walk's, neither duplicates nor rejected. */
const quoted = (observations: readonly Observation[], walkId: string) =>
  observations.filter((o) => o.walkId === walkId && o.status !== 'duplicate' && o.status !== 'rejected');

/** The coordinator's words of `from`, minus the stops and photos that are no longer the walk's. */
function editsOf(from: Report | undefined, walk: Walk, observations: readonly Observation[]): Partial<Report> {
  if (!from) return {};
  const stops = new Set<string>(walk.stops.map((s) => s.id));
  const photos = new Set(quoted(observations, walk.id).flatMap((o) => o.photos.map((p) => p.id)));
  const out: Partial<Report> = {};
  if (from.summary !== undefined) out.summary = from.summary;
  if (from.introduction !== undefined) out.introduction = from.introduction;
  if (from.positivesNote !== undefined) out.positivesNote = from.positivesNote;
  if (from.nextSteps !== undefined) out.nextSteps = from.nextSteps;
  if (from.stopNotes) out.stopNotes = from.stopNotes.filter((n) => stops.has(n.stopId));
  if (from.photos) out.photos = from.photos.filter((p) => photos.has(p.photoId));
  return out;
}

/** Makes {@linkcode ReportCommands} over a runtime. */
export function reportCommands(rt: Runtime): ReportCommands {
  const { city } = rt;
  const onReport = (
    walkId: string,
    decide: (agg: WalkAggregate, now: Date) => Decision,
    options?: CommandOptions,
  ): Promise<Result<Report>> =>
    rt.execute(
      walkStream,
      walkStream.prefix + walkId,
      (agg, now) => (agg ? decide(agg, now) : rt.error('walk.not-found', options, { walkId })),
      (agg) => agg.report as Report,
      options,
    );

  return {
    /** Drafts (or regenerates, while still a draft) the report from the walk, its observations and engagements. */
    async draft(walkId: string, options?: StaffCommandOptions): Promise<Result<Report>> {
      const [observations, engagements] = await Promise.all([rt.all(observationStream), rt.all(engagementStream)]);
      return rt.execute(
        walkStream,
        walkStream.prefix + walkId,
        (agg, now) => {
          if (!agg) return rt.error('walk.not-found', options, { walkId });
          const by = staffByOf(rt, options);
          if (!by.ok) return by;
          const existing = agg.report;
          const allowed = rt.rule(
            transition(reportRules, existing?.status ?? 'none', existing ? 'regenerate' : 'draft', { walk: agg.walk }),
            options,
          );
          if (!allowed.ok) return allowed;
          const report = {
            ...buildReport({
              id: existing?.id ?? newId<'ReportId'>(),
              walk: agg.walk,
              registrations: agg.registrations,
              observations,
              engagements,
              generatedAt: toZonedISO(now, city.timezone),
            }),
            // New observations or engagements arrived: the coordinator's texts and photos stay.
            ...editsOf(existing, agg.walk, observations),
          };
          return ok([rt.event<ReportDrafted>('ReportDrafted', { report, ...by.value }, now)]);
        },
        (agg) => agg.report as Report,
        options,
      );
    },

    /** Edits the draft's texts and photos. */
    async edit(walkId: string, input: EditReportInput, options?: StaffCommandOptions): Promise<Result<Report>> {
      const observations = quoted(await rt.all(observationStream), walkId);
      return onReport(
        walkId,
        (agg, now) => {
          const locale = rt.localeOf(options);
          const parsed = validate(EditReportInput, input, locale);
          if (!parsed.ok) return parsed;
          const by = staffByOf(rt, options);
          if (!by.ok) return by;
          if (!agg.report) return rt.error('report.not-found', options, { walkId });
          const allowed = rt.rule(transition(reportRules, agg.report.status, 'edit', { walk: agg.walk }), options);
          if (!allowed.ok) return allowed;
          const v = parsed.value;
          const stopIds = new Set<string>(agg.walk.stops.map((s) => s.id));
          const unknownStops = (v.stops ?? []).map((s) => s.stopId).filter((id) => !stopIds.has(id));
          if (unknownStops.length > 0) return rt.error('report.unknown-stop', options, { stopIds: unknownStops });
          const photoOf = new Map(observations.flatMap((o) => o.photos.map((p) => [p.id, o] as const)));
          const unknownPhotos = (v.photos ?? []).map((p) => p.photoId).filter((id) => !photoOf.has(id));
          if (unknownPhotos.length > 0) return rt.error('report.unknown-photo', options, { photoIds: unknownPhotos });
          const data: ReportEdited['data'] = { ...by.value };
          if (v.introduction !== undefined) data.introduction = v.introduction;
          if (v.positives !== undefined) data.positivesNote = v.positives;
          if (v.next !== undefined) data.nextSteps = v.next;
          if (v.stops !== undefined) {
            // One text per stop (the last one sent wins), in the route's order; an empty text removes it.
            const byStop = new Map(v.stops.map((s) => [s.stopId as string, s.text]));
            data.stopNotes = agg.walk.stops.flatMap((s): ReportStopNote[] => {
              const text = byStop.get(s.id);
              return text ? [{ stopId: s.id, text }] : [];
            });
          }
          if (v.photos !== undefined) {
            const seen = new Set<string>();
            data.photos = v.photos.flatMap((p): ReportPhoto[] => {
              const o = photoOf.get(p.photoId);
              if (!o || seen.has(p.photoId)) return [];
              seen.add(p.photoId);
              // Without the coordinator's words, the observation's theme and text describe the photo.
              const theme = findTheme(city, o.themeId);
              const alt = p.alt || `${theme ? localName(theme, city.locale) : o.themeId} : ${o.description}`.slice(0, 300);
              return [{ photoId: p.photoId, observationId: o.id, alt }];
            });
          }
          return ok([rt.event<ReportEdited>('ReportEdited', data, now)]);
        },
        options,
      );
    },

    /** Validates the report, optionally with the coordinator's summary. */
    validate: (walkId: string, input: { summary?: string } = {}, options?: StaffCommandOptions) =>
      onReport(
        walkId,
        (agg, now) => {
          const parsed = validate(ValidateReportInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = staffByOf(rt, options);
          if (!by.ok) return by;
          if (!agg.report) return rt.error('report.not-found', options, { walkId });
          const allowed = rt.rule(transition(reportRules, agg.report.status, 'validate', { walk: agg.walk }), options);
          const data = parsed.value.summary === undefined ? by.value : { summary: parsed.value.summary, ...by.value };
          return allowed.ok ? ok([rt.event<ReportValidated>('ReportValidated', data, now)]) : allowed;
        },
        options,
      ),

    /** Shares the report with every participant: the walk becomes `reported`. */
    share: (walkId: string, input: { sharedOn?: string } = {}, options?: StaffCommandOptions) =>
      onReport(
        walkId,
        (agg, now) => {
          const locale = rt.localeOf(options);
          const parsed = validate(ShareReportInput, input, locale);
          if (!parsed.ok) return parsed;
          const by = staffByOf(rt, options);
          if (!by.ok) return by;
          if (!agg.report) return rt.error('report.not-found', options, { walkId });
          const allowed = rt.rule(transition(reportRules, agg.report.status, 'share', { walk: agg.walk }), options);
          if (!allowed.ok) return allowed;
          const walkAllowed = rt.rule(
            transition(walkRules, agg.walk.status, 'shareReport', { city, walk: agg.walk, now, report: agg.report }),
            options,
          );
          if (!walkAllowed.ok) return walkAllowed;
          const sharedOn = parsed.value.sharedOn ?? calendarDay(now, city.timezone);
          return ok([rt.event<ReportShared>('ReportShared', { sharedOn, ...by.value }, now)]);
        },
        options,
      ),

    /** The report of a walk. */
    async get(walkId: string, options?: CommandOptions): Promise<Result<Report>> {
      const walk = await rt.get(walkStream, walkId, options);
      if (!walk.ok) return walk;
      return walk.value.report ? ok(walk.value.report) : rt.error('report.not-found', options, { walkId });
    },
  };
}
