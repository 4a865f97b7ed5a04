// SPDX-License-Identifier: EUPL-1.2
/**
 * The CSV import of engagements' progress (`POST /api/engagements/import`): the engagements
 * export, edited in a spreadsheet, sent back. The core's `planEngagementImport` reads the whole
 * file first and lists every row's problem; one bad row and nothing is applied. A clean file is
 * applied through the lifecycle's own commands, each under an idempotency key derived from the
 * file and the row: the same file sent twice applies nothing the second time (its rows equal
 * the engagements), and a retry after a cut connection replays what was applied instead of
 * applying it again.
 */
import {
  ENGAGEMENT_IMPORT_COLUMNS,
  importMessage,
  validate,
  planEngagementImport,
  type EngagementCommandOptions,
  type EngagementImportPlan,
  type Engagement,
  type Result,
} from '@gusp/core';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { actorOf } from '../http/actor.js';
import { Refusal, type Env, type RouteDeps } from '../http/context.js';
import { jsonAnswer, route, type RouteGroup } from '../http/route.js';

/** The largest file an import takes (a few thousand engagements with their milestones). */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

/** The JSON body: the file's text and whether to apply it (`dryRun`: only say what would happen). */
export const EngagementImportInput = /* @__PURE__ */ z.strictObject({
  csv: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(MAX_IMPORT_BYTES)),
  dryRun: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
});

/** The answer, dry run or not. */
const ImportAnswer = {
  type: 'object',
  required: ['dryRun', 'rows', 'changed', 'unchanged', 'applied', 'problems', 'steps'],
  properties: {
    dryRun: { type: 'boolean', description: 'Whether this was a dry run (nothing applied).' },
    rows: { type: 'integer', description: 'Rows read (the header and blank lines not counted).' },
    changed: { type: 'integer', description: 'Rows that change their engagement.' },
    unchanged: { type: 'integer', description: 'Rows equal to their engagement: nothing to do.' },
    applied: { type: 'integer', description: 'Commands applied (0 in a dry run, or when every row was already applied).' },
    problems: {
      type: 'array',
      description: 'Every row’s problem; never empty on a 422, always empty when applied.',
      items: {
        type: 'object',
        required: ['row', 'column', 'code', 'message'],
        properties: {
          row: { type: 'integer', description: 'The row as a spreadsheet numbers it (the header is row 1).' },
          column: { type: 'string', description: 'The column at fault (empty for the whole row).' },
          code: { type: 'string' },
          message: { type: 'string', description: 'In the caller’s language.' },
        },
      },
    },
    steps: {
      type: 'array',
      description: 'The lifecycle’s commands, in the order they run (would run, in a dry run).',
      items: {
        type: 'object',
        required: ['row', 'engagementId', 'command'],
        properties: {
          row: { type: 'integer' },
          engagementId: { type: 'string' },
          command: { type: 'string', enum: ['accept', 'start', 'progress', 'complete', 'verify', 'reopen', 'abandon', 'reschedule'] },
        },
      },
    },
  },
} as const;

const yes = (value: string | undefined) => value !== undefined && ['1', 'true', 'yes', 'oui', ''].includes(value.toLowerCase());

