// SPDX-License-Identifier: EUPL-1.2
import { calendarDay, toZonedISO } from '../dates.js';
import type { ReportDrafted, ReportShared, ReportValidated } from '../events.js';
import { newId } from '../ids.js';
import { buildReport } from '../report/build-report.js';
import { reportRules } from '../report/report.rules.js';
import { ShareReportInput, ValidateReportInput, type Report } from '../report/report.js';
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
  /** Validates the report, optionally with the coordinator's summary. */
  validate(walkId: string, input?: { summary?: string }, options?: StaffCommandOptions): Promise<Result<Report>>;
  /** Shares the validated report with every participant (on `sharedOn`, today otherwise): the walk becomes `reported`. */
  share(walkId: string, input?: { sharedOn?: string }, options?: StaffCommandOptions): Promise<Result<Report>>;
  /** The report of a walk, or `walk.not-found` / `report.not-found`. */
  get(walkId: string, options?: CommandOptions): Promise<Result<Report>>;
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
          const report = buildReport({
            id: existing?.id ?? newId<'ReportId'>(),
            walk: agg.walk,
            registrations: agg.registrations,
            observations,
            engagements,
            generatedAt: toZonedISO(now, city.timezone),
          });
          return ok([rt.event<ReportDrafted>('ReportDrafted', { report, ...by.value }, now)]);
        },
        (agg) => agg.report as Report,
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
