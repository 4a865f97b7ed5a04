// SPDX-License-Identifier: EUPL-1.2
/**
 * The CSV import of engagements' progress (the bulk update partners ask for): a file in the
 * columns of the engagements export ({@linkcode ENGAGEMENT_CSV_COLUMNS}, `,` or `;`), edited in a
 * spreadsheet, turned into the lifecycle's own commands. Pure: {@linkcode planEngagementImport}
 * reads the file against the engagements as they are and answers every row's problem, or the
 * steps to apply, each with an idempotency key derived from the file and the row, so the caller
 * can validate everything first, apply after, and retry without applying anything twice.
 *
 * Read: `id` (required), `status`, `progress`, `dueOn`, `organisationId` (to accept a proposed
 * one), and two columns the export does not write: `note` (the point d'étape's or completion's
 * note) and `reason` (for a reschedule, a reopen, an abandon). Every other column is ignored.
 */
import type { CityProfile } from '../city/city-profile.js';
import { ENGAGEMENT_STATUSES } from '../engagement/engagement-status.js';
import { evolveEngagement } from '../engagement/engagement.fold.js';
import { engagementRules, type EngagementEventName } from '../engagement/engagement.rules.js';
import type { Engagement, EngagementStatus } from '../engagement/engagement.js';
import type { EngagementEvent } from '../events.js';
import { errorMessageIn, labelIn } from '../i18n.js';
import { CSV_MESSAGES, ENGAGEMENT_MESSAGES, FIELD_MESSAGES, FOLLOW_UP_MESSAGES } from '../locales/messages.js';
import { ENGAGEMENT_IMPORT_MESSAGES } from './engagement-import.messages.js';
import type { STAFF_ROLES } from '../registration/registration.js';
import { transition } from '../rules/transition.js';
import { CalendarDay } from '../time.js';
import { toZonedISO } from '../dates.js';
import { parseCSVRecords } from './csv.js';

/** The commands an import may issue, in the order one row's steps run. */
export type EngagementImportCommand = Extract<
  EngagementEventName,
  'accept' | 'start' | 'progress' | 'complete' | 'verify' | 'reopen' | 'abandon' | 'reschedule'
>;

/** The columns an import reads (the others, the export's included, are ignored). */
export const ENGAGEMENT_IMPORT_COLUMNS = ['id', 'status', 'progress', 'dueOn', 'organisationId', 'note', 'reason'] as const;

/** Commands an organisation's staff may issue on their own engagements; the rest are the coordinator's. */
export const ORGANISATION_IMPORT_COMMANDS: readonly EngagementImportCommand[] = ['start', 'progress', 'complete'];

/** One row's problem: its row as a spreadsheet numbers it (the header is row 1), the column, a localized message. */
export interface EngagementImportProblem {
  readonly row: number;
  readonly column: string;
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** One command to run: on which engagement, with what input, under which idempotency key. */
export interface EngagementImportStep {
  readonly row: number;
  readonly engagementId: string;
  readonly command: EngagementImportCommand;
  readonly input: Readonly<Record<string, unknown>>;
  /** `engagement-import:<file digest>:<row>:<command>`: the same file retried replays, never re-applies. */
  readonly key: string;
}

export interface EngagementImportPlan {
  /** Rows read (blank lines and the header not counted). */
  readonly rows: number;
  /** Rows equal to the current state: nothing to do. */
  readonly unchanged: number;
  /** Rows that change something. */
  readonly changed: number;
  readonly steps: readonly EngagementImportStep[];
  /** Every problem of every row; when there is any, nothing should be applied. */
  readonly problems: readonly EngagementImportProblem[];
  /** The file's digest, which the steps' keys carry. */
  readonly digest: string;
}

export interface EngagementImportOptions {
  readonly city: CityProfile;
  /** Today, for the due-date guard (the city's calendar). */
  readonly now: Date;
  /** The language of the messages: the city's by default. */
  readonly locale?: string | undefined;
  /** Who imports: an organisation's staff change their own engagements, with their commands only. */
  readonly actor: { readonly role: (typeof STAFF_ROLES)[number]; readonly organisationId?: string | undefined };
}

/** A short stable digest of the file (FNV-1a, 2 × 32 bits): enough to tell two files apart in a key, no crypto needed. */
export function importDigest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (i & 0xff), 0x5bd1e995) >>> 0;
  }
  return a.toString(36).padStart(7, '0') + b.toString(36).padStart(7, '0');
}