export function engagementImportRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, whoIs, refuse } = deps;

  /** The file and the dry-run flag, from a JSON body or the CSV itself (`text/csv`, with `?dry-run=1`). */
  const readBody = async (c: Context<Env>): Promise<{ csv: string; dryRun: boolean }> => {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const queryDryRun = yes(c.req.query('dry-run'));
    if (mediaType === 'text/csv') {
      const csv = await c.req.text();
      if (csv.trim() === '') refuse(c, 'validation.invalid', { issues: [{ path: 'csv', code: 'field.required' }] });
      return { csv, dryRun: queryDryRun };
    }
    if (mediaType !== 'application/json') refuse(c, 'request.unsupported-media-type', { ...(mediaType ? { contentType: mediaType } : {}) });
    const parsed = deps.unwrap(validate(EngagementImportInput, await deps.jsonBody(c), c.get('locale')));
    return { csv: parsed.csv, dryRun: queryDryRun || parsed.dryRun === true };
  };

  const answer = (plan: EngagementImportPlan, dryRun: boolean, applied: number) => ({
    dryRun,
    rows: plan.rows,
    changed: plan.changed,
    unchanged: plan.unchanged,
    applied,
    problems: plan.problems,
    steps: plan.steps.map(({ row, engagementId, command }) => ({ row, engagementId, command })),
  });

  return {
    base: '/api/engagements',
    tag: 'engagements',
    description: 'What partners commit to after a walk, and how far they are: public to read.',
    routes: [
      route(deps, {
        method: 'post',
        path: '/import',
        summary: 'Imports progress from a CSV file in the export’s columns, all rows or none (with a dry run)',
        description: `The file is \`GET /api/engagements.csv\`'s output, edited (\`,\` or \`;\`, a BOM or not), as JSON \`{ csv, dryRun? }\` or as \`text/csv\` itself. Columns read: ${ENGAGEMENT_IMPORT_COLUMNS.map((c) => `\`${c}\``).join(', ')} (\`note\` and \`reason\` are not in the export: add them); every other column is ignored. Each row becomes the lifecycle’s commands: its \`status\` reached from the current one (\`accept\` takes \`organisationId\` and \`dueOn\`), a new \`progress\` as a point d’étape with \`note\`, a new \`dueOn\` as a reschedule with \`reason\`. With \`dryRun\` (or \`?dry-run=1\`) nothing is applied and every row’s problem is listed; without it, one problem and nothing is applied (422 \`engagement-import.invalid\`, the problems in \`details.problems\`). Applying the same file again changes nothing (a row equal to its engagement is a no-op, and each command is keyed by the file and the row). An organisation’s staff import their own engagements only, and only start, progress and complete.`,
        access: { roles: ['coordinator', 'organisation'] },
        query: { 'dry-run': { description: '`1`: a dry run (as `dryRun: true` in the body).' } },
        body: {
          content: {
            'application/json': { schema: EngagementImportInput },
            'text/csv': { schema: { type: 'string', description: 'The file itself.' } },
          },
        },
        responses: {
          200: {
            ...jsonAnswer('What was (or would be) done: `{ dryRun, rows, changed, unchanged, applied, problems, steps }`.'),
            content: { 'application/json': { schema: ImportAnswer } },
          },
          422: jsonAnswer(
            'The file has problems (`engagement-import.invalid`, `details.problems`: row, column, code, message): nothing was applied.',
          ),
        },
        handler: async (c) => {
          const { csv, dryRun } = await readBody(c);
          const who = await whoIs(c);
          const locale = c.get('locale');
          const actor = await actorOf(c, deps);
          const organisationId = who?.role === 'organisation' ? who.organisationId : undefined;
          const engagements = await gusp.engagements.list();
          const plan = planEngagementImport(csv, engagements, {
            city: gusp.city,
            now: deps.now(),
            locale,
            actor: { role: who?.role ?? 'coordinator', ...(organisationId ? { organisationId } : {}) },
          });
          if (dryRun) return c.json(answer(plan, true, 0));
          if (plan.problems.length > 0) {
            const details = { count: plan.problems.length, rows: plan.rows, problems: plan.problems };
            throw new Refusal({
              code: 'engagement-import.invalid',
              message: importMessage('engagement-import.invalid', locale, details),
              details,
            });
          }
          const commands = gusp.engagements as unknown as Record<
            string,
            (id: string, input: unknown, options: EngagementCommandOptions) => Promise<Result<Engagement>>
          >;
          let applied = 0;
          for (const step of plan.steps) {
            const options: EngagementCommandOptions = {
              locale,
              clientId: step.key,
              ...(actor ? { actor } : {}),
              ...(organisationId ? { organisationId } : {}),
            };
            const done = await commands[step.command]!(step.engagementId, step.input, options);
            if (!done.ok) {
              // Another change crossed this file's between the plan and this step: say which row, what was applied.
              const details = { row: step.row, engagementId: step.engagementId, applied, why: done.error.message, cause: done.error.code };
              throw new Refusal({
                code: 'engagement-import.apply-failed',
                message: importMessage('engagement-import.apply-failed', locale, details),
                details,
              });
            }
            applied++;
          }
          return c.json(answer(plan, false, applied));
        },
      }),
    ],
  };
}