/** The domains the import speaks from: its own, the engagements' rules, CSV reading. */
const DOMAINS = [ENGAGEMENT_IMPORT_MESSAGES, ENGAGEMENT_MESSAGES, FOLLOW_UP_MESSAGES, CSV_MESSAGES, FIELD_MESSAGES];
/** A message of the import (or of the rules it quotes) in `locale`. */
export const importMessage = (code: string, locale?: string, details: Record<string, unknown> = {}): string =>
  errorMessageIn(DOMAINS, code, locale, details);
const labelOf = (key: string, locale?: string): string => labelIn(DOMAINS, key, locale);

const FORMULA_GUARD = /^'+[=+\-@\t\r]/;
/** A free-text cell as the export writes it (a `'` before what a spreadsheet would run) back to its text. */
const text = (cell: string): string => {
  const t = cell.trim();
  return FORMULA_GUARD.test(t) ? t.slice(1) : t;
};

/** The event a step becomes, to fold what the engagement will be after it (the core's own fold, whatever it does). */
const EVENT_TYPES: Record<EngagementImportCommand, EngagementEvent['type']> = {
  accept: 'EngagementAccepted',
  start: 'EngagementStarted',
  progress: 'EngagementProgressed',
  complete: 'EngagementCompleted',
  verify: 'EngagementVerified',
  reopen: 'EngagementReopened',
  abandon: 'EngagementAbandoned',
  reschedule: 'EngagementRescheduled',
};

/** Status changes only (not `progress`, `reschedule`): what moves an engagement from one status to another. */
const MOVES: readonly EngagementImportCommand[] = ['accept', 'start', 'complete', 'verify', 'reopen', 'abandon'];

/**
 * The shortest sequence of status commands from `from` to `to`, read from the rules table
 * (breadth first): `accepted → done` is start then complete; a reopen only as the last step.
 */
function pathOf(from: EngagementStatus, to: EngagementStatus, reopening = true): EngagementImportCommand[] | undefined {
  const seen = new Set<string>([from]);
  let frontier: { state: EngagementStatus; path: EngagementImportCommand[] }[] = [{ state: from, path: [] }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { state, path } of frontier) {
      const on = engagementRules.on[state] ?? {};
      for (const command of MOVES) {
        const def = on[command];
        const target = Array.isArray(def)
          ? (def[0] as { target: EngagementStatus } | undefined)?.target
          : (def as { target?: EngagementStatus } | undefined)?.target;
        if (target === undefined || seen.has(target) || (command === 'reopen' && !reopening)) continue;
        if (target === to) return [...path, command];
        // Reopening is said on purpose, never a detour (done → abandoned is not reopen then abandon).
        if (command === 'reopen') continue;
        seen.add(target);
        next.push({ state: target, path: [...path, command] });
      }
    }
    frontier = next;
  }
  return undefined;
}

/** Which column a refusal of the rules points at. */
function columnOfRefusal(code: string, command: EngagementImportCommand): string {
  if (code === 'engagement.reason-required') return 'reason';
  if (code === 'engagement.due-date-in-past') return 'dueOn';
  if (code === 'engagement.unknown-organisation') return 'organisationId';
  if (command === 'progress') return 'progress';
  if (command === 'reschedule') return 'dueOn';
  return 'status';
}

/**
 * Plans an import: reads every row of `csv` against `current` (the engagements as they are, by
 * id) and answers every problem, or the steps that bring each engagement to its row. A row equal
 * to its engagement plans nothing, so the same file read again once applied plans no step.
 *
 * Per row, in this order: the status (the lifecycle's commands from the current status to the
 * row's, shortest path; `accept` takes `organisationId` and `dueOn`), then `progress` (a point
 * d'étape with `note`, when the row changes the percent and it differs from what the engagement
 * will be; on an accepted one, after a start), then `dueOn` (a reschedule with `reason`, when the
 * row changes it). A cell equal to the engagement as it is counts as unchanged, and so does a
 * status it has already gone past (a file exported earlier, or sent again once applied). Each step is checked by the rules table on the
 * state the previous steps lead to; an organisation's staff may only start, progress and
 * complete their own engagements.
 *
 * @example
 * const plan = planEngagementImport(csv, engagements, { city: valence, now: new Date(), actor: { role: 'coordinator' } });
 * if (plan.problems.length > 0) show(plan.problems); // row, column, message
 * else for (const step of plan.steps) await gusp.engagements[step.command](step.engagementId, step.input, { clientId: step.key });
 */
export function planEngagementImport(
  csv: string,
  current: ReadonlyMap<string, Engagement> | readonly Engagement[],
  options: EngagementImportOptions,
): EngagementImportPlan {
  const { city, now, actor } = options;
  const locale = options.locale ?? city.locale;
  const byId: ReadonlyMap<string, Engagement> = Array.isArray(current)
    ? new Map((current as readonly Engagement[]).map((e) => [e.id, e]))
    : (current as ReadonlyMap<string, Engagement>);
  const digest = importDigest(csv.startsWith('\uFEFF') ? csv.slice(1) : csv);
  const problems: EngagementImportProblem[] = [];
  const steps: EngagementImportStep[] = [];
  const problem = (row: number, column: string, code: string, details: Record<string, unknown> = {}, message?: string) =>
    problems.push({
      row,
      column,
      code,
      message: message ?? importMessage(code, locale, details),
      ...(Object.keys(details).length ? { details } : {}),
    });
  const commandLabel = (command: EngagementImportCommand) => labelOf(`engagement-import.command.${command}`, locale);
  const statusLabel = (status: string) => labelOf(`engagement.status.${status}`, locale);
  const empty = { rows: 0, unchanged: 0, changed: 0, steps: [], digest };

  const parsed = parseCSVRecords(csv, { locale });
  if (!parsed.ok) {
    const errors = (parsed.error.details.errors ?? []) as { line: number; reason: string }[];
    for (const e of errors) problems.push({ row: e.line, column: '', code: 'csv.invalid', message: parsed.error.message });
    if (errors.length === 0) problem(1, '', parsed.error.code);
    return { ...empty, problems };
  }
  const [header, ...records] = parsed.value;
  const names = header?.fields.map((f) => f.trim()) ?? [];
  const duplicates = names.filter((name, i) => name !== '' && names.indexOf(name) !== i);
  if (duplicates.length > 0) problem(1, duplicates[0]!, 'csv.duplicate-columns', { columns: duplicates });
  if (!names.includes('id')) problem(1, 'id', 'csv.missing-columns', { columns: ['id'] });
  if (problems.length > 0) return { ...empty, problems };
  const cellOf = (fields: readonly string[], column: string) => {
    const at = names.indexOf(column);
    return at < 0 ? '' : (fields[at] ?? '').trim();
  };

  const seen = new Map<string, number>();
  let rows = 0;
  let unchanged = 0;
  const today = toZonedISO(now, city.timezone);
  records.forEach((record, index) => {
    const row = index + 2;
    if (record.fields.every((f) => f.trim() === '')) return;
    rows++;
    const before = problems.length;
    if (record.fields.length !== names.length) {
      problem(row, '', 'csv.field-count', { expected: names.length, found: record.fields.length });
      return;
    }
    const cell = (column: string) => cellOf(record.fields, column);
    const id = cell('id');
    if (id === '') return void problem(row, 'id', 'engagement-import.id-required');
    const engagement = byId.get(id);
    if (!engagement) return void problem(row, 'id', 'engagement-import.unknown-id', { engagementId: id });
    const first = seen.get(id);
    if (first !== undefined) return void problem(row, 'id', 'engagement-import.duplicate-id', { engagementId: id, first });
    seen.set(id, row);
    if (actor.organisationId !== undefined && engagement.organisationId !== actor.organisationId)
      return void problem(row, 'id', 'engagement-import.forbidden-organisation', {
        engagementId: id,
        organisationId: actor.organisationId,
      });

    // The row's wishes; an empty cell keeps what the engagement has.
    const statusCell = cell('status');
    const status = statusCell === '' ? engagement.status : (statusCell as EngagementStatus);
    if (!(ENGAGEMENT_STATUSES as readonly string[]).includes(status))
      problem(row, 'status', 'engagement-import.invalid-status', { value: statusCell, values: ENGAGEMENT_STATUSES });
    const progressCell = cell('progress');
    let percent: number | undefined;
    if (progressCell !== '') {
      const n = Number(progressCell.replace(/\s*%$/, '').replace(',', '.'));
      if (!Number.isInteger(n) || n < 0 || n > 100)
        problem(row, 'progress', 'engagement-import.percent-out-of-range', { value: progressCell });
      else percent = n;
    }
    const dueCell = cell('dueOn');
    if (dueCell !== '' && !CalendarDay.safeParse(dueCell).success)
      problem(row, 'dueOn', 'engagement-import.invalid-day', { value: dueCell });
    const dueOn = dueCell === '' ? engagement.dueOn : dueCell;
    const organisationCell = cell('organisationId');
    const note = text(cell('note'));
    const reason = text(cell('reason'));
    if (problems.length > before) return;

    // The steps, each checked on the state the previous ones lead to (the core's own fold).
    const planned: EngagementImportStep[] = [];
    let state: Engagement = engagement;
    const tryStep = (command: EngagementImportCommand, input: Record<string, unknown>): boolean => {
      if (actor.role !== 'coordinator' && !ORGANISATION_IMPORT_COMMANDS.includes(command)) {
        problem(row, command === 'reschedule' ? 'dueOn' : 'status', 'engagement-import.coordinator-only', {
          command,
          commandLabel: commandLabel(command),
        });
        return false;
      }
      const context = {
        city,
        now,
        quartierId: state.quartierId,
        themeId: state.themeId,
        organisationId: (input.organisationId as string | undefined) ?? state.organisationId,
        dueOn: input.dueOn as string | undefined,
        reason: input.reason as string | undefined,
        // Who acts, for the table's own guard on it (only city staff verify).
        actorRole: actor.role,
      };
      const allowed = transition(engagementRules, state.status, command, context);
      if (!allowed.ok) {
        const details = { ...allowed.error.details, commandLabel: commandLabel(command), statusLabel: statusLabel(state.status) };
        const why = importMessage(allowed.error.code, locale, details);
        const message = importMessage('engagement-import.refused', locale, { ...details, why });
        problem(row, columnOfRefusal(allowed.error.code, command), allowed.error.code, details, message);
        return false;
      }
      const event = { type: EVENT_TYPES[command], at: today, data: input } as unknown as EngagementEvent;
      state = evolveEngagement(state, [event]);
      planned.push({ row, engagementId: id, command, input, key: `engagement-import:${digest}:${row}:${command}` });
      return true;
    };
    const withNote = note === '' ? {} : { note };

    // A status the engagement has gone past (the file was exported before it moved on, or is sent again) is no wish.
    // Not an abandoned one: asking it to run again is a wish the lifecycle refuses, said as such.
    const behind =
      status !== engagement.status && engagement.status !== 'abandoned' && pathOf(status, engagement.status, false) !== undefined;
    if (status !== engagement.status && !behind) {
      const path = pathOf(engagement.status, status);
      if (!path) {
        problem(row, 'status', 'engagement-import.no-path', { from: statusLabel(engagement.status), to: statusLabel(status) });
        return;
      }
      for (const command of path) {
        const input: Record<string, unknown> =
          command === 'accept'
            ? { organisationId: organisationCell || engagement.organisationId, dueOn: dueCell || engagement.dueOn, ...withNote }
            : command === 'reopen' || command === 'abandon'
              ? { reason }
              : command === 'complete' || command === 'verify'
                ? withNote
                : {};
        if (command === 'accept' && (input.organisationId === undefined || input.organisationId === '')) {
          problem(row, 'organisationId', 'engagement-import.organisation-required');
          return;
        }
        if (command === 'accept' && input.dueOn === undefined) {
          problem(row, 'dueOn', 'engagement-import.due-required');
          return;
        }
        if (!tryStep(command, input)) return;
      }
    } else if (!behind && organisationCell !== '' && organisationCell !== engagement.organisationId && engagement.status !== 'proposed') {
      problem(row, 'organisationId', 'engagement-import.organisation-fixed');
      return;
    }
    // Only what the row changes counts: a cell equal to the engagement as it was is no wish (the export's 40 % left as is
    // on a row marked done is not a point d'étape after the completion's 100 %).
    if (percent !== undefined && percent !== engagement.progress && percent !== state.progress) {
      // A percent on an accepted engagement says work has started.
      if (state.status === 'accepted' && status === engagement.status && !tryStep('start', {})) return;
      if (!tryStep('progress', { percent, ...withNote })) return;
    }
    if (dueOn !== undefined && dueOn !== engagement.dueOn && dueOn !== state.dueOn && !tryStep('reschedule', { dueOn, reason })) return;

    if (planned.length === 0) unchanged++;
    steps.push(...planned);
  });
  const changed = new Set(steps.map((s) => s.row)).size;
  return problems.length > 0
    ? { rows, unchanged, changed, steps: [], problems, digest }
    : { rows, unchanged, changed, steps, problems, digest };
}
